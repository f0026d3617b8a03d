"""The dialogue pages: my dialogues, scheduling and recording, the dialogue page with its
actions, and the coaching feedback form; who sees what (404 for everyone else)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.core.testing import page_text
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


def _as(client: Client, personas: Personas, name: str) -> Client:
    client.force_login(personas.all()[name])
    return client


def _dialogue(personas: Personas, **kwargs: Any) -> PerformanceDialogue:
    return make_dialogue(
        employee=personas.staff.employee, appraiser=personas.staff.supervisor, **kwargs
    )


def _coaching_done(personas: Personas) -> PerformanceDialogue:
    return _dialogue(
        personas,
        kind=DialogueKind.COACHING,
        state=DialogueState.DONE,
        when=timezone.now() - timedelta(days=1),
    )


@pytest.mark.parametrize("who", EVERYONE)
def test_a_dialogue_page_is_seen_by_the_parties_the_superior_and_inspektorat_only(
    client: Client, personas: Personas, who: str
) -> None:
    dialogue = _dialogue(personas)
    make_action(dialogue=dialogue, text="Rahasia tindak lanjut")
    response = _as(client, personas, who).get(f"/dialog/{dialogue.pk}/")
    if who in SEE_DIALOGUE:
        assert response.status_code == 200
        assert "Rahasia tindak lanjut" in page_text(response.content)
    else:
        assert response.status_code == 404
        assert b"Rahasia tindak lanjut" not in response.content


@pytest.mark.parametrize("who", EVERYONE)
def test_every_persona_opens_my_dialogues_and_sees_only_their_own(
    client: Client, personas: Personas, who: str
) -> None:
    dialogue = _dialogue(personas)
    make_action(dialogue=dialogue, text="Rahasia tindak lanjut")
    response = _as(client, personas, who).get("/dialog/")
    assert response.status_code == 200
    shown = "Rahasia tindak lanjut" in page_text(response.content)
    assert shown == (who in {"employee", "supervisor"})


def test_my_dialogues_flag_overdue_actions_and_offer_scheduling_per_team_member(
    client: Client, personas: Personas
) -> None:
    dialogue = _dialogue(personas, state=DialogueState.DONE, when=timezone.now())
    make_action(dialogue=dialogue, due_date=today() - timedelta(days=2), text="Lapor arsip")
    text = page_text(_as(client, personas, "supervisor").get("/dialog/").content)
    assert "Lapor arsip" in text
    assert "Lewat batas" in text
    assert f"Jadwalkan dialog dengan {personas.staff.employee.full_name}" in text
    employee_text = page_text(_as(client, personas, "employee").get("/dialog/").content)
    assert "Jadwalkan dialog dengan" not in employee_text


def test_my_dialogues_cost_the_same_queries_at_any_size(client: Client, personas: Personas) -> None:
    _as(client, personas, "supervisor")

    def build(count: int) -> None:
        for number in range(count):
            d = _dialogue(personas, state=DialogueState.DONE, when=timezone.now())
            make_action(dialogue=d, text=f"Tindak {number}")
            _dialogue(personas)

    build(1)
    with CaptureQueriesContext(connection) as small:
        assert client.get("/dialog/").status_code == 200
    build(6)
    with CaptureQueriesContext(connection) as large:
        assert client.get("/dialog/").status_code == 200
    assert len(large) == len(small)


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_appraiser_may_open_the_schedule_form(
    client: Client, personas: Personas, who: str
) -> None:
    response = _as(client, personas, who).get(
        f"/dialog/jadwalkan/?pegawai={personas.staff.employee.pk}"
    )
    assert response.status_code == (200 if who == "supervisor" else 403)


def test_the_appraiser_schedules_through_the_form(client: Client, personas: Personas) -> None:
    day = today() + timedelta(days=4)
    response = _as(client, personas, "supervisor").post(
        f"/dialog/jadwalkan/?pegawai={personas.staff.employee.pk}",
        {"kind": "CHECK_IN", "day": day.strftime("%d-%m-%Y"), "clock": "09.30", "agenda": "A"},
    )
    dialogue = PerformanceDialogue.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/dialog/{dialogue.pk}/"
    assert timezone.localtime(dialogue.scheduled_at).strftime("%H.%M") == "09.30"


def test_a_past_time_is_refused_under_the_date(client: Client, personas: Personas) -> None:
    day = today() - timedelta(days=1)
    response = _as(client, personas, "supervisor").post(
        f"/dialog/jadwalkan/?pegawai={personas.staff.employee.pk}",
        {"kind": "CHECK_IN", "day": day.strftime("%d-%m-%Y"), "clock": "09.00"},
    )
    assert response.status_code == 200
    assert "sudah lewat" in page_text(response.content)
    assert not PerformanceDialogue.objects.exists()


def test_the_appraiser_records_a_dialogue_that_took_place_with_an_action(
    client: Client, personas: Personas
) -> None:
    held = timezone.localtime() - timedelta(hours=2)
    due = today() + timedelta(days=10)
    response = _as(client, personas, "supervisor").post(
        f"/dialog/catat/?pegawai={personas.staff.employee.pk}",
        {
            "kind": "COACHING",
            "day": held.strftime("%d-%m-%Y"),
            "clock": held.strftime("%H.%M"),
            "notes": "Membahas capaian.",
            "action_1_text": "Ikut kursus komunikasi",
            "action_1_owner": "pegawai",
            "action_1_due": due.strftime("%d-%m-%Y"),
        },
    )
    assert response.status_code == 302
    dialogue = PerformanceDialogue.objects.get()
    assert dialogue.state == DialogueState.DONE
    action = DialogueAction.objects.get()
    assert (action.owner, action.due_date) == (personas.staff.employee, due)


def test_recording_a_scheduled_dialogue_and_cancelling_are_the_appraisers(
    client: Client, personas: Personas
) -> None:
    dialogue = _dialogue(personas)
    assert _as(client, personas, "employee").get(f"/dialog/{dialogue.pk}/catat/").status_code == 403
    assert _as(client, personas, "employee").get(f"/dialog/{dialogue.pk}/batal/").status_code == 403
    assert _as(client, personas, "outsider").get(f"/dialog/{dialogue.pk}/batal/").status_code == 404
    response = _as(client, personas, "supervisor").post(
        f"/dialog/{dialogue.pk}/batal/", {"reason": "Dinas luar kota"}
    )
    assert response.status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.state == DialogueState.CANCELLED
    text = page_text(client.get(f"/dialog/{dialogue.pk}/").content)
    assert "Alasan pembatalan" in text
    assert "Dinas luar kota" in text


def test_the_employee_adds_an_action_and_marks_it_done_then_reopens_it(
    client: Client, personas: Personas
) -> None:
    dialogue = _dialogue(personas, state=DialogueState.DONE, when=timezone.now())
    _as(client, personas, "employee")
    response = client.post(
        f"/dialog/{dialogue.pk}/tindak-lanjut/tambah/",
        {"text": "Unggah laporan", "owner": "pegawai", "due_date": today().strftime("%d-%m-%Y")},
    )
    assert response.status_code == 302
    action = DialogueAction.objects.get()
    client.post(f"/dialog/tindak-lanjut/{action.pk}/selesai/", {"note": "Sudah"})
    action.refresh_from_db()
    assert action.done_at is not None
    assert client.get(f"/dialog/tindak-lanjut/{action.pk}/buka-kembali/").status_code == 200
    client.post(f"/dialog/tindak-lanjut/{action.pk}/buka-kembali/")
    assert DialogueAction.objects.get().done_at is None


def test_an_action_owned_by_the_appraiser_is_not_the_employees_to_close(
    client: Client, personas: Personas
) -> None:
    dialogue = _dialogue(personas, state=DialogueState.DONE, when=timezone.now())
    action = make_action(dialogue=dialogue, owner=personas.staff.supervisor)
    response = _as(client, personas, "employee").post(f"/dialog/tindak-lanjut/{action.pk}/selesai/")
    assert response.status_code == 403
    response = _as(client, personas, "outsider").get(f"/dialog/tindak-lanjut/{action.pk}/selesai/")
    assert response.status_code == 404
    action.refresh_from_db()
    assert action.done_at is None


def test_the_employee_fills_the_nine_items_and_the_coach_reads_them(
    client: Client, personas: Personas
) -> None:
    dialogue = _coaching_done(personas)
    url = f"/dialog/{dialogue.pk}/umpan-balik-bimbingan/"
    form = _as(client, personas, "employee").get(url)
    assert form.status_code == 200
    assert form.content.count(b'type="radio"') == 9 * 5
    assert "Sangat tidak setuju" in page_text(form.content)
    missing = client.post(url, dict.fromkeys(COACHING_ITEMS[:8], "4"))
    assert missing.status_code == 200
    assert "9. Saya memahami tujuan bimbingan ini: belum dijawab" in page_text(missing.content)
    assert not CoachingFeedback.objects.exists()
    client.post(url, {**dict.fromkeys(COACHING_ITEMS, "4"), "comment": "Membantu"})
    assert CoachingFeedback.objects.get().heard == 4
    coach = page_text(_as(client, personas, "supervisor").get(url).content)
    assert "4 — Setuju" in coach
    assert "Membantu" in coach
    superior = page_text(_as(client, personas, "appraiser_superior").get(url).content)
    assert "Sudah diisi" in superior
    assert "Membantu" not in superior


def test_only_the_employee_may_open_an_unfilled_form(client: Client, personas: Personas) -> None:
    url = f"/dialog/{_coaching_done(personas).pk}/umpan-balik-bimbingan/"
    assert _as(client, personas, "supervisor").get(url).status_code == 403
    assert _as(client, personas, "outsider").get(url).status_code == 404


def test_the_appraiser_edits_a_recorded_dialogues_notes_and_no_one_else_may(
    client: Client, personas: Personas
) -> None:
    dialogue = _dialogue(personas, state=DialogueState.DONE, when=timezone.now())
    url = f"/dialog/{dialogue.pk}/ubah/"
    assert _as(client, personas, "employee").get(url).status_code == 403
    assert _as(client, personas, "appraiser_superior").get(url).status_code == 403
    assert _as(client, personas, "outsider").get(url).status_code == 404
    _as(client, personas, "supervisor")
    empty = client.post(url, {"agenda": "A", "place": "", "notes": ""})
    assert empty.status_code == 200
    response = client.post(url, {"agenda": "A", "place": "Zoom", "notes": "Catatan baru"})
    assert response.status_code == 302
    dialogue.refresh_from_db()
    assert (dialogue.notes, dialogue.place) == ("Catatan baru", "Zoom")
