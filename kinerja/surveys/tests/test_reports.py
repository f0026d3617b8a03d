"""The report of a unit, an agency and the city: figures equal the scoring core's, breakdowns,
trend, population and sample, constant queries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.organization.models import Unit
from kinerja.people.testing import Personas
from kinerja.scoring.ikm import Element, WeightConvention, ikm, sample_size
from kinerja.surveys.models import ServicePopulation
from kinerja.surveys.reports import report_build
from kinerja.surveys.spans import month_span, year_span
from kinerja.surveys.testing import make_responses, make_service, make_service_unit

pytestmark = pytest.mark.django_db

YEAR = 2026
SPAN = year_span(YEAR)
DAY = date(YEAR, 6, 15)

ANSWERS: list[list[int | None]] = [
    [4, 3, 3, 4, 3, 3, 4, 2, 3],
    [3, 3, 2, 4, 3, 4, 4, 1, None],  # a paper form left U9 blank
    [4, 4, 3, 4, 4, 4, 4, 2, 3],
    [2, 3, 2, 3, 3, 3, 3, 1, 2],
    [None, None, None, None, None, None, None, None, None],  # not a respondent
]


def _as_mappings(rows: list[list[int | None]]) -> list[dict[Element, int | None]]:
    return [dict(zip(Element, row, strict=True)) for row in rows]


@pytest.mark.parametrize("convention", list(WeightConvention))
def test_the_unit_report_ikm_equals_the_scoring_core_over_the_same_answers(
    personas: Personas, convention: WeightConvention
) -> None:
    unit = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=unit, answers=ANSWERS, day=DAY)
    report = report_build(span=SPAN, convention=convention, service_unit=unit)
    expected = ikm(_as_mappings(ANSWERS), convention)
    assert report.result == expected
    assert report.respondents == 4
    assert [line.mean for line in report.elements] == [expected.element_means[e] for e in Element]
    assert report.elements[8].respondents == 3


@pytest.mark.parametrize("convention", list(WeightConvention))
def test_the_agency_and_city_ikm_pool_the_answers_of_their_units(
    personas: Personas, convention: WeightConvention
) -> None:
    first = make_service_unit(unit=personas.staff.unit)
    second = make_service_unit(unit=personas.staff.unit)
    other_unit = Unit.objects.create(agency=personas.other_agency, code="u-x", name="Loket X")
    elsewhere = make_service_unit(unit=other_unit)
    make_responses(service_unit=first, answers=ANSWERS[:2], day=DAY)
    make_responses(service_unit=second, answers=ANSWERS[2:], day=DAY)
    make_responses(service_unit=elsewhere, answers=[[1] * 9], day=DAY)
    agency = report_build(span=SPAN, convention=convention, agency=personas.agency)
    city = report_build(span=SPAN, convention=convention)
    assert agency.result == ikm(_as_mappings(ANSWERS), convention)
    assert city.result == ikm(_as_mappings([*ANSWERS, [1] * 9]), convention)
    assert agency.scope == "agency"
    assert agency.pooled
    assert [(g.label, g.respondents) for g in agency.breakdowns["unit"]] == [
        (first.name, 2),
        (second.name, 2),
    ]
    assert {g.label for g in city.breakdowns["agency"]} == {
        personas.agency.name,
        personas.other_agency.name,
    }


def test_the_element_table_gives_nrr_weighted_interval_and_grade(personas: Personas) -> None:
    unit = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=unit, answers=[[4, 3, 3, 4, 3, 3, 4, 2, 3]] * 2, day=DAY)
    make_responses(service_unit=unit, answers=[[3, 3, 3, 4, 3, 3, 4, 2, 3]], day=DAY)
    report = report_build(span=SPAN, service_unit=unit)
    u1 = report.elements[0]
    assert (u1.code, u1.name, u1.respondents) == ("U1", "Persyaratan", 3)
    assert u1.mean == Decimal("3.6667")
    assert u1.weighted == Decimal("0.4074")  # 11/3 * 1/9 = 0,40740…
    assert u1.interval == Decimal("91.67")
    assert (u1.grade, u1.label) == ("A", "Sangat Baik")
    assert [line.code for line in report.weakest] == ["U8", "U2", "U3"]


def test_a_report_without_answers_says_there_is_no_data(personas: Personas) -> None:
    unit = make_service_unit(unit=personas.staff.unit)
    report = report_build(span=SPAN, service_unit=unit)
    assert report.result is None
    assert report.respondents == 0
    assert all(line.mean is None for line in report.elements)
    assert report.weakest == []
    assert report.required_sample is None
    assert report.sample_adequate is None


def test_the_profile_and_service_breakdowns_count_each_group(personas: Personas) -> None:
    unit = make_service_unit(unit=personas.staff.unit)
    ktp = make_service(service_unit=unit, name="KTP-el")
    make_responses(
        service_unit=unit,
        answers=[[4] * 9, [3] * 9],
        day=DAY,
        service=ktp,
        profile={"gender": "P", "age": 19, "education": "S1", "occupation": "PNS"},
    )
    make_responses(service_unit=unit, answers=[[2] * 9], day=DAY, profile={"age": 60})
    make_responses(service_unit=unit, answers=[[2] * 9], day=DAY)
    report = report_build(span=SPAN, service_unit=unit)
    service = {g.label: (g.respondents, g.ikm) for g in report.breakdowns["service"]}
    assert service == {"KTP-el": (2, Decimal("87.50")), "Tidak diisi": (2, Decimal("50.00"))}
    gender = {g.label: g.respondents for g in report.breakdowns["gender"]}
    assert gender == {"Laki-laki": 0, "Perempuan": 2, "Tidak diisi": 2}
    age = {g.key: g.respondents for g in report.breakdowns["age"]}
    assert age == {"<20": 2, "20-29": 0, "30-39": 0, "40-49": 0, "50-59": 0, ">=60": 1, "-": 1}
    assert report.breakdowns["age"][0].grade == "B"
    assert report.breakdowns["age"][1].ikm is None
    assert {g.key: g.respondents for g in report.breakdowns["education"]}["S1"] == 2
    assert {g.key: g.respondents for g in report.breakdowns["occupation"]}["PNS"] == 2


def test_the_trend_covers_twelve_months_ending_with_the_span(personas: Personas) -> None:
    unit = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=unit, answers=[[4] * 9], day=date(2025, 7, 3))
    make_responses(service_unit=unit, answers=[[2] * 9], day=date(2025, 6, 30))  # too early
    make_responses(service_unit=unit, answers=[[3] * 9] * 2, day=date(2026, 6, 1))
    report = report_build(span=month_span(2026, 6), service_unit=unit)
    assert next(p.span.start for p in report.trend) == date(2025, 7, 1)
    assert report.trend[-1].span.start == date(2026, 6, 1)
    assert len(report.trend) == 12
    assert (report.trend[0].respondents, report.trend[0].ikm) == (1, Decimal("100.00"))
    assert (report.trend[-1].respondents, report.trend[-1].grade) == (2, "C")
    assert report.trend[5].ikm is None


def test_the_sample_is_measured_against_the_population_of_the_year(personas: Personas) -> None:
    unit = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=unit, answers=[[3] * 9] * 12, day=DAY)
    ServicePopulation.objects.create(service_unit=unit, year=YEAR, population=15)
    ServicePopulation.objects.create(service_unit=unit, year=YEAR - 1, population=12000)
    report = report_build(span=SPAN, service_unit=unit)
    assert (report.population, report.required_sample) == (15, sample_size(15))
    assert report.sample_adequate is False
    ServicePopulation.objects.filter(year=YEAR).update(population=12)
    assert report_build(span=SPAN, service_unit=unit).sample_adequate is True


def test_the_agency_sample_needs_the_population_of_every_active_unit(personas: Personas) -> None:
    first = make_service_unit(unit=personas.staff.unit)
    second = make_service_unit(unit=personas.staff.unit)
    make_service_unit(unit=personas.staff.unit, is_active=False)
    ServicePopulation.objects.create(service_unit=first, year=YEAR, population=100)
    partial = report_build(span=SPAN, agency=personas.agency)
    assert (partial.population, partial.required_sample) == (100, None)
    ServicePopulation.objects.create(service_unit=second, year=YEAR, population=50)
    full = report_build(span=SPAN, agency=personas.agency)
    assert (full.population, full.required_sample) == (150, sample_size(150))
    assert full.sample_adequate is False


def test_suggestions_are_counted_with_the_hidden_ones(personas: Personas) -> None:
    unit = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=unit, answers=[[3] * 9] * 3, day=DAY, suggestion="Antrean lama")
    make_responses(service_unit=unit, answers=[[3] * 9], day=DAY)
    hidden = unit.survey_responses.exclude(suggestion="").values_list("pk", flat=True)[:1]
    unit.survey_responses.filter(pk__in=list(hidden)).update(suggestion_hidden=True)
    report = report_build(span=SPAN, service_unit=unit)
    assert (report.suggestions_total, report.suggestions_hidden) == (3, 1)


def _queries(build: object) -> int:
    with CaptureQueriesContext(connection) as captured:
        build()  # type: ignore[operator]
    return len(captured)


def test_a_report_costs_the_same_queries_for_few_and_many_rows(personas: Personas) -> None:
    unit = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=unit, answers=[[3] * 9], day=DAY)
    few = [
        _queries(lambda: report_build(span=SPAN, service_unit=unit)),
        _queries(lambda: report_build(span=SPAN, agency=personas.agency)),
        _queries(lambda: report_build(span=SPAN)),
    ]
    for number in range(5):
        extra = make_service_unit(unit=personas.staff.unit)
        make_service(service_unit=unit)
        ServicePopulation.objects.create(service_unit=extra, year=YEAR, population=10 + number)
        make_responses(service_unit=extra, answers=[[2] * 9] * 20, day=date(YEAR, number + 1, 2))
    for month in range(1, 13):
        make_responses(
            service_unit=unit,
            answers=[[4] * 9] * 10,
            day=date(YEAR, month, 3),
            profile={"gender": "L", "age": 20 + 3 * month},
        )
    many = [
        _queries(lambda: report_build(span=SPAN, service_unit=unit)),
        _queries(lambda: report_build(span=SPAN, agency=personas.agency)),
        _queries(lambda: report_build(span=SPAN)),
    ]
    assert few == many
