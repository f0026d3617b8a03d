"""The starter competency dictionary and training catalogue, as JSON beside this module
(synthetic: written for Surakarta's demo, not copied from any provider's catalogue).

- `competencies.json`: code, name, kind (`CompetencyKind`), description, the monitoring feedback
  tag it answers (`kinerja.monitoring.models.Competency`, or blank), the BerAKHLAK core value
  it develops (`kinerja/planning/data/berakhlak.json`, or blank), the kinds of post that need
  it (`PositionKind`).
- `courses.json`: code, title, kind (`CourseKind`), mode (`CourseMode`), provider, JP (a
  decimal string), description, and the dictionary codes it develops.

Loaded by the demo seed through the catalogue services; `tests/test_data.py` checks them.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent


@cache
def starter_dictionary() -> tuple[dict[str, Any], ...]:
    """The starter competency dictionary (`competencies.json`)."""
    data = json.loads((DATA_DIR / "competencies.json").read_text(encoding="utf-8"))
    return tuple(data["competencies"])


@cache
def starter_catalogue() -> tuple[dict[str, Any], ...]:
    """The starter training catalogue (`courses.json`); competencies by dictionary code."""
    data = json.loads((DATA_DIR / "courses.json").read_text(encoding="utf-8"))
    return tuple(data["courses"])
