"""Home cards of trial periods: Admin BKPSDM is pointed at /uji-coba/ while trial periods
exist; an employee whose plan is in a running trial period is told their results do not
count. Cheap: at most one query once the user's employee is known."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.core.my_tasks import CardKind
from kinerja.engagement.home.trials import cards_for
from kinerja.engagement.testing import make_trial_period
from kinerja.people.testing import Personas
from kinerja.periods.testing import make_period
from kinerja.planning.testing import make_plan

pytestmark = pytest.mark.django_db


def test_admin_bkpsdm_gets_a_place_card_only_while_trials_exist(personas: Personas) -> None:
    assert cards_for(personas.hr_admin) == []
    make_trial_period()
    [card] = cards_for(personas.hr_admin)
    assert card.kind == CardKind.PLACE
    assert card.url == "/uji-coba/"
    assert card.description.startswith("1 periode uji coba")


def test_an_employee_in_a_running_trial_is_told_results_do_not_count(personas: Personas) -> None:
    period = make_trial_period(agency=personas.agency)
    plan = make_plan(employee=personas.staff.employee, period=period)
    [card] = cards_for(personas.employee)
    assert card.kind == CardKind.PLACE
    assert card.url == f"/skp/{plan.pk}/"
    assert f"{period.name} adalah uji coba" in card.description
    assert "tidak dihitung" in card.description


def test_an_employee_in_a_real_period_gets_no_card(personas: Personas) -> None:
    make_plan(employee=personas.staff.employee, period=make_period())
    make_trial_period()
    assert cards_for(personas.employee) == []


@pytest.mark.parametrize("name", ["employee", "supervisor", "outsider", "leader"])
def test_the_cards_cost_at_most_two_queries(personas: Personas, name: str) -> None:
    make_plan(employee=personas.staff.employee, period=make_trial_period())
    user = personas.all()[name]
    with CaptureQueriesContext(connection) as captured:
        cards_for(user)
    assert len(captured) <= 2


def test_the_home_page_shows_the_employees_card(client: Client, personas: Personas) -> None:
    make_plan(employee=personas.staff.employee, period=make_trial_period())
    client.force_login(personas.employee)
    response = client.get("/")
    assert "SKP Anda pada periode uji coba" in response.content.decode()
