"""The objections API (/api/v1/objections/): my own objections, my queue, one objection, and
the same refusals as the pages in the JSON shape of core/api_errors.py."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.appeals.models import ObjectionState
from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

READERS = {"employee", "supervisor", "appraiser_superior", "hr_admin", "auditor"}


def test_anonymous_gets_401_or_403(client: Client, personas: Personas) -> None:
    assert client.get("/api/v1/objections/").status_code in (401, 403)


def test_my_objections_are_only_my_own(client: Client, personas: Personas) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.employee)
    body = client.get("/api/v1/objections/").json()
    assert body["count"] == 1
    row = body["results"][0]
    assert row["id"] == objection.pk
    assert row["state"] == "FILED"
    assert row["decider_name"] == "Dewi Kabid"
    assert row["next_step"]["code"] == "explanation"
    for name in ("supervisor", "hr_admin", "outsider"):
        client.force_login(personas.all()[name])
        assert client.get("/api/v1/objections/").json()["count"] == 0


def test_the_queue_holds_what_waits_for_me(client: Client, personas: Personas) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.supervisor)
    assert [r["id"] for r in client.get("/api/v1/objections/queue/").json()["results"]] == [
        objection.pk
    ]
    client.force_login(personas.appraiser_superior)
    assert [r["id"] for r in client.get("/api/v1/objections/queue/").json()["results"]] == [
        objection.pk
    ]
    client.force_login(personas.employee)
    assert client.get("/api/v1/objections/queue/").json()["count"] == 0


def test_a_decided_objection_leaves_the_queue(client: Client, personas: Personas) -> None:
    make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.REJECTED
    )
    client.force_login(personas.appraiser_superior)
    assert client.get("/api/v1/objections/queue/").json()["count"] == 0


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_one_objection_for_those_who_see_it_and_404_for_others(
    client: Client, personas: Personas, name: str
) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.ACCEPTED
    )
    client.force_login(personas.all()[name])
    response = client.get(f"/api/v1/objections/{objection.pk}/")
    if name in READERS:
        assert response.status_code == 200
        body = response.json()
        assert body["state"] == "ACCEPTED"
        assert body["results_after"] == "ABOVE"
        assert [step["code"] for step in body["steps"]] == ["explanation", "answer", "decision"]
        assert body["may_decide"] is False
    else:
        assert response.status_code == 404
        assert "statement" not in response.json()


@pytest.mark.parametrize("step", ["explanation", "answer", "decision", "withdrawal"])
def test_an_outsider_posting_a_step_gets_404(client: Client, personas: Personas, step: str) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.outsider)
    response = client.post(
        f"/api/v1/objections/{objection.pk}/{step}/", {}, content_type="application/json"
    )
    assert response.status_code == 404


def test_filing_on_someone_elses_evaluation_is_404(client: Client, personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.outsider)
    response = client.post(
        "/api/v1/objections/",
        {"evaluation_id": evaluation.pk, "subject": "RESULTS", "statement": "x" * 30},
        content_type="application/json",
    )
    assert response.status_code == 404


def test_a_bad_evaluation_id_is_named(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    response = client.post(
        "/api/v1/objections/",
        {"evaluation_id": "abc", "subject": "RESULTS", "statement": "x" * 30},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "evaluation_id" in response.json()


def test_a_decision_without_accepted_is_refused_in_indonesian(
    client: Client, personas: Personas
) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.EXPLAINED
    )
    client.force_login(personas.appraiser_superior)
    response = client.post(
        f"/api/v1/objections/{objection.pk}/decision/",
        {"decision_reason": "Pertimbangan."},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["accepted"] == [
        "Isian “accepted” wajib: true (terima) atau false (tolak)."
    ]
