"""The one place that turns answer sheets into figures about an employee.

Every page, export, API and the evaluation page read 360° results through `summary_build` /
`summaries_build` (no other module reads `AnswerSheet` except the rater's own sheet). The rules
(README.md, "Anonymity"):

- only a closed round has results (answers can no longer change, so comparing figures over time
  tells nothing);
- a rater's score for a core value is the exact mean of the behaviours they scored
  (`value_score`); a rater who scored none of them is not in that value's group, and their
  comment on it is left out too;
- each (relation, core value) group goes through `aggregate_behavior` with the round's k:
  a peer or subordinate group of fewer than k shows "kurang dari k penilai", with no mean, no
  count and no comment; whether it has 0, 1 or k-1 raters is never told apart;
- the supervisor's and the self-assessment's answers are shown by name whatever their number;
- comments of a shown group are sorted alphabetically (no order that could be matched to the
  order of another value or of submissions);
- there is no figure over all relations or all values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kinerja.assessment.models import (
    AnswerSheet,
    BehaviorReview,
    CycleState,
    RelationChoice,
    ReviewCycle,
)
from kinerja.assessment.questionnaire import value_codes_of
from kinerja.people.models import Employee
from kinerja.planning.selectors import CoreValue, core_values
from kinerja.scoring.behavior import (
    ALWAYS_SHOWN,
    BehaviorAnswer,
    BehaviorCell,
    Relation,
    aggregate_behavior,
    value_score,
)
from kinerja.scoring.formatting import format_decimal

RELATIONS: tuple[Relation, ...] = (
    Relation.SELF,
    Relation.SUPERVISOR,
    Relation.PEER,
    Relation.SUBORDINATE,
)


@dataclass(frozen=True)
class RelationFigure:
    """What may be shown of one relation's answers on one core value."""

    relation: Relation
    shown: bool
    count: int | None
    mean: Decimal | None
    comments: tuple[str, ...]
    k: int
    rater_name: str = ""  # the supervisor's name; the employee's own for SELF

    @property
    def label(self) -> str:
        return Relation.label_table()[self.relation.value]

    @property
    def text(self) -> str:
        """The figure in words: "4,33 (3 penilai)", "kurang dari 3 penilai", "belum mengisi"."""
        if self.shown and self.mean is not None:
            if self.relation in ALWAYS_SHOWN:
                return format_decimal(self.mean)
            return f"{format_decimal(self.mean)} ({self.count} penilai)"
        if self.relation in ALWAYS_SHOWN:
            return "belum mengisi" if self.relation is Relation.SELF else "atasan belum mengisi"
        return f"kurang dari {self.k} penilai"


@dataclass(frozen=True)
class ValueSummary:
    value: CoreValue
    figures: tuple[RelationFigure, ...]  # in RELATIONS order

    def figure(self, relation: Relation) -> RelationFigure:
        return next(f for f in self.figures if f.relation is relation)


@dataclass(frozen=True)
class Summary360:
    """One employee's 360° results in one closed round; `available` False (and no values)
    while the round is not closed."""

    cycle: ReviewCycle
    employee_id: int
    available: bool
    values: tuple[ValueSummary, ...]

    def value(self, code: str) -> ValueSummary | None:
        return next((v for v in self.values if v.value.code == code), None)


def sheet_answers(sheet: AnswerSheet) -> Iterator[BehaviorAnswer]:
    """One sheet as the scoring core reads it: a score per core value the rater scored
    (`value_score`), the rater named by the sheet's random id, never by a person."""
    for value in core_values():
        score = value_score(sheet.scores.get(code) for code in value_codes_of(value.code))
        if score is not None:
            yield BehaviorAnswer(
                rater_id=str(sheet.pk),
                ratee_id=str(sheet.ratee_id),
                relation=Relation(sheet.relation),
                core_value=value.code,
                score=score,
            )


def _comments(
    sheets: Iterable[AnswerSheet],
    relation: Relation,
    value_code: str,
    scored: set[tuple[str, str]],
) -> tuple[str, ...]:
    """The comments of one shown group, from raters counted in it (`scored`: sheet id and
    core value of every answer that went into the figures)."""
    texts = []
    for sheet in sheets:
        if sheet.relation != relation.value or (str(sheet.pk), value_code) not in scored:
            continue
        text = str(sheet.comments.get(value_code, "")).strip()
        if text:
            texts.append(text)
    return tuple(sorted(texts, key=str.casefold))


def _summary(
    cycle: ReviewCycle, employee_id: int, sheets: Sequence[AnswerSheet], supervisor_name: str,
    employee_name: str,
) -> Summary360:  # fmt: skip
    answers = [answer for sheet in sheets for answer in sheet_answers(sheet)]
    scored = {(answer.rater_id, answer.core_value) for answer in answers}
    summary = aggregate_behavior(answers, k=cycle.k)
    values = []
    for value in core_values():
        figures = []
        for relation in RELATIONS:
            cell: BehaviorCell | None = summary.cell(relation, value.code)
            shown = cell is not None and not cell.suppressed
            figures.append(
                RelationFigure(
                    relation=relation,
                    shown=shown,
                    count=cell.count if shown and cell else None,
                    mean=cell.mean if shown and cell else None,
                    comments=_comments(sheets, relation, value.code, scored) if shown else (),
                    k=cycle.k,
                    rater_name=(
                        supervisor_name
                        if relation is Relation.SUPERVISOR
                        else employee_name
                        if relation is Relation.SELF
                        else ""
                    ),
                )
            )
        values.append(ValueSummary(value=value, figures=tuple(figures)))
    return Summary360(cycle=cycle, employee_id=employee_id, available=True, values=tuple(values))


def summaries_build(*, cycle: ReviewCycle, employee_ids: Iterable[int]) -> dict[int, Summary360]:
    """The results of many employees of one round in three queries (sheets, supervisors'
    names, employees' names). Not authorised: callers are selectors that have checked."""
    ids = list(dict.fromkeys(employee_ids))
    if cycle.state != CycleState.CLOSED:
        return {
            pk: Summary360(cycle=cycle, employee_id=pk, available=False, values=()) for pk in ids
        }
    by_ratee: dict[int, list[AnswerSheet]] = defaultdict(list)
    for sheet in AnswerSheet.objects.filter(
        cycle_id=cycle.pk, ratee_id__in=ids, submitted=True
    ).only("pk", "ratee_id", "relation", "scores", "comments"):
        by_ratee[sheet.ratee_id].append(sheet)
    supervisors = dict(
        BehaviorReview.objects.filter(
            reviewer_list__cycle_id=cycle.pk,
            reviewer_list__employee_id__in=ids,
            relation=RelationChoice.SUPERVISOR,
        ).values_list("reviewer_list__employee_id", "rater__name")
    )
    names = dict(Employee.objects.filter(pk__in=ids).values_list("pk", "name"))
    return {
        pk: _summary(cycle, pk, by_ratee.get(pk, []), supervisors.get(pk, ""), names.get(pk, ""))
        for pk in ids
    }


def summary_build(*, cycle: ReviewCycle, employee_id: int) -> Summary360:
    """One employee's results in one round (see the module docstring). Not authorised."""
    return summaries_build(cycle=cycle, employee_ids=[employee_id])[employee_id]
