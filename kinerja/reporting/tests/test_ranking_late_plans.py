"""Units with late plans: the plans panel's rule (approved after the due date, or not approved
when it has passed), ranked per scope, linked to the unit's dashboard."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.core.testing import page_text
from kinerja.organization.testing import make_unit
from kinerja.people.testing import assign, make_employee, make_position
from kinerja.planning.models import PerformancePlan, PlanState
from kinerja.planning.testing import make_open_period, make_plan
from kinerja.reporting.models import Ranking
from kinerja.reporting.rankings import late_plans
from kinerja.reporting.services import summary_refresh

pytestmark = pytest.mark.django_db


def _approved(plan: PerformancePlan, day: date) -> None:
    moment = timezone.make_aware(datetime(day.year, day.month, day.day, 10))
    plan.approved_at = moment
    plan.save(update_fields=["approved_at"])


@pytest.fixture
def setup(personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    staff = personas.staff
    assert timezone.localdate() > period.plan_due_date
    make_plan(employee=staff.employee, period=period, state=PlanState.DRAFT)
    late = make_plan(employee=staff.supervisor, period=period, state=PlanState.APPROVED)
    _approved(late, period.plan_due_date + timedelta(days=3))
    on_time = make_plan(employee=staff.kabid, period=period, state=PlanState.APPROVED)
    _approved(on_time, period.plan_due_date)
    sub = make_unit(agency=personas.agency, name="Seksi Pindah Datang")
    sub.parent = staff.unit
    sub.save(update_fields=["parent"])
    post = make_position(agency=personas.agency, unit=sub, supervisor=staff.kasi_post)
    clerk = make_employee(name="Pegawai Seksi")
    assign(clerk, post)
    make_plan(employee=clerk, period=period, state=PlanState.SUBMITTED)
    trial = make_open_period(year=period.year, is_trial=True)
    make_plan(employee=staff.kabid, period=trial, state=PlanState.DRAFT)
    return period, sub


def test_compute_ranks_units_per_scope(personas, setup):  # type: ignore[no-untyped-def]
    period, sub = setup
    unit = personas.staff.unit
    rows = late_plans.compute(period)
    by_scope: dict[tuple[int | None, int | None], list[tuple[int, int | None, int, str]]] = {}
    for r in rows:
        by_scope.setdefault((r.agency_id, r.unit_id), []).append(
            (r.position, r.target_id, r.count, str(r.value))
        )
    both = [(1, unit.pk, 2, "66.67"), (2, sub.pk, 1, "100.00")]
    assert by_scope[(None, None)] == both
    assert by_scope[(personas.agency.pk, None)] == both
    assert by_scope[(personas.agency.pk, unit.pk)] == both
    assert by_scope[(personas.agency.pk, sub.pk)] == [(1, sub.pk, 1, "100.00")]
    first = rows[0]
    assert first.label == unit.name
    assert first.detail == personas.agency.name


def test_top_ten_only(personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    for number in range(12):
        unit = make_unit(agency=personas.agency, name=f"Seksi {number:02d}")
        post = make_position(agency=personas.agency, unit=unit)
        person = make_employee()
        assign(person, post)
        make_plan(employee=person, period=period, position=post)
    city = [r for r in late_plans.compute(period) if r.agency_id is None]
    assert [r.position for r in city] == list(range(1, 11))
    assert city[0].label == "Seksi 00"


def test_link_is_the_unit_dashboard():  # type: ignore[no-untyped-def]
    assert late_plans.link(7) == reverse("reporting:unit", args=[7])


def test_the_pages_show_the_list(client, personas, setup):  # type: ignore[no-untyped-def]
    period, sub = setup
    summary_refresh(actor=personas.hr_admin, period=period)
    client.force_login(personas.leader)
    for url in (
        reverse("reporting:city"),
        reverse("reporting:agency", args=[personas.agency.pk]),
    ):
        response = client.get(url)
        text = page_text(response.content)
        assert str(Ranking.LATE_PLANS.label) in text
        assert "SKP terlambat: 2" in text
        assert f'href="{reverse("reporting:unit", args=[sub.pk])}"' in response.content.decode()


def test_the_refresh_hands_over_the_plan_figures_it_already_counted(personas):  # type: ignore[no-untyped-def]
    from kinerja.planning.testing import make_open_period
    from kinerja.reporting.models import Panel
    from kinerja.reporting.panels import plans as plans_panel

    period = make_open_period()
    counted: dict[str, list[Any]] = {Panel.PLANS: plans_panel.compute(period)}
    assert late_plans.compute(period, counted) == late_plans.compute(period)
