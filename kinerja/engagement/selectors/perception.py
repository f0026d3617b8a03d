"""Reading the perception survey: the rounds, whether a user has answered, and a round's
results for a reader, suppressed below `K_MIN` respondents per group.

A round's results cost a fixed number of queries whatever the number of agencies and
responses: the round, the response count, one GROUP BY per grouping (agency x item,
appraiser x item, round x item for the trend), the agencies' names, the remarks and the
headcount.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet, Sum
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import managed_agency_id
from kinerja.engagement.models import (
    PerceptionAnswer,
    PerceptionParticipation,
    PerceptionResponse,
    PerceptionRound,
    RoundState,
)
from kinerja.engagement.perception_figures import (
    GroupFigures,
    ItemTotal,
    combined,
    figures_by_group,
    group_figures,
)
from kinerja.engagement.perception_items import LOW_ACCEPTANCE
from kinerja.engagement.perception_themes import ALL_THEMES, theme_counts, theme_samples
from kinerja.engagement.permissions import can_manage_perception, can_read_perception
from kinerja.organization.models import Agency
from kinerja.people.models import Employee, EmployeeStatus

NOT_READER = (
    "Hasil survei persepsi dibaca oleh Admin BKPSDM, Pimpinan, Inspektorat dan Admin OPD "
    "untuk perangkat daerahnya."
)
CITY = "CITY"


def may_read_results(actor: Actor) -> bool:
    return can_read_perception(actor) or managed_agency_id(actor) is not None


def round_list_for_actor(*, actor: Actor) -> QuerySet[PerceptionRound]:
    """Every round, newest first, with its period (everyone logged in sees the rounds)."""
    return PerceptionRound.objects.select_related("period").order_by("-opens_on", "-pk")


def round_get_for_actor(*, actor: Actor, round_id: int) -> PerceptionRound:
    try:
        return round_list_for_actor(actor=actor).get(pk=round_id)
    except PerceptionRound.DoesNotExist:
        raise Http404 from None


def round_managed_get_for_actor(*, actor: Actor, round_id: int) -> PerceptionRound:
    if not can_manage_perception(actor):
        raise PermissionDenied("Hanya Admin BKPSDM yang mengelola putaran survei persepsi.")
    return round_get_for_actor(actor=actor, round_id=round_id)


def round_open_now() -> PerceptionRound | None:
    """The open round, the latest opened first (None when no round is open)."""
    return PerceptionRound.objects.filter(state=RoundState.OPEN).order_by("-opens_on").first()


def has_answered(*, actor: Actor, perception_round: PerceptionRound) -> bool:
    if actor is None:
        return False
    return PerceptionParticipation.objects.filter(round=perception_round, user_id=actor.pk).exists()


@dataclass(frozen=True)
class AgencyRow:
    agency_id: int | None
    name: str
    figures: GroupFigures

    @property
    def low_acceptance(self) -> bool:
        value = self.figures.indices.get("PENERIMAAN")
        return value is not None and value < LOW_ACCEPTANCE


@dataclass(frozen=True)
class ThemeRow:
    code: str
    label: str
    city: int
    agency: int | None
    samples: list[str]


@dataclass(frozen=True)
class TrendPoint:
    round_id: int
    title: str
    figures: GroupFigures


@dataclass
class PerceptionResults:
    round: PerceptionRound
    responses: int
    headcount: int
    scope_agency: Agency | None = None
    closed: bool = False
    city: GroupFigures | None = None
    agency: GroupFigures | None = None
    agencies: list[AgencyRow] = field(default_factory=list)
    appraisers: GroupFigures | None = None
    others: GroupFigures | None = None
    trend: list[TrendPoint] = field(default_factory=list)
    themes: list[ThemeRow] = field(default_factory=list)

    @property
    def rate(self) -> Decimal | None:
        if not self.headcount:
            return None
        return Decimal(self.responses) / Decimal(self.headcount)


def _totals(rows: Any, key_field: str) -> list[ItemTotal]:
    return [
        ItemTotal(key=r[key_field], item=r["item"], total=r["total"] or 0, count=r["count"])
        for r in rows
    ]


def _item_totals(answers: QuerySet[PerceptionAnswer], key: str) -> list[ItemTotal]:
    """ONE GROUP BY query: sum and count of answers per (key, item)."""
    rows = answers.values(key, "item").annotate(total=Sum("value"), count=Count("id")).order_by()
    return _totals(rows, key)


def results_scope_for_actor(*, actor: Actor, agency_id: int | None) -> int | None:
    """The agency the reader looks at: an Admin OPD always their own (another is 403); a city
    reader the one asked for, or none."""
    own = managed_agency_id(actor)
    if own is not None and not can_read_perception(actor):
        if agency_id not in (None, own):
            raise PermissionDenied("Admin OPD hanya membaca hasil perangkat daerahnya sendiri.")
        return own
    if not can_read_perception(actor):
        raise PermissionDenied(NOT_READER)
    return agency_id


def results_round_for_actor(*, actor: Actor, round_id: int | None) -> PerceptionRound | None:
    """The round asked for, or the latest closed one (else the latest one)."""
    if not may_read_results(actor):
        raise PermissionDenied(NOT_READER)
    if round_id is not None:
        return round_get_for_actor(actor=actor, round_id=round_id)
    rounds = PerceptionRound.objects.order_by("-opens_on", "-pk")
    return rounds.filter(state=RoundState.CLOSED).first() or rounds.first()


def perception_results_for_actor(
    *, actor: Actor, perception_round: PerceptionRound, agency_id: int | None
) -> PerceptionResults:
    """The results the reader may see (403 for anyone else). An open round gives only its
    response count. Every group under `K_MIN` respondents has neither a count nor a figure."""
    scope_id = results_scope_for_actor(actor=actor, agency_id=agency_id)
    scope_agency = None
    if scope_id is not None:
        scope_agency = Agency.objects.filter(pk=scope_id).first()
        if scope_agency is None:
            raise Http404
    responses = PerceptionResponse.objects.filter(round=perception_round).count()
    headcount = Employee.objects.filter(status=EmployeeStatus.ACTIVE).count()
    results = PerceptionResults(
        round=perception_round,
        responses=responses,
        headcount=headcount,
        scope_agency=scope_agency,
        closed=perception_round.state == RoundState.CLOSED,
    )
    if not results.closed:
        return results
    answers = PerceptionAnswer.objects.filter(response__round=perception_round)
    by_agency = _item_totals(answers, "response__agency_id")
    results.city = combined(by_agency, CITY)
    agency_figures = figures_by_group(by_agency)
    names = dict(
        Agency.objects.filter(pk__in=[k for k in agency_figures if k is not None]).values_list(
            "pk", "name"
        )
    )
    if scope_id is not None:
        results.agency = agency_figures.get(scope_id) or group_figures(scope_id, {})
    shown = agency_figures
    if not can_read_perception(actor):  # an Admin OPD: their own agency only
        assert results.agency is not None
        shown = {scope_id: results.agency}
    results.agencies = sorted(
        (
            AgencyRow(
                agency_id=k,
                name=names.get(k, "Tanpa perangkat daerah") if k else "Tanpa perangkat daerah",
                figures=f,
            )
            for k, f in _by_id(shown).items()
        ),
        key=_acceptance_order,
    )
    grouped = answers if scope_id is None else answers.filter(response__agency_id=scope_id)
    by_role = figures_by_group(_item_totals(grouped, "response__is_appraiser"))
    results.appraisers = by_role.get(True) or group_figures(True, {})
    results.others = by_role.get(False) or group_figures(False, {})
    results.trend = _trend()
    if not results.city.suppressed:  # a city of fewer than 5 respondents shows no theme
        results.themes = _themes(perception_round, scope_id, results.agency)
    return results


def _by_id(figures: dict[Any, GroupFigures]) -> dict[int | None, GroupFigures]:
    return {(None if k is None else int(k)): f for k, f in figures.items()}


def _acceptance_order(row: AgencyRow) -> tuple[int, Decimal, str]:
    value = row.figures.indices.get("PENERIMAAN")
    return (1, Decimal(0), row.name) if value is None else (0, value, row.name)


def _trend() -> list[TrendPoint]:
    """The city's figures in every closed round, oldest first (two queries)."""
    rounds = list(
        PerceptionRound.objects.filter(state=RoundState.CLOSED)
        .order_by("opens_on", "pk")
        .values_list("pk", "title")
    )
    totals = _item_totals(
        PerceptionAnswer.objects.filter(response__round__state=RoundState.CLOSED),
        "response__round_id",
    )
    figures = figures_by_group(totals)
    return [
        TrendPoint(round_id=pk, title=title, figures=figures.get(pk) or group_figures(pk, {}))
        for pk, title in rounds
    ]


def _themes(
    perception_round: PerceptionRound, scope_id: int | None, agency: GroupFigures | None
) -> list[ThemeRow]:
    """Theme counts for the city and, when shown, the agency (≥ `K_MIN` respondents); samples
    from the whole city."""
    rows = list(
        PerceptionResponse.objects.filter(round=perception_round)
        .exclude(remark="")
        .values_list("agency_id", "remark")
        .order_by()
    )
    remarks = [remark for _, remark in rows]
    city = theme_counts(remarks)
    samples = theme_samples(remarks)
    agency_counts = None
    if scope_id is not None and agency is not None and not agency.suppressed:
        agency_counts = theme_counts(r for a, r in rows if a == scope_id)
    return [
        ThemeRow(
            code=t.code,
            label=t.label,
            city=city[t.code],
            agency=None if agency_counts is None else agency_counts[t.code],
            samples=samples[t.code],
        )
        for t in ALL_THEMES
    ]
