"""An SKP indicator sourced from a service unit's satisfaction index (IKM) shows, on the plan
page, its value for each evaluation window that has started, with where it came from — nobody
types it in."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.accounts.demo_identities import DEMO_SUPERVISOR
from kinerja.accounts.models import User
from kinerja.core.demo import DemoOptions, demo_seeds_run
from kinerja.core.testing import page_text
from kinerja.organization.models import ServiceUnit
from kinerja.people.holdings import today
from kinerja.people.testing import AGENCY_READERS, PERSONA_NAMES, Personas
from kinerja.periods.models import WindowKind
from kinerja.periods.testing import make_period
from kinerja.planning.models import Indicator, IndicatorSource, PerformancePlan
from kinerja.planning.selectors import plan_queryset, plan_satisfaction_values
from kinerja.planning.testing import (
    make_indicator,
    make_open_period,
    make_plan,
    make_result,
)
from kinerja.scoring.formatting import month_name
from kinerja.surveys.testing import make_responses, make_service_unit

pytestmark = pytest.mark.django_db

EVERYONE = PERSONA_NAMES
READERS = AGENCY_READERS
# Three respondents, element means 3,33: IKM 83,33, grade B "Baik".
ANSWERS = [[4] * 9, [3] * 9, [3] * 9]


def _sourced(indicator: Indicator, unit: ServiceUnit) -> Indicator:
    indicator.source = IndicatorSource.SATISFACTION_INDEX
    indicator.service_unit = unit
    indicator.save(update_fields=["source", "service_unit"])
    return indicator


def _plan_with_sourced_indicator(
    personas: Personas, unit: ServiceUnit, **kwargs: Any
) -> tuple[PerformancePlan, Indicator]:
    period = kwargs.pop("period", None) or make_open_period()
    plan = make_plan(
        employee=personas.staff.employee, period=period, start_date=period.start_date, **kwargs
    )
    result = make_result(plan=plan, indicators=0)
    indicator = make_indicator(result=result, text="Indeks kepuasan masyarakat Loket Adminduk")
    return plan, _sourced(indicator, unit)


def _this_month() -> str:
    day = today()
    return f"{month_name(day.month)} {day.year}"


def _as(client: Client, personas: Personas, name: str) -> Client:
    client.force_login(personas.all()[name])
    return client


def test_an_indicator_sourced_from_a_units_index_shows_this_months_value_without_manual_entry(
    client: Client, personas: Personas
) -> None:
    loket = make_service_unit(unit=personas.staff.unit, name="Loket Pelayanan Adminduk")
    plan, _ = _plan_with_sourced_indicator(personas, loket)
    make_responses(service_unit=loket, answers=ANSWERS, day=today())

    response = _as(client, personas, "employee").get(f"/skp/{plan.pk}/")

    text = page_text(response.content)
    assert f"IKM {_this_month()}: 83,33 (B · Baik) dari 3 responden" in text
    assert "sumber: SKM Loket Pelayanan Adminduk" in text
    day = today()
    link = f'href="/skm/{loket.slug}/?bulan={day.year}-{day.month:02d}"'
    assert link in response.content.decode()


def test_a_window_nobody_answered_in_says_so(client: Client, personas: Personas) -> None:
    loket = make_service_unit(unit=personas.staff.unit, name="Loket Pelayanan Adminduk")
    plan, _ = _plan_with_sourced_indicator(personas, loket)

    text = page_text(_as(client, personas, "employee").get(f"/skp/{plan.pk}/").content)

    assert f"IKM {_this_month()}: belum ada jawaban" in text


def test_the_appraiser_sees_the_value_on_the_plan_too(client: Client, personas: Personas) -> None:
    loket = make_service_unit(unit=personas.staff.unit, name="Loket Pelayanan Adminduk")
    plan, _ = _plan_with_sourced_indicator(personas, loket)
    make_responses(service_unit=loket, answers=ANSWERS, day=today())

    text = page_text(_as(client, personas, "supervisor").get(f"/skp/{plan.pk}/").content)

    assert f"IKM {_this_month()}: 83,33 (B · Baik) dari 3 responden" in text


@pytest.mark.parametrize("name", EVERYONE)
def test_the_value_shows_to_whoever_may_read_the_plan_and_to_nobody_else(
    client: Client, personas: Personas, name: str
) -> None:
    loket = make_service_unit(unit=personas.staff.unit, name="Loket Pelayanan Adminduk")
    plan, _ = _plan_with_sourced_indicator(personas, loket)
    make_responses(service_unit=loket, answers=ANSWERS, day=today())

    response = _as(client, personas, name).get(f"/skp/{plan.pk}/")

    if name in READERS:
        assert response.status_code == 200
        assert "83,33 (B · Baik)" in page_text(response.content)
    else:
        assert response.status_code == 404
        assert b"83,33" not in response.content


def test_windows_not_yet_started_are_not_listed(personas: Personas) -> None:
    loket = make_service_unit(unit=personas.staff.unit)
    period = make_period(year=2026)
    plan, indicator = _plan_with_sourced_indicator(personas, loket, period=period)
    make_responses(service_unit=loket, answers=ANSWERS, day=date(2026, 2, 10))

    values = plan_satisfaction_values(
        plan=plan_queryset().get(pk=plan.pk), indicators=[indicator], day=date(2026, 3, 1)
    )[indicator.pk]

    assert [v.window_name for v in values] == ["Januari 2026", "Februari 2026", "Maret 2026"]
    assert [v.result.respondents if v.result else None for v in values] == [None, 3, None]


def test_windows_before_the_plan_began_are_not_listed(personas: Personas) -> None:
    loket = make_service_unit(unit=personas.staff.unit)
    period = make_period(year=2026)
    plan = make_plan(employee=personas.staff.employee, period=period, start_date=date(2026, 6, 15))
    indicator = _sourced(make_indicator(result=make_result(plan=plan, indicators=0)), loket)

    values = plan_satisfaction_values(
        plan=plan_queryset().get(pk=plan.pk), indicators=[indicator], day=date(2026, 8, 1)
    )[indicator.pk]

    assert [v.window_name for v in values] == ["Juni 2026", "Juli 2026", "Agustus 2026"]


def test_a_quarterly_period_links_to_the_quarters_report(
    client: Client, personas: Personas
) -> None:
    loket = make_service_unit(unit=personas.staff.unit, name="Loket Pelayanan Adminduk")
    period = make_period(year=today().year, window_kind=WindowKind.QUARTERLY)
    plan, _ = _plan_with_sourced_indicator(personas, loket, period=period)
    make_responses(service_unit=loket, answers=ANSWERS, day=today())

    response = _as(client, personas, "employee").get(f"/skp/{plan.pk}/")

    quarter = (today().month - 1) // 3 + 1
    numeral = ["I", "II", "III", "IV"][quarter - 1]
    text = page_text(response.content)
    assert f"IKM Triwulan {numeral} {today().year}: 83,33 (B · Baik) dari 3 responden" in text
    assert f'href="/skm/{loket.slug}/?triwulan={today().year}-{quarter}"' in (
        response.content.decode()
    )


def test_a_manual_indicator_shows_no_survey_value(client: Client, personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee, results=1)

    text = page_text(_as(client, personas, "employee").get(f"/skp/{plan.pk}/").content)

    assert "Nilai dari SKM" not in text
    assert "IKM " not in text


def test_the_plan_page_costs_the_same_queries_for_one_or_many_sourced_indicators(
    client: Client, personas: Personas
) -> None:
    first = make_service_unit(unit=personas.staff.unit)
    plan, _ = _plan_with_sourced_indicator(personas, first)
    make_responses(service_unit=first, answers=ANSWERS, day=today())
    _as(client, personas, "employee")
    with CaptureQueriesContext(connection) as one:
        client.get(f"/skp/{plan.pk}/")
    for _ in range(6):
        unit = make_service_unit(unit=personas.staff.unit)
        make_responses(service_unit=unit, answers=ANSWERS, day=today() - timedelta(days=40))
        result = make_result(plan=plan, indicators=0)
        for _ in range(2):
            _sourced(make_indicator(result=result), unit)
    with CaptureQueriesContext(connection) as many:
        body = client.get(f"/skp/{plan.pk}/").content
    assert page_text(body).count("sumber: SKM") >= 13
    assert len(many.captured_queries) == len(one.captured_queries)


def test_sourced_indicators_cost_two_queries_and_none_cost_nothing(
    personas: Personas, django_assert_num_queries: Any
) -> None:
    loket = make_service_unit(unit=personas.staff.unit)
    plan, indicator = _plan_with_sourced_indicator(personas, loket)
    manual = make_indicator(result=indicator.result)
    plan = plan_queryset().get(pk=plan.pk)
    indicator = Indicator.objects.select_related("service_unit").get(pk=indicator.pk)

    with django_assert_num_queries(0):
        assert plan_satisfaction_values(plan=plan, indicators=[manual]) == {}
    with django_assert_num_queries(2):
        values = plan_satisfaction_values(plan=plan, indicators=[indicator, manual])
    assert list(values) == [indicator.pk]


def test_the_demo_supervisors_plan_shows_the_adminduk_counters_index(client: Client) -> None:
    demo_seeds_run(DemoOptions(employees=400, seed=3))
    plan = PerformancePlan.objects.get(
        employee__nip=DEMO_SUPERVISOR.username, period__year=today().year
    )
    indicator = Indicator.objects.get(result__plan=plan, source=IndicatorSource.SATISFACTION_INDEX)
    assert indicator.service_unit is not None
    assert indicator.service_unit.name == "Loket Pelayanan Adminduk"

    client.force_login(User.objects.get(username=DEMO_SUPERVISOR.username))
    text = page_text(client.get(f"/skp/{plan.pk}/").content)

    assert f"IKM {_this_month()}:" in text
    assert "sumber: SKM Loket Pelayanan Adminduk" in text
