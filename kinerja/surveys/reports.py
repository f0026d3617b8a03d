"""The SKM report of a service unit, an agency or the city for a span, built as plain values.

`report_build` gathers every figure a report page, its PDF and the API show: the IKM with grade
and label under a stated weight convention, the element table (NRR, weighted NRR, interval
value and grade), the three weakest elements, respondents against the Krejcie & Morgan sample
for the unit's population, breakdowns by respondent profile and by service (or by unit), the
12-month trend and the suggestion counts.

Every figure comes from database aggregates (`kinerja.surveys.aggregation`), so a report costs
the same small number of queries whatever the number of responses or units. Agency and city
figures pool all the answers of their units (one IKM over the pooled answers, not a mean of the
units' IKMs). No authorisation here: the views and the API authorise before they call it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Case, CharField, Count, Q, QuerySet, Sum, Value, When

from kinerja.organization.models import Agency, ServiceUnit
from kinerja.scoring.ikm import Element, IkmResult, WeightConvention, grade_for, sample_size
from kinerja.scoring.rounding import quantize2, quantize4
from kinerja.surveys.aggregation import EMPTY, Totals, totals_by, totals_by_month, totals_of
from kinerja.surveys.models import (
    Education,
    Occupation,
    RespondentGender,
    Service,
    ServicePopulation,
    SurveyResponse,
)
from kinerja.surveys.spans import Span, last_months

SCOPES = ("unit", "agency", "city")
NOT_GIVEN = "Tidak diisi"
NOT_GIVEN_KEY = "-"

AGE_BANDS: tuple[tuple[str, str, int | None, int | None], ...] = (
    ("<20", "< 20 tahun", None, 20),
    ("20-29", "20-29 tahun", 20, 30),
    ("30-39", "30-39 tahun", 30, 40),
    ("40-49", "40-49 tahun", 40, 50),
    ("50-59", "50-59 tahun", 50, 60),
    (">=60", "≥ 60 tahun", 60, None),
)
"""Age bands of the profile breakdown: key, label, lowest age (inclusive), highest (exclusive)."""

BREAKDOWN_TITLES: dict[str, str] = {
    "service": "Jenis layanan",
    "gender": "Jenis kelamin",
    "age": "Usia",
    "education": "Pendidikan",
    "occupation": "Pekerjaan",
    "agency": "Perangkat daerah",
    "unit": "Unit layanan",
}
"""The heading of each breakdown, in the order a report shows them."""

WEAKEST_COUNT = 3
SHOWN_MAX = 40
TREND_MONTHS = 12


@dataclass(frozen=True)
class ElementLine:
    """One row of the element table."""

    element: Element
    code: str
    name: str
    respondents: int  # how many answered this element
    mean: Decimal | None  # NRR, 4 places
    weighted: Decimal | None  # NRR * weight, 4 places
    interval: Decimal | None  # NRR * 25, 2 places ("nilai konversi")
    grade: str
    label: str


@dataclass(frozen=True)
class GroupLine:
    """One row of a breakdown."""

    key: str
    label: str
    respondents: int
    ikm: Decimal | None
    grade: str
    label_grade: str


@dataclass(frozen=True)
class TrendPoint:
    span: Span
    respondents: int
    ikm: Decimal | None
    grade: str


@dataclass(frozen=True)
class SurveyReport:
    scope: str  # "unit", "agency", "city"
    title: str  # unit name / agency name / city name
    service_unit: ServiceUnit | None
    agency: Agency | None
    span: Span
    convention: WeightConvention
    result: IkmResult | None  # None when there is no data (or an element nobody answered)
    respondents: int
    elements: list[ElementLine]  # U1..U9 in order
    weakest: list[ElementLine]  # the 3 lowest means (ties by code)
    population: int | None
    required_sample: int | None
    sample_adequate: bool | None
    breakdowns: dict[str, list[GroupLine]]  # keys of BREAKDOWN_TITLES; a "unit" line's key is
    # the unit's slug, an "agency" line's the agency's id, "-" for "Tidak diisi"
    trend: list[TrendPoint]  # 12 months ending with span.end
    suggestions_total: int
    suggestions_hidden: int

    @property
    def pooled(self) -> bool:
        """Whether the IKM pools the answers of several units (agency and city)."""
        return self.scope != "unit"


def report_build(
    *,
    span: Span,
    convention: WeightConvention = WeightConvention.EXACT,
    service_unit: ServiceUnit | None = None,
    agency: Agency | None = None,
) -> SurveyReport:
    """The report of `service_unit`, else of `agency`, else of the whole city, for `span`."""
    scope_filter, scope, title = _scope(service_unit, agency)
    scoped = SurveyResponse.objects.filter(scope_filter)
    responses = scoped.filter(survey_date__range=(span.start, span.end))
    totals = totals_of(responses)
    result = totals.ikm(convention)
    elements = element_lines(totals, convention)
    population, required = _population(service_unit, agency, span)
    suggestions = responses.aggregate(
        total=Count("pk", filter=~Q(suggestion="")),
        hidden=Count("pk", filter=~Q(suggestion="") & Q(suggestion_hidden=True)),
    )
    return SurveyReport(
        scope=scope,
        title=title,
        service_unit=service_unit,
        agency=agency if service_unit is None else None,
        span=span,
        convention=convention,
        result=result,
        respondents=totals.respondents,
        elements=elements,
        weakest=weakest_lines(elements),
        population=population,
        required_sample=required,
        sample_adequate=None if required is None else totals.respondents >= required,
        breakdowns=_breakdowns(scope, service_unit, agency, responses, convention),
        trend=_trend(scoped, span, convention),
        suggestions_total=suggestions["total"],
        suggestions_hidden=suggestions["hidden"],
    )


def convention_from_param(value: str) -> WeightConvention:
    """The weight convention a page or the API names with `bobot` (default 1/9); a
    ValidationError naming the parameter, the value and what is accepted otherwise."""
    text = value.strip()
    if not text:
        return WeightConvention.EXACT
    try:
        return WeightConvention(text)
    except ValueError:
        shown = text if len(text) <= SHOWN_MAX else f"{text[:SHOWN_MAX]}…"
        accepted = ", ".join(f"{c.value} ({c.label})" for c in WeightConvention)
        raise ValidationError(
            {"bobot": [f"Bobot '{shown}' tidak dikenal; pilih {accepted}."]}
        ) from None


def element_lines(totals: Totals, convention: WeightConvention) -> list[ElementLine]:
    """The element table of `totals`: U1-U9, figures None where nobody answered."""
    lines = []
    for element in Element:
        answered = totals.counts.get(element, 0)
        mean: Decimal | None = None
        weighted: Decimal | None = None
        interval: Decimal | None = None
        grade = label = ""
        if answered:
            exact = Fraction(totals.sums[element], answered)
            interval = quantize2(exact * 25)
            grade, label = grade_for(interval)
            mean, weighted = quantize4(exact), quantize4(exact * convention.weight)
        lines.append(
            ElementLine(
                element=element,
                code=element.value,
                name=element.label,
                respondents=answered,
                mean=mean,
                weighted=weighted,
                interval=interval,
                grade=grade,
                label=label,
            )
        )
    return lines


def weakest_lines(elements: Iterable[ElementLine]) -> list[ElementLine]:
    """The elements with the lowest means (ties in code order), at most three."""
    scored = [line for line in elements if line.mean is not None]
    scored.sort(key=lambda line: (line.mean, int(line.code[1:])))
    return scored[:WEAKEST_COUNT]


def _scope(service_unit: ServiceUnit | None, agency: Agency | None) -> tuple[Q, str, str]:
    if service_unit is not None:
        return Q(service_unit=service_unit), "unit", service_unit.name
    if agency is not None:
        return Q(service_unit__unit__agency=agency), "agency", agency.name
    return Q(), "city", str(settings.KINERJA_CITY_NAME)


def _units_in_scope(agency: Agency | None) -> QuerySet[ServiceUnit]:
    units = ServiceUnit.objects.all()
    return units.filter(unit__agency=agency) if agency is not None else units


def _population(
    service_unit: ServiceUnit | None, agency: Agency | None, span: Span
) -> tuple[int | None, int | None]:
    """The population of the span's year and its sample size; for several units, the sum over
    the active units that have one, with a sample only when every active unit has one."""
    year = span.end.year
    if service_unit is not None:
        row = ServicePopulation.objects.filter(service_unit=service_unit, year=year).first()
        if row is None or row.population < 1:
            return None, None
        return row.population, sample_size(row.population)
    units = _units_in_scope(agency).filter(is_active=True)
    figures = units.aggregate(
        units=Count("pk", distinct=True),
        with_population=Count(
            "survey_populations", filter=Q(survey_populations__year=year), distinct=True
        ),
        population=Sum("survey_populations__population", filter=Q(survey_populations__year=year)),
    )
    population = figures["population"] or None
    complete = figures["units"] and figures["with_population"] == figures["units"]
    required = sample_size(population) if population and complete else None
    return population, required


def _age_band() -> Case:
    whens = []
    for key, _label, low, high in AGE_BANDS:
        condition = Q(age__isnull=False)
        if low is not None:
            condition &= Q(age__gte=low)
        if high is not None:
            condition &= Q(age__lt=high)
        whens.append(When(condition, then=Value(key)))
    return Case(*whens, default=Value(NOT_GIVEN_KEY), output_field=CharField())


def _group_line(key: str, label: str, totals: Totals, convention: WeightConvention) -> GroupLine:
    result = totals.ikm(convention)
    return GroupLine(
        key=key,
        label=label,
        respondents=totals.respondents,
        ikm=result.value if result else None,
        grade=result.grade if result else "",
        label_grade=result.label if result else "",
    )


def _lines(
    found: Mapping[Any, Totals],
    choices: Iterable[tuple[Any, str]],
    convention: WeightConvention,
    *,
    blank: Any = "",
    keys: Mapping[Any, str] | None = None,
) -> list[GroupLine]:
    """One line per choice (zero when nobody chose it), then "Tidak diisi" when present; a
    line's key is the choice's value as text, or its entry in `keys`."""
    lines = [
        _group_line(keys[key] if keys else str(key), str(label), found.get(key, EMPTY), convention)
        for key, label in choices
    ]
    if blank in found:
        lines.append(_group_line(NOT_GIVEN_KEY, NOT_GIVEN, found[blank], convention))
    return lines


def _breakdowns(
    scope: str,
    service_unit: ServiceUnit | None,
    agency: Agency | None,
    responses: QuerySet[SurveyResponse],
    convention: WeightConvention,
) -> dict[str, list[GroupLine]]:
    if scope != "unit":
        units = _units_in_scope(agency).select_related("unit__agency").order_by("name")
        by_unit = totals_by(responses, "service_unit_id")
        shown = [u for u in units if u.is_active or u.pk in by_unit]
        breakdowns = {
            "unit": _lines(
                by_unit,
                [(u.pk, u.name) for u in shown],
                convention,
                keys={u.pk: u.slug for u in shown},
            )
        }
        if scope == "city":
            by_agency = totals_by(responses, "service_unit__unit__agency_id")
            agencies: dict[int, str] = {}
            for unit in shown:
                agencies.setdefault(unit.unit.agency_id, unit.unit.agency.name)
            ordered = sorted(agencies.items(), key=lambda item: item[1])
            breakdowns = {"agency": _lines(by_agency, ordered, convention), **breakdowns}
        return breakdowns
    by_service = totals_by(responses, "service_id")
    services = Service.objects.filter(service_unit=service_unit).filter(
        Q(is_active=True) | Q(pk__in=[k for k in by_service if k is not None])
    )
    banded = responses.annotate(age_band=_age_band())
    by_band = totals_by(banded, "age_band")
    return {
        "service": _lines(by_service, [(s.pk, s.name) for s in services], convention, blank=None),
        "gender": _choice_lines(responses, "gender", RespondentGender.choices, convention),
        "age": _lines(
            by_band,
            [(key, label) for key, label, _low, _high in AGE_BANDS],
            convention,
            blank=NOT_GIVEN_KEY,
        ),
        "education": _choice_lines(responses, "education", Education.choices, convention),
        "occupation": _choice_lines(responses, "occupation", Occupation.choices, convention),
    }


def _choice_lines(
    responses: QuerySet[SurveyResponse],
    field: str,
    choices: Iterable[tuple[str, Any]],
    convention: WeightConvention,
) -> list[GroupLine]:
    return _lines(totals_by(responses, field), choices, convention)


def _trend(
    scoped: QuerySet[SurveyResponse], span: Span, convention: WeightConvention
) -> list[TrendPoint]:
    months = last_months(span.end, TREND_MONTHS)
    rows = totals_by_month(scoped.filter(survey_date__range=(months[0].start, months[-1].end)))
    points = []
    for month in months:
        totals = rows.get(month.start, EMPTY)
        result = totals.ikm(convention)
        points.append(
            TrendPoint(
                span=month,
                respondents=totals.respondents,
                ikm=result.value if result else None,
                grade=result.grade if result else "",
            )
        )
    return points
