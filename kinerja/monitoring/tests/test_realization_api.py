"""API of realisations: the same selectors, services and refusals as the pages."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from kinerja.monitoring.models import Realization, RealizationState
from kinerja.monitoring.testing import (
    make_link_evidence,
    make_realization,
    make_running_plan,
    plan_indicators,
    window_on,
)
from kinerja.people.testing import AGENCY_READERS, PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

EVERYONE = PERSONA_NAMES
READERS = AGENCY_READERS


@pytest.mark.parametrize("name", EVERYONE)
def test_the_list_answers_readers_and_is_404_for_everyone_else(
    client: Client, personas: Personas, name: str
) -> None:
    plan = make_running_plan(employee=personas.staff.employee)
    make_realization(plan=plan, value=7)
    client.force_login(personas.all()[name])
    response = client.get(f"/api/v1/plans/{plan.pk}/realizations/")
    if name not in READERS:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    body = response.json()
    assert body["window"]["id"] == window_on(plan).pk
    assert len(body["rows"]) == 2
    assert body["rows"][0]["value"] == "7.00"
    assert body["rows"][0]["state"] == "DRAFT"


def test_a_bad_window_parameter_is_refused_naming_it(client: Client, personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee)
    client.force_login(personas.employee)
    response = client.get(f"/api/v1/plans/{plan.pk}/realizations/", {"window": "abc"})
    assert response.status_code == 400
    assert "window" in response.json()


def test_the_whole_loop_through_the_api(client: Client, personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee)
    indicator = plan_indicators(plan)[0]
    window = window_on(plan)
    client.force_login(personas.employee)
    url = f"/api/v1/plans/{plan.pk}/realizations/"
    bad = client.post(
        url,
        {"indicator": indicator.pk, "window": window.pk, "value": "-1"},
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert "0 atau lebih" in str(bad.json())
    saved = client.post(
        url,
        {"indicator": indicator.pk, "window": window.pk, "value": "3"},
        content_type="application/json",
    ).json()
    assert "id" in saved, saved
    realization = Realization.objects.get(pk=saved["id"])
    refused = client.post(f"/api/v1/realizations/{realization.pk}/submit/")
    assert refused.status_code == 400
    assert "bukti dukung" in str(refused.json())
    make_link_evidence(realization=realization)
    submitted = client.post(f"/api/v1/realizations/{realization.pk}/submit/").json()
    assert (submitted["state"], submitted["achievement"]) == ("SUBMITTED", "25.00")
    own = client.post(f"/api/v1/realizations/{realization.pk}/accept/")
    assert own.status_code == 403

    client.force_login(personas.supervisor)
    empty = client.post(
        f"/api/v1/realizations/{realization.pk}/return/",
        {"reason": ""},
        content_type="application/json",
    )
    assert empty.status_code == 400
    returned = client.post(
        f"/api/v1/realizations/{realization.pk}/return/",
        {"reason": "Kurang bukti."},
        content_type="application/json",
    ).json()
    assert (returned["state"], returned["return_reason"]) == ("RETURNED", "Kurang bukti.")

    client.force_login(personas.employee)
    client.post(f"/api/v1/realizations/{realization.pk}/submit/")
    client.force_login(personas.supervisor)
    accepted = client.post(f"/api/v1/realizations/{realization.pk}/accept/").json()
    assert (accepted["state"], accepted["revision"]) == ("ACCEPTED", 2)


@pytest.mark.parametrize("name", ["other_admin", "outsider"])
def test_a_realisation_of_a_plan_one_may_not_see_is_404_by_id(
    client: Client, personas: Personas, name: str
) -> None:
    plan = make_running_plan(employee=personas.staff.employee)
    realization = make_realization(plan=plan, state=RealizationState.SUBMITTED)
    client.force_login(personas.all()[name])
    for action in ["submit", "accept"]:
        assert client.post(f"/api/v1/realizations/{realization.pk}/{action}/").status_code == 404
    response = client.post(
        f"/api/v1/plans/{plan.pk}/realizations/",
        {"indicator": realization.indicator_id, "window": realization.window_id, "value": "1"},
        content_type="application/json",
    )
    assert response.status_code == 404
    realization.refresh_from_db()
    assert (realization.state, realization.value) == (RealizationState.SUBMITTED, Decimal(50))
