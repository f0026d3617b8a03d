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
from datetime import date
from decimal import Decimal

from kinerja.learning.rules import FEEDBACK_TAGS_MIN
from kinerja.scoring.formatting import format_date_id, format_decimal

TECHNICAL = "TECHNICAL"
COACHING = "COACHING"
FEEDBACK, BEHAVIOUR, RESULTS, POST = range(4)
"""The strength of a reason: lower is stronger."""


@dataclass(frozen=True)
class CourseOption:
    course_id: int
    title: str
    jp: Decimal
    competency_ids: frozenset[int]
    kind: str = ""  # `CourseKind`; COACHING courses answer a results rating below expectation


@dataclass(frozen=True)
class CompetencyLink:
    competency_id: int
    name: str
    feedback_tag: str
    core_value: str
    position_kinds: frozenset[str]
    kind: str = ""  # `CompetencyKind`


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
    found: dict[int, list[tuple[int, str, frozenset[int]]]] = {}

    def add(course: CourseOption, strength: int, reason: str, ids: frozenset[int]) -> None:
        if course.course_id in signals.planned_course_ids:
            return
        reasons = found.setdefault(course.course_id, [])
        if all(text != reason for _, text, _ in reasons):
            reasons.append((strength, reason, ids))

    def courses_of(ids: set[int]) -> list[tuple[CourseOption, frozenset[int]]]:
        return [
            (course, course.competency_ids & ids)
            for course in courses
            if course.competency_ids & ids
        ]

    since = signals.feedback_since
    since_text = format_date_id(since) if isinstance(since, date) else ""
    for tag, n in sorted(signals.feedback_tags.items()):
        if n < FEEDBACK_TAGS_MIN:
            continue
        ids = {link.competency_id for link in competencies if link.feedback_tag == tag}
        label = signals.tag_labels.get(tag, tag.lower())
        reason = f"{n} umpan balik bertanda {label.lower()}"
        reason += f" sejak {since_text}" if since_text else ""
        for course, matched in courses_of(ids):
            add(course, FEEDBACK, reason, matched)
    for value, mean in sorted(signals.low_values.items()):
        ids = {link.competency_id for link in competencies if link.core_value == value}
        label = signals.value_labels.get(value, value.title())
        reason = f"{label} rata-rata {format_decimal(mean, 1)} dari 5"
        reason += f" pada {signals.round_label}" if signals.round_label else ""
        for course, matched in courses_of(ids):
            add(course, BEHAVIOUR, reason, matched)
    needed = {
        link.competency_id: link
        for link in competencies
        if signals.position_kind and signals.position_kind in link.position_kinds
    }
    if signals.results_below:
        reason = f"Rating hasil kerja {signals.results_below} di bawah ekspektasi"
        technical = {pk for pk, link in needed.items() if link.kind == TECHNICAL}
        for course, matched in courses_of(technical):
            add(course, RESULTS, reason, matched)
        for course in courses:
            if course.kind == COACHING:
                add(course, RESULTS, reason, frozenset())
    missing = set(needed) - signals.developed_this_year
    if missing:
        label = signals.position_kind_label or signals.position_kind
        reason = f"Dibutuhkan jabatan {label}; belum dikembangkan tahun ini"
        for course, matched in courses_of(missing):
            add(course, POST, reason, matched)
    by_id = {course.course_id: course for course in courses}
    suggestions = [
        Suggestion(
            course=by_id[course_id],
            reasons=tuple(text for _, text, _ in sorted(reasons, key=lambda r: r[0])),
            competency_ids=frozenset().union(*(ids for _, _, ids in reasons)),
        )
        for course_id, reasons in found.items()
    ]
    strength = {course_id: min(r[0] for r in reasons) for course_id, reasons in found.items()}
    return sorted(
        suggestions,
        key=lambda s: (
            strength[s.course.course_id],
            s.course.jp,
            s.course.title,
            s.course.course_id,
        ),
    )
