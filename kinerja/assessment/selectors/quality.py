"""Rater quality signals of a closed round, for Admin BKPSDM's calibration only.

Read from the submitted sheets of the round in one query (a chunked iterator ordered by the
rated employee, so that only one employee's sheets are held at a time), turned into
`BehaviorAnswer`s the way `summary.py` does (the rater is the sheet's random id, never a
name), and told:

- per agency and unit: sheets sent, the share of straight-lined sheets
  (`kinerja.scoring.behavior.straight_lined`) and the mean leniency per relation
  (`rater_leniency`, averaged over the group's sheets), each only for a group of at least k
  sheets, otherwise "kurang dari k lembar";
- per named supervisor (the supervisor rates by name anyway): their leniency and how many of
  their sheets are straight-lined.

Nothing is told per peer or subordinate, and nothing here is shown to the rated employee.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from itertools import groupby

from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.assessment.models import (
    AnswerSheet,
    BehaviorReview,
    CycleState,
    RelationChoice,
    ReviewCycle,
    ReviewerList,
)
from kinerja.assessment.permissions import can_see_quality
from kinerja.assessment.summary import sheet_answers
from kinerja.scoring.behavior import (
    Relation,
    rater_leniency,
    straight_lined,
)
from kinerja.scoring.formatting import format_decimal, format_percent
from kinerja.scoring.rounding import quantize2

NOT_FOUND = "Mutu penilai 360 tidak ditemukan."
LENIENCY_RELATIONS: tuple[Relation, ...] = (
    Relation.SUPERVISOR,
    Relation.PEER,
    Relation.SUBORDINATE,
)
CHUNK = 2000


@dataclass
class _Tally:
    sheets: int = 0
    straight: int = 0
    leniency: dict[Relation, list[Decimal]] = field(default_factory=lambda: defaultdict(list))


@dataclass(frozen=True)
class LeniencyCell:
    relation: Relation
    text: str  # "+0,33", "kurang dari 3 lembar", "—" when no sheet could be compared


@dataclass(frozen=True)
class UnitQuality:
    agency_name: str
    unit_name: str
    sheets: int
    straight_text: str
    leniency: tuple[LeniencyCell, ...]


@dataclass(frozen=True)
class SupervisorQuality:
    name: str
    sheets: int
    straight: int
    leniency_text: str


@dataclass(frozen=True)
class QualityReport:
    cycle: ReviewCycle
    available: bool
    units: tuple[UnitQuality, ...]
    supervisors: tuple[SupervisorQuality, ...]


def _signed(value: Decimal) -> str:
    return f"+{format_decimal(value)}" if value > 0 else format_decimal(value)


def _mean(values: list[Decimal]) -> Decimal:
    return quantize2(Fraction(sum(values, Decimal(0))) / len(values))


def _sheets(cycle: ReviewCycle) -> Iterator[AnswerSheet]:
    return (
        AnswerSheet.objects.filter(cycle_id=cycle.pk, submitted=True)
        .only("pk", "ratee_id", "relation", "scores")
        .order_by("ratee_id", "pk")
        .iterator(chunk_size=CHUNK)
    )


def _leniency_text(values: list[Decimal], k: int) -> str:
    if not values:
        return "—"
    if len(values) < k:
        return f"kurang dari {k} lembar"
    return _signed(_mean(values))


def quality_report_build(*, cycle: ReviewCycle) -> QualityReport:
    """The signals of a round (see the module docstring). Not authorised."""
    if cycle.state != CycleState.CLOSED:
        return QualityReport(cycle=cycle, available=False, units=(), supervisors=())
    places = {
        employee_id: (agency_name or "", unit_name or "")
        for employee_id, agency_name, unit_name in ReviewerList.objects.filter(
            cycle_id=cycle.pk
        ).values_list("employee_id", "agency__name", "unit__name")
    }
    supervisor_of = {
        employee_id: (rater_id, name)
        for employee_id, rater_id, name in BehaviorReview.objects.filter(
            reviewer_list__cycle_id=cycle.pk,
            relation=RelationChoice.SUPERVISOR,
            withdrawn_on__isnull=True,
        ).values_list("reviewer_list__employee_id", "rater_id", "rater__name")
    }
    units: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    supervisors: dict[tuple[str, int], _Tally] = defaultdict(_Tally)
    for ratee_id, group in groupby(_sheets(cycle), key=lambda sheet: sheet.ratee_id):
        sheets = list(group)
        leniency = rater_leniency(a for sheet in sheets for a in sheet_answers(sheet))
        tally = units[places.get(ratee_id, ("", ""))]
        for sheet in sheets:
            relation = Relation(sheet.relation)
            flat = straight_lined(sheet.scores.values())
            tally.sheets += 1
            tally.straight += flat
            found = leniency.get(str(sheet.pk))
            if found is not None and relation in LENIENCY_RELATIONS:
                tally.leniency[relation].append(found)
            if relation is Relation.SUPERVISOR and ratee_id in supervisor_of:
                rater_id, name = supervisor_of[ratee_id]
                named = supervisors[(name, rater_id)]
                named.sheets += 1
                named.straight += flat
                if found is not None:
                    named.leniency[relation].append(found)
    k = cycle.k
    unit_rows = tuple(
        UnitQuality(
            agency_name=agency_name,
            unit_name=unit_name or "Tanpa unit kerja",
            sheets=tally.sheets,
            straight_text=(
                format_percent(Fraction(tally.straight, tally.sheets))
                if tally.sheets >= k
                else f"kurang dari {k} lembar"
            ),
            leniency=tuple(
                LeniencyCell(relation, _leniency_text(tally.leniency.get(relation, []), k))
                for relation in LENIENCY_RELATIONS
            ),
        )
        for (agency_name, unit_name), tally in sorted(units.items())
    )
    supervisor_rows = tuple(
        SupervisorQuality(
            name=name,
            sheets=tally.sheets,
            straight=tally.straight,
            leniency_text=(
                _signed(_mean(values))
                if (values := tally.leniency.get(Relation.SUPERVISOR, []))
                else "—"
            ),
        )
        for (name, _), tally in sorted(supervisors.items())
    )
    return QualityReport(cycle=cycle, available=True, units=unit_rows, supervisors=supervisor_rows)


def quality_report_for_actor(*, actor: Actor, cycle_id: int) -> QualityReport:
    """The round's quality signals; 404 unless `permissions.can_see_quality` (BKPSDM)."""
    if not can_see_quality(actor):
        raise Http404(NOT_FOUND)
    cycle = (
        ReviewCycle.objects.select_related("period", "window", "agency").filter(pk=cycle_id).first()
    )
    if cycle is None:
        raise Http404(NOT_FOUND)
    return quality_report_build(cycle=cycle)
