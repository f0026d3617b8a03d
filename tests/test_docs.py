"""The documentation points at files that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONVENTIONS = ROOT / "docs" / "conventions.md"
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def relative_links(page: Path) -> list[str]:
    """Targets of the page's links that are not web addresses, relative to the repository."""
    targets = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", target):
            continue
        targets.append((page.parent / target).resolve().relative_to(ROOT).as_posix())
    return targets


def test_the_conventions_link_to_files_that_exist() -> None:
    links = relative_links(CONVENTIONS)
    assert len(links) >= 20
    missing = [link for link in links if not (ROOT / link).exists()]
    assert missing == [], f"docs/conventions.md links to missing files: {missing}"
