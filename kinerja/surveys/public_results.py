"""What the public may see of a unit's survey (PermenPANRB 14/2017 asks that results be
published): the latest IKM, grade, element means, respondents, the follow-up plan and the
suggestions moderation did not hide. No profile, no time finer than the day, no hidden text.

The "latest" figure is the last full calendar quarter that has answers (a quarter still
running is not yet a result), next to the current year so far. Every figure comes from
database aggregates (`aggregation.totals_by`); a page costs the same queries for 2 units or 200.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Max, Q
from django.utils import timezone

from kinerja.organization.models import ServiceUnit
from kinerja.scoring.ikm import Element, IkmResult
from kinerja.surveys.aggregation import EMPTY, Totals, totals_by
from kinerja.surveys.models import FollowUpAction, SurveyResponse
from kinerja.surveys.spans import Span, quarter_span

SUGGESTIONS_SHOWN = 10
ELEMENT_NAMES = {element.value: element.label for element in Element}


@dataclass(frozen=True)
class PublicFigure:
    """The IKM of one span; `result` is None when the span has too few answers for one."""

    span: Span
    respondents: int
    result: IkmResult | None

    @property
    def is_running(self) -> bool:
        return self.span.kind == "year"


@dataclass(frozen=True)
class PublicElement:
    code: str
    name: str
    mean: Decimal
    percent: int  # bar width: the mean on the 1-4 scale as 0-100


@dataclass(frozen=True)
class PublicFollowUp:
    year: int
    element: str
    element_name: str
    action: str
    due_date: date | None
    state: str


@dataclass(frozen=True)
class PublicSuggestion:
    day: date
    text: str


@dataclass(frozen=True)
class PublicResults:
    service_unit: ServiceUnit
    latest: PublicFigure | None  # the last full quarter with answers
    year: PublicFigure  # the current year so far
    elements: list[PublicElement]  # of the headline figure
    followups: list[PublicFollowUp]
    suggestions: list[PublicSuggestion]

    @property
    def headline(self) -> PublicFigure | None:
        """The figure shown first: the last full quarter, else the year so far."""
        return _headline(self.latest, self.year)


@dataclass(frozen=True)
class PublicUnitRow:
    service_unit: ServiceUnit
    agency_name: str
    figure: PublicFigure | None


def _headline(latest: PublicFigure | None, year: PublicFigure) -> PublicFigure | None:
    if latest is not None and latest.result is not None:
        return latest
    return year if year.result is not None else None


def _quarter_of(day: date) -> Span:
    return quarter_span(day.year, (day.month - 1) // 3 + 1)


def _year_so_far(today: date) -> Span:
    return Span("year", date(today.year, 1, 1), today)


def _figure(span: Span, totals: Totals) -> PublicFigure:
    return PublicFigure(span=span, respondents=totals.respondents, result=totals.ikm())


def latest_quarters(unit_ids: Iterable[int], *, today: date) -> dict[int, Span]:
    """Per unit, the last full quarter before `today`'s quarter with answers (one query)."""
    running = _quarter_of(today)
    rows = (
        SurveyResponse.objects.filter(
            service_unit_id__in=list(unit_ids), survey_date__lt=running.start
        )
        .order_by()
        .values("service_unit_id")
        .annotate(last=Max("survey_date"))
    )
    return {row["service_unit_id"]: _quarter_of(row["last"]) for row in rows}


def latest_figures(unit_ids: Iterable[int], *, today: date) -> dict[int, PublicFigure]:
    """Per unit, the figure of its last full quarter with answers, in two queries whatever
    the number of units (units sharing a quarter are filtered together)."""
    quarters = latest_quarters(unit_ids, today=today)
    if not quarters:
        return {}
    by_span: dict[Span, list[int]] = {}
    for unit_id, span in quarters.items():
        by_span.setdefault(span, []).append(unit_id)
    query = Q()
    for span, ids in by_span.items():
        query |= Q(service_unit_id__in=ids, survey_date__range=(span.start, span.end))
    totals = totals_by(SurveyResponse.objects.filter(query), "service_unit_id")
    return {
        unit_id: _figure(span, totals.get(unit_id, EMPTY)) for unit_id, span in quarters.items()
    }


def _elements(result: IkmResult | None) -> list[PublicElement]:
    if result is None:
        return []
    return [
        PublicElement(
            code=element.value,
            name=element.label,
            mean=result.element_means[element],
            percent=int(result.element_means[element] * 25),
        )
        for element in Element
        if element in result.element_means
    ]


def _followups(service_unit: ServiceUnit, years: set[int]) -> list[PublicFollowUp]:
    rows = FollowUpAction.objects.filter(service_unit=service_unit, year__in=years).order_by(
        "-year", "element", "pk"
    )
    return [
        PublicFollowUp(
            year=row.year,
            element=row.element,
            element_name=ELEMENT_NAMES.get(row.element, row.element),
            action=row.action,
            due_date=row.due_date,
            state=row.get_state_display(),
        )
        for row in rows
    ]


def public_suggestions(
    service_unit: ServiceUnit, *, limit: int = SUGGESTIONS_SHOWN
) -> list[PublicSuggestion]:
    """The latest suggestions moderation did not hide: the text and the day only."""
    rows = (
        SurveyResponse.objects.filter(service_unit=service_unit, suggestion_hidden=False)
        .exclude(suggestion="")
        .order_by("-submitted_at", "-pk")
        .values_list("survey_date", "suggestion")[:limit]
    )
    return [PublicSuggestion(day=day, text=text) for day, text in rows]


def public_results_get(*, service_unit: ServiceUnit, today: date | None = None) -> PublicResults:
    """Everything the public results page of `service_unit` shows."""
    today = today or timezone.localdate()
    latest = latest_figures([service_unit.pk], today=today).get(service_unit.pk)
    year_span = _year_so_far(today)
    year_totals = totals_by(
        SurveyResponse.objects.filter(
            service_unit=service_unit, survey_date__range=(year_span.start, year_span.end)
        ),
        "service_unit_id",
    ).get(service_unit.pk, EMPTY)
    year = _figure(year_span, year_totals)
    headline = _headline(latest, year)
    years = {today.year} | ({headline.span.start.year} if headline else set())
    return PublicResults(
        service_unit=service_unit,
        latest=latest,
        year=year,
        elements=_elements(headline.result if headline else None),
        followups=_followups(service_unit, years),
        suggestions=public_suggestions(service_unit),
    )


def public_unit_rows(*, today: date | None = None) -> list[PublicUnitRow]:
    """Every active service unit with its agency and latest figure, by agency then name; a
    constant number of queries whatever the number of units."""
    today = today or timezone.localdate()
    units = list(
        ServiceUnit.objects.filter(is_active=True)
        .select_related("unit__agency")
        .order_by("unit__agency__name", "name")
    )
    figures = latest_figures([unit.pk for unit in units], today=today)
    return [
        PublicUnitRow(
            service_unit=unit, agency_name=unit.unit.agency.name, figure=figures.get(unit.pk)
        )
        for unit in units
    ]
