"""The IKM of service units over evaluation windows (`indicator_values.satisfaction_values`):
what an SKP indicator sourced from a unit's index shows, in one query."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from kinerja.people.testing import Personas
from kinerja.scoring.ikm import Element, WeightConvention, ikm
from kinerja.surveys.aggregation import Totals
from kinerja.surveys.indicator_values import satisfaction_values, span_of, totals_sum
from kinerja.surveys.testing import make_responses, make_service_unit

pytestmark = pytest.mark.django_db

OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
Q4 = (date(2026, 10, 1), date(2026, 12, 31))
GOOD = [4, 4, 3, 4, 3, 4, 4, 3, 4]
FAIR = [3, 2, 3, 3, 2, 3, 3, 2, 3]
POOR = [2, 1, 2, 2, 1, 2, 2, 2, 1]


def rows(answers: Sequence[Sequence[int | None]]) -> list[dict[Element, int | None]]:
    return [dict(zip(Element, row, strict=True)) for row in answers]


def test_a_month_shows_the_index_of_the_answers_given_in_that_month(personas: Personas) -> None:
    loket = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=loket, answers=[GOOD, FAIR, GOOD], day=date(2026, 10, 5))
    make_responses(service_unit=loket, answers=[POOR], day=date(2026, 10, 31))
    make_responses(service_unit=loket, answers=[POOR, POOR], day=date(2026, 11, 1))

    values = satisfaction_values(service_unit_ids=[loket.pk], windows=[OCTOBER])

    assert values[(loket.pk, *OCTOBER)] == ikm(rows([GOOD, FAIR, GOOD, POOR]))


def test_every_unit_and_window_costs_one_query(
    personas: Personas, django_assert_num_queries: Any
) -> None:
    units = [make_service_unit(unit=personas.staff.unit) for _ in range(3)]
    for number, unit in enumerate(units):
        make_responses(service_unit=unit, answers=[GOOD] * (number + 1), day=date(2026, 10, 9))
        make_responses(service_unit=unit, answers=[FAIR], day=date(2026, 11, 20))
    windows = [OCTOBER, NOVEMBER, Q4]

    with django_assert_num_queries(1):
        values = satisfaction_values(service_unit_ids=[u.pk for u in units], windows=windows)

    assert len(values) == 9
    for number, unit in enumerate(units):
        october = values[(unit.pk, *OCTOBER)]
        quarter = values[(unit.pk, *Q4)]
        assert october is not None
        assert quarter is not None
        assert october.respondents == number + 1
        assert quarter == ikm(rows([GOOD] * (number + 1) + [FAIR]))


def test_a_window_nobody_answered_in_has_no_value(personas: Personas) -> None:
    loket = make_service_unit(unit=personas.staff.unit)
    quiet = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=loket, answers=[GOOD], day=date(2026, 10, 9))

    values = satisfaction_values(service_unit_ids=[loket.pk, quiet.pk], windows=[OCTOBER, NOVEMBER])

    assert values[(loket.pk, *NOVEMBER)] is None
    assert values[(quiet.pk, *OCTOBER)] is None
    assert values[(loket.pk, *OCTOBER)] is not None


def test_answers_with_every_element_blank_are_no_respondent(personas: Personas) -> None:
    loket = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=loket, answers=[GOOD, [None] * 9], day=date(2026, 10, 9))

    value = satisfaction_values(service_unit_ids=[loket.pk], windows=[OCTOBER])[
        (loket.pk, *OCTOBER)
    ]

    assert value is not None
    assert value.respondents == 1


def test_a_window_clipped_inside_a_month_counts_only_its_days(personas: Personas) -> None:
    loket = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=loket, answers=[POOR], day=date(2026, 10, 14))
    make_responses(service_unit=loket, answers=[GOOD], day=date(2026, 10, 15))
    make_responses(service_unit=loket, answers=[FAIR], day=date(2026, 11, 2))
    clipped = (date(2026, 10, 15), date(2026, 10, 31))

    values = satisfaction_values(service_unit_ids=[loket.pk], windows=[clipped, NOVEMBER])

    assert values[(loket.pk, *clipped)] == ikm(rows([GOOD]))
    assert values[(loket.pk, *NOVEMBER)] == ikm(rows([FAIR]))


def test_the_weight_convention_is_the_one_asked_for(personas: Personas) -> None:
    loket = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=loket, answers=[GOOD, FAIR], day=date(2026, 10, 9))

    for convention in WeightConvention:
        value = satisfaction_values(
            service_unit_ids=[loket.pk], windows=[OCTOBER], convention=convention
        )[(loket.pk, *OCTOBER)]
        assert value == ikm(rows([GOOD, FAIR]), convention)


def test_nothing_asked_costs_no_query(django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(0):
        assert satisfaction_values(service_unit_ids=[], windows=[OCTOBER]) == {}
        assert satisfaction_values(service_unit_ids=[1], windows=[]) == {}


def test_totals_of_disjoint_groups_add_up() -> None:
    first = Totals(respondents=2, sums={Element.U1: 7}, counts={Element.U1: 2})
    second = Totals(respondents=1, sums={Element.U1: 3, Element.U2: 4}, counts={Element.U2: 1})

    total = totals_sum([first, second])

    assert total.respondents == 3
    assert total.sums[Element.U1] == 10
    assert total.sums[Element.U2] == 4
    assert total.counts[Element.U1] == 2
    assert total.counts[Element.U9] == 0
    assert totals_sum([]).ikm() is None


@pytest.mark.parametrize(
    ("start", "end", "param"),
    [
        (date(2026, 10, 1), date(2026, 10, 31), {"bulan": "2026-10"}),
        (date(2026, 2, 1), date(2026, 2, 28), {"bulan": "2026-02"}),
        (date(2026, 10, 1), date(2026, 12, 31), {"triwulan": "2026-4"}),
        (date(2026, 1, 1), date(2026, 12, 31), {"tahun": "2026"}),
        (date(2026, 10, 15), date(2026, 10, 31), {"from": "2026-10-15", "to": "2026-10-31"}),
        (date(2026, 2, 1), date(2026, 3, 31), {"from": "2026-02-01", "to": "2026-03-31"}),
    ],
)
def test_a_window_is_named_by_the_report_parameter_of_its_span(
    start: date, end: date, param: dict[str, str]
) -> None:
    assert span_of(start, end).param == param


def test_the_value_reads_like_the_report(personas: Personas) -> None:
    loket = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=loket, answers=[[4] * 9] * 3, day=date(2026, 10, 9))

    value = satisfaction_values(service_unit_ids=[loket.pk], windows=[OCTOBER])[
        (loket.pk, *OCTOBER)
    ]

    assert value is not None
    assert (value.value, value.grade, value.label) == (Decimal("100.00"), "A", "Sangat Baik")
