"""Suggested development for one employee, each with the reason in words: pure functions over
plain values (the selector `selectors/suggestions.py` gathers the signals in a few queries).

Signals and rules (`rules.py`):
- feedback: a feedback competency tag seen `FEEDBACK_TAGS_MIN` times or more since the period
  began → the courses that develop a dictionary competency linked to that tag
  ("3 umpan balik bertanda komunikasi sejak 3 Maret 2026");
- 360°: a core value whose mean in the latest closed round is below `BEHAVIOR_LOW` → courses of
  competencies linked to that core value ("Kolaboratif rata-rata 2,6 dari 5 pada umpan balik
  360 September 2026");
- results: the latest set evaluation rated results below expectation → technical courses of
  the competencies the post needs, and coaching ("Rating hasil kerja Juni 2026 di bawah
  ekspektasi");
- post: competencies the post's kind needs (`Competency.position_kinds`) that no confirmed item
  developed this year ("Dibutuhkan jabatan Pengawas; belum dikembangkan tahun ini").
A course already in the plan is not suggested again; one course suggested for several reasons
lists them all; the strongest reason first (feedback, 360°, results, post), then fewer JP.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class CourseOption:
    course_id: int
    title: str
    jp: Decimal
    competency_ids: frozenset[int]


@dataclass(frozen=True)
class CompetencyLink:
    competency_id: int
    name: str
    feedback_tag: str
    core_value: str
    position_kinds: frozenset[str]


@dataclass(frozen=True)
class Signals:
    """What is known of the employee, as plain values."""

    feedback_tags: dict[str, int]  # tag code -> count since `since`
    feedback_since: object  # date
    tag_labels: dict[str, str]  # tag code -> "komunikasi"
    low_values: dict[str, Decimal]  # core value code -> mean, only those below the threshold
    value_labels: dict[str, str]
    round_label: str  # "umpan balik 360 September 2026" or ""
    results_below: str  # "Juni 2026" when the latest set evaluation rated results below, else ""
    position_kind: str
    position_kind_label: str
    developed_this_year: frozenset[int]  # competency ids of confirmed items this year
    planned_course_ids: frozenset[int]


@dataclass(frozen=True)
class Suggestion:
    course: CourseOption
    reasons: tuple[str, ...]
    competency_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def reason_text(self) -> str:
        return "; ".join(self.reasons)


def suggest(
    *, signals: Signals, competencies: list[CompetencyLink], courses: list[CourseOption]
) -> list[Suggestion]:
    """The suggested courses with their reasons (rules in the module docstring)."""
    raise NotImplementedError
