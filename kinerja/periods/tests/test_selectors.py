from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from pytest_django import DjangoAssertNumQueries

from kinerja.people.testing import Personas
from kinerja.periods.models import PeriodState
from kinerja.periods.selectors import (
    period_current,
    period_get_for_actor,
    period_list_for_actor,
    period_list_open_for_planning,
    period_previous,
    window_current,
)
from kinerja.periods.testing import make_period

pytestmark = pytest.mark.django_db


def test_the_current_period_is_the_real_one_covering_the_day() -> None:
    real = make_period(year=2026, state=PeriodState.EXECUTION)
    make_period(year=2026, is_trial=True)
    make_period(year=2025, state=PeriodState.CLOSED)
    assert period_current(day=date(2026, 7, 1)) == real


def test_a_trial_period_is_current_when_no_real_one_covers_the_day() -> None:
    trial = make_period(
        year=2026, is_trial=True, start_date=date(2026, 10, 1), end_date=date(2026, 12, 31)
    )
    assert period_current(day=date(2026, 11, 1)) == trial
    assert period_current(day=date(2026, 9, 30)) is None


def test_no_period_is_current_outside_every_period() -> None:
    make_period(year=2026)
    assert period_current(day=date(2027, 1, 1)) is None


def test_the_current_window_is_the_month_covering_the_day() -> None:
    period = make_period(year=2026)
    window = window_current(period=period, day=date(2026, 3, 31))
    assert window is not None
    assert window.name == "Maret"
    assert window_current(period=period, day=date(2027, 1, 1)) is None


def test_every_signed_in_user_lists_periods_and_the_system_none(personas: Personas) -> None:
    period = make_period(year=2026)
    for user in personas.all().values():
        assert list(period_list_for_actor(actor=user)) == [period]
    with pytest.raises(PermissionDenied):
        period_list_for_actor(actor=None)


def test_an_unknown_period_is_not_found(personas: Personas) -> None:
    with pytest.raises(Http404):
        period_get_for_actor(actor=personas.employee, period_id=999)


@pytest.mark.parametrize("count", [1, 4])
def test_the_period_list_costs_two_queries_at_any_size(
    personas: Personas, count: int, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    for offset in range(count):
        make_period(year=2020 + offset)
    with django_assert_num_queries(2):
        periods = list(period_list_for_actor(actor=personas.employee))
        assert all(len(p.windows.all()) == 12 for p in periods)


def test_the_previous_period_is_last_years_real_one() -> None:
    last = make_period(year=2025, state=PeriodState.CLOSED)
    make_period(year=2025, is_trial=True)
    this = make_period(year=2026)
    assert period_previous(period=this) == last
    assert period_previous(period=last) is None


def test_plans_may_be_written_in_periods_in_planning_or_execution() -> None:
    planning = make_period(year=2027)
    running = make_period(year=2026, state=PeriodState.EXECUTION)
    make_period(year=2025, state=PeriodState.EVALUATION)
    make_period(year=2024, state=PeriodState.CLOSED)
    assert list(period_list_open_for_planning()) == [planning, running]
