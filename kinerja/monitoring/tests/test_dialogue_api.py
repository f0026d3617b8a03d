"""API /api/v1/dialogues/: the same dialogues, rules and refusals as the pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.monitoring.models import (
    COACHING_ITEMS,
    CoachingFeedback,
    DialogueAction,
    DialogueKind,
    DialogueState,
    PerformanceDialogue,
)
from kinerja.monitoring.testing import make_action, make_dialogue
from kinerja.people.holdings import today
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

EVERYONE = PERSONA_NAMES
SEE_DIALOGUE = {"employee", "supervisor", "appraiser_superior", "auditor"}


def _done(personas: Personas, kind: str = DialogueKind.COACHING) -> PerformanceDialogue:
    return make_dialogue(
        employee=personas.staff.employee,
        appraiser=personas.staff.supervisor,
        kind=kind,
        state=DialogueState.DONE,
        when=timezone.now() - timedelta(days=1),
    )


def test_my_dialogues_by_role_with_open_actions(client: Client, personas: Personas) -> None:
    dialogue = _done(personas, DialogueKind.CHECK_IN)
    make_action(dialogue=dialogue, due_date=today() - timedelta(days=1))
    make_dialogue(employee=personas.staff.employee, appraiser=personas.staff.supervisor)
    client.force_login(personas.employee)
    body = client.get("/api/v1/dialogues/", {"peran": "pegawai"}).json()
    assert len(body["upcoming"]) == 1
    assert [d["id"] for d in body["recent"]] == [dialogue.pk]
    assert body["open_actions"][0]["overdue"] is True
    assert client.get("/api/v1/dialogues/", {"peran": "penilai"}).json()["recent"] == []


def test_the_list_refuses_an_unknown_role_and_costs_the_same_at_any_size(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.supervisor)
    response = client.get("/api/v1/dialogues/", {"peran": "bos"})
    assert response.status_code == 400
    assert "bos" in response.json()["peran"][0]

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/dialogues/").status_code == 200
        return len(queries)

    make_action(dialogue=_done(personas))
    small = count()
    for _ in range(5):
        make_action(dialogue=_done(personas))
    assert count() == small


@pytest.mark.parametrize("who", EVERYONE)
def test_a_dialogue_is_404_to_anyone_but_its_readers(
    client: Client, personas: Personas, who: str
) -> None:
    dialogue = _done(personas)
    client.force_login(personas.all()[who])
    response = client.get(f"/api/v1/dialogues/{dialogue.pk}/")
    assert response.status_code == (200 if who in SEE_DIALOGUE else 404)


def test_the_appraiser_schedules_and_records_through_the_api(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.supervisor)
    when = (timezone.now() + timedelta(days=2)).isoformat()
    response = client.post(
        "/api/v1/dialogues/",
        {"employee_id": personas.staff.employee.pk, "kind": "COACHING", "scheduled_at": when},
        content_type="application/json",
    )
    assert response.status_code == 201
    dialogue_id = response.json()["dialogue"]["id"]
    due = (today() + timedelta(days=7)).isoformat()
    response = client.post(
        f"/api/v1/dialogues/{dialogue_id}/record/",
        {
            "held_at": timezone.now().isoformat(),
            "notes": "Selesai",
            "actions": [
                {"text": "Kursus", "owner_id": personas.staff.employee.pk, "due_date": due}
            ],
        },
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["dialogue"]["state"] == "DONE"
    assert body["actions"][0]["text"] == "Kursus"
    assert body["coaching_feedback"]["submitted"] is False


def test_the_api_gives_the_services_refusals(client: Client, personas: Personas) -> None:
    client.force_login(personas.supervisor)
    past = (timezone.now() - timedelta(days=1)).isoformat()
    response = client.post(
        "/api/v1/dialogues/",
        {"employee_id": personas.staff.employee.pk, "scheduled_at": past},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "sudah lewat" in response.json()["scheduled_at"][0]
    client.force_login(personas.employee)
    response = client.post(
        "/api/v1/dialogues/",
        {"employee_id": personas.staff.supervisor.pk, "scheduled_at": past},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not PerformanceDialogue.objects.exists()


def test_actions_are_added_done_and_reopened_through_the_api(
    client: Client, personas: Personas
) -> None:
    dialogue = _done(personas, DialogueKind.CHECK_IN)
    client.force_login(personas.employee)
    response = client.post(
        f"/api/v1/dialogues/{dialogue.pk}/actions/",
        {
            "text": "Unggah SOP",
            "owner_id": personas.staff.kabid.pk,
            "due_date": today().isoformat(),
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "owner" in response.json()
    response = client.post(
        f"/api/v1/dialogues/{dialogue.pk}/actions/",
        {
            "text": "Unggah SOP",
            "owner_id": personas.staff.employee.pk,
            "due_date": today().isoformat(),
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    action_id = response.json()["id"]
    done = client.post(f"/api/v1/dialogue-actions/{action_id}/done/", {"note": "ok"})
    assert done.json()["done_at"] is not None
    reopened = client.post(f"/api/v1/dialogue-actions/{action_id}/reopen/")
    assert reopened.json()["done_at"] is None
    client.force_login(personas.outsider)
    assert client.post(f"/api/v1/dialogue-actions/{action_id}/done/").status_code == 404
    assert DialogueAction.objects.get().done_at is None


def test_coaching_feedback_through_the_api_once_and_read_by_the_coach(
    client: Client, personas: Personas
) -> None:
    dialogue = _done(personas)
    url = f"/api/v1/dialogues/{dialogue.pk}/coaching-feedback/"
    client.force_login(personas.employee)
    bad = client.post(
        url,
        {"answers": {**dict.fromkeys(COACHING_ITEMS, 3), "heard": 0}},
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert "heard" in bad.json()
    good = client.post(
        url, {"answers": dict.fromkeys(COACHING_ITEMS, 3)}, content_type="application/json"
    )
    assert good.status_code == 201
    assert CoachingFeedback.objects.count() == 1
    client.force_login(personas.supervisor)
    feedback = client.get(f"/api/v1/dialogues/{dialogue.pk}/").json()["coaching_feedback"]
    assert feedback["answers"]["heard"] == 3
    client.force_login(personas.appraiser_superior)
    feedback = client.get(f"/api/v1/dialogues/{dialogue.pk}/").json()["coaching_feedback"]
    assert feedback["submitted"] is True
    assert feedback["answers"] is None
    denied = client.post(
        url, {"answers": dict.fromkeys(COACHING_ITEMS, 3)}, content_type="application/json"
    )
    assert denied.status_code == 403
