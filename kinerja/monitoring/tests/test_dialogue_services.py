"""Performance dialogues: scheduling, recording, editing, cancelling, agreed actions and the
coaching feedback form, with each refusal leaving nothing changed."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.audit.models import AuditEvent
from kinerja.monitoring.models import (
    COACHING_ITEMS,
    CoachingFeedback,
    DialogueAction,
    DialogueKind,
    DialogueState,
    PerformanceDialogue,
)
from kinerja.monitoring.services.dialogues import (
    ActionDraft,
    coaching_feedback_submit,
    dialogue_action_add,
    dialogue_action_done,
    dialogue_action_reopen,
    dialogue_cancel,
    dialogue_record,
    dialogue_schedule,
    dialogue_update,
    moment_id,
)
from kinerja.monitoring.testing import make_action, make_dialogue, make_running_plan
from kinerja.notifications.models import Notification
from kinerja.people.holdings import today
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db

JAKARTA = ZoneInfo("Asia/Jakarta")
ALL_FIVE = dict.fromkeys(COACHING_ITEMS, 5)


def _actions() -> list[str]:
    events = AuditEvent.objects.filter(
        action__regex=r"^(dialogue|dialogue_action|coaching_feedback)\."
    )
    return list(events.order_by("pk").values_list("action", flat=True))


def _future(days: int = 3, hour: int = 9) -> datetime:
    return datetime.combine(today() + timedelta(days=days), datetime.min.time(), JAKARTA).replace(
        hour=hour
    )


def _past(days: int = 1) -> datetime:
    return timezone.now() - timedelta(days=days)


def _done(personas: Personas, kind: str = DialogueKind.COACHING) -> PerformanceDialogue:
    return make_dialogue(
        employee=personas.staff.employee,
        appraiser=personas.staff.supervisor,
        kind=kind,
        state=DialogueState.DONE,
        when=_past(2),
    )


def _scheduled(personas: Personas) -> PerformanceDialogue:
    return make_dialogue(employee=personas.staff.employee, appraiser=personas.staff.supervisor)


def test_moments_read_as_indonesian_day_date_and_time_in_wib() -> None:
    moment = datetime(2026, 12, 7, 9, 0, tzinfo=JAKARTA)
    assert moment_id(moment) == "Senin, 7 Desember 2026 pukul 09.00 WIB"
    assert moment_id(moment.astimezone(ZoneInfo("UTC"))) == "Senin, 7 Desember 2026 pukul 09.00 WIB"


# --- schedule -----------------------------------------------------------------------------


def test_the_appraiser_schedules_a_dialogue_and_the_employee_is_told_when(
    personas: Personas,
) -> None:
    plan = make_running_plan(employee=personas.staff.employee)
    when = _future()
    dialogue = dialogue_schedule(
        actor=personas.supervisor,
        employee=personas.staff.employee,
        kind=DialogueKind.COACHING,
        scheduled_at=when,
        place=" Ruang rapat ",
        agenda="Capaian bulan ini",
    )
    assert dialogue.state == DialogueState.SCHEDULED
    assert dialogue.appraiser == personas.staff.supervisor
    assert dialogue.plan == plan
    assert dialogue.place == "Ruang rapat"
    assert _actions() == ["dialogue.scheduled"]
    note = Notification.objects.get(recipient=personas.employee)
    assert note.kind == "DIALOGUE_SCHEDULED"
    assert moment_id(when) in note.title
    assert "Ruang rapat" in note.text
    assert "Capaian bulan ini" in note.text
    assert note.url == f"/dialog/{dialogue.pk}/"


@pytest.mark.parametrize(
    "who", ["employee", "appraiser_superior", "agency_admin", "hr_admin", "auditor", "outsider"]
)
def test_only_the_appraiser_or_supervisor_schedules(personas: Personas, who: str) -> None:
    with pytest.raises(PermissionDenied):
        dialogue_schedule(
            actor=getattr(personas, who),
            employee=personas.staff.employee,
            kind=DialogueKind.CHECK_IN,
            scheduled_at=_future(),
        )
    assert not PerformanceDialogue.objects.exists()
    assert _actions() == []


def test_a_time_in_the_past_or_an_unknown_kind_is_refused_by_field(personas: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        dialogue_schedule(
            actor=personas.supervisor,
            employee=personas.staff.employee,
            kind="RAPAT",
            scheduled_at=_past(),
        )
    errors = caught.value.message_dict
    assert "sudah lewat" in errors["scheduled_at"][0]
    assert "RAPAT" in errors["kind"][0]
    assert not PerformanceDialogue.objects.exists()
    assert not Notification.objects.exists()


# --- record -------------------------------------------------------------------------------


def test_recording_a_scheduled_dialogue_with_actions_tells_the_employee_what_was_agreed(
    personas: Personas,
) -> None:
    dialogue = _scheduled(personas)
    due = today() + timedelta(days=14)
    recorded = dialogue_record(
        actor=personas.supervisor,
        dialogue=dialogue,
        held_at=_past(0),
        notes="Capaian sesuai rencana.",
        actions=[
            ActionDraft(
                text="Ikut pelatihan komunikasi", owner=personas.staff.employee, due_date=due
            ),
            ActionDraft(text="Sediakan data", owner=personas.staff.supervisor.pk, due_date=due),
        ],
    )
    assert recorded.state == DialogueState.DONE
    assert recorded.held_at is not None
    assert recorded.agenda == "Capaian triwulan dan kendala."
    assert recorded.actions.count() == 2
    assert _actions() == ["dialogue.recorded", "dialogue_action.added", "dialogue_action.added"]
    note = Notification.objects.get(recipient=personas.employee, kind="DIALOGUE_RECORDED")
    assert "Ikut pelatihan komunikasi" in note.text
    assert "Sediakan data" in note.text


def test_a_dialogue_that_already_took_place_is_recorded_at_once(personas: Personas) -> None:
    dialogue = dialogue_record(
        actor=personas.supervisor,
        employee=personas.staff.employee,
        kind=DialogueKind.COACHING,
        held_at=_past(1),
        notes="Membahas kendala arsip.",
    )
    assert dialogue.state == DialogueState.DONE
    assert dialogue.scheduled_at == dialogue.held_at
    note = Notification.objects.get(recipient=personas.employee)
    assert "umpan balik bimbingan" in note.text


def test_recording_refuses_a_future_time_empty_notes_and_a_bad_action(personas: Personas) -> None:
    dialogue = _scheduled(personas)
    with pytest.raises(ValidationError) as caught:
        dialogue_record(
            actor=personas.supervisor,
            dialogue=dialogue,
            held_at=_future(),
            notes=" ",
            actions=[
                ActionDraft(
                    text="x", owner=personas.staff.kabid, due_date=today() - timedelta(days=1)
                )
            ],
        )
    errors = caught.value.message_dict
    assert set(errors) == {"held_at", "notes", "actions"}
    assert "belum tiba" in errors["held_at"][0]
    assert any("bukan pihak dialog" in m for m in errors["actions"])
    assert any("sudah lewat" in m for m in errors["actions"])
    dialogue.refresh_from_db()
    assert dialogue.state == DialogueState.SCHEDULED
    assert _actions() == []


def test_only_its_appraiser_records_a_scheduled_dialogue_once(personas: Personas) -> None:
    dialogue = _scheduled(personas)
    with pytest.raises(PermissionDenied):
        dialogue_record(actor=personas.employee, dialogue=dialogue, held_at=_past(), notes="x")
    dialogue_record(actor=personas.supervisor, dialogue=dialogue, held_at=_past(), notes="x")
    with pytest.raises(PermissionDenied, match="Selesai"):
        dialogue_record(actor=personas.supervisor, dialogue=dialogue, held_at=_past(), notes="y")
    assert _actions() == ["dialogue.recorded"]


# --- update and cancel ----------------------------------------------------------------------


def test_the_appraiser_moves_a_scheduled_dialogue_and_the_employee_is_told(
    personas: Personas,
) -> None:
    dialogue = _scheduled(personas)
    later = _future(days=5, hour=13)
    dialogue_update(
        actor=personas.supervisor,
        dialogue=dialogue,
        agenda="Agenda baru",
        place="Zoom",
        scheduled_at=later,
    )
    dialogue.refresh_from_db()
    assert (dialogue.agenda, dialogue.place, dialogue.scheduled_at) == (
        "Agenda baru",
        "Zoom",
        later,
    )
    assert _actions() == ["dialogue.updated"]
    assert moment_id(later) in Notification.objects.get(recipient=personas.employee).title


def test_notes_of_a_recorded_dialogue_stay_required_and_its_time_stays(personas: Personas) -> None:
    dialogue = _done(personas)
    with pytest.raises(ValidationError) as caught:
        dialogue_update(
            actor=personas.supervisor,
            dialogue=dialogue,
            agenda="",
            place="",
            notes="",
            scheduled_at=_future(),
        )
    assert set(caught.value.message_dict) == {"notes", "scheduled_at"}
    with pytest.raises(PermissionDenied):
        dialogue_update(actor=personas.employee, dialogue=dialogue, agenda="", place="", notes="x")
    assert _actions() == []


def test_cancelling_keeps_the_reason_and_tells_the_employee(personas: Personas) -> None:
    dialogue = _scheduled(personas)
    with pytest.raises(ValidationError) as caught:
        dialogue_cancel(actor=personas.supervisor, dialogue=dialogue, reason=" ")
    assert "reason" in caught.value.message_dict
    with pytest.raises(PermissionDenied):
        dialogue_cancel(actor=personas.employee, dialogue=dialogue, reason="Sakit")
    dialogue_cancel(actor=personas.supervisor, dialogue=dialogue, reason="Dinas luar")
    dialogue.refresh_from_db()
    assert (dialogue.state, dialogue.notes) == (DialogueState.CANCELLED, "Dinas luar")
    assert _actions() == ["dialogue.cancelled"]
    assert "Dinas luar" in Notification.objects.get(recipient=personas.employee).text
    with pytest.raises(PermissionDenied):
        dialogue_cancel(actor=personas.supervisor, dialogue=dialogue, reason="lagi")
    with pytest.raises(PermissionDenied):
        dialogue_update(actor=personas.supervisor, dialogue=dialogue, agenda="", place="")


# --- actions ------------------------------------------------------------------------------


def test_the_employee_adds_an_action_for_either_party(personas: Personas) -> None:
    dialogue = _done(personas, DialogueKind.CHECK_IN)
    action = dialogue_action_add(
        actor=personas.employee,
        dialogue=dialogue,
        text=" Menyusun SOP ",
        owner=personas.staff.supervisor,
        due_date=today(),
    )
    assert (action.text, action.owner, action.done_at) == (
        "Menyusun SOP",
        personas.staff.supervisor,
        None,
    )
    assert _actions() == ["dialogue_action.added"]


def test_an_action_refuses_an_owner_outside_the_dialogue_and_a_past_due_date(
    personas: Personas,
) -> None:
    dialogue = _done(personas, DialogueKind.CHECK_IN)
    with pytest.raises(ValidationError) as caught:
        dialogue_action_add(
            actor=personas.supervisor,
            dialogue=dialogue,
            text="",
            owner=personas.staff.kabid,
            due_date=today() - timedelta(days=1),
        )
    assert set(caught.value.message_dict) == {"text", "owner", "due_date"}
    assert personas.staff.employee.full_name in caught.value.message_dict["owner"][0]
    for who in ("appraiser_superior", "auditor", "outsider"):
        with pytest.raises(PermissionDenied):
            dialogue_action_add(
                actor=getattr(personas, who),
                dialogue=dialogue,
                text="x",
                owner=personas.staff.employee,
                due_date=today(),
            )
    assert not DialogueAction.objects.exists()
    assert _actions() == []


def test_the_owner_marks_an_action_done_and_reopens_it(personas: Personas) -> None:
    action = make_action(dialogue=_done(personas, DialogueKind.CHECK_IN))
    dialogue_action_done(actor=personas.employee, action=action, note="Sudah diunggah")
    action.refresh_from_db()
    assert action.done_at is not None
    assert action.done_note == "Sudah diunggah"
    with pytest.raises(ValidationError) as caught:
        dialogue_action_done(actor=personas.supervisor, action=action)
    assert "state" in caught.value.message_dict
    dialogue_action_reopen(actor=personas.supervisor, action=action)
    reopened = DialogueAction.objects.get(pk=action.pk)
    assert reopened.done_at is None
    assert reopened.done_note == ""
    with pytest.raises(ValidationError):
        dialogue_action_reopen(actor=personas.employee, action=action)
    assert _actions() == ["dialogue_action.done", "dialogue_action.reopened"]


def test_an_action_of_the_appraiser_is_not_marked_by_anyone_else(personas: Personas) -> None:
    action = make_action(
        dialogue=_done(personas, DialogueKind.CHECK_IN), owner=personas.staff.supervisor
    )
    for who in ("employee", "appraiser_superior", "auditor", "outsider"):
        with pytest.raises(PermissionDenied):
            dialogue_action_done(actor=getattr(personas, who), action=action)
    action.refresh_from_db()
    assert action.done_at is None
    assert _actions() == []


# --- coaching feedback --------------------------------------------------------------------


def test_the_employee_fills_the_coaching_feedback_once(personas: Personas) -> None:
    dialogue = _done(personas)
    feedback = coaching_feedback_submit(
        actor=personas.employee, dialogue=dialogue, answers=ALL_FIVE, comment=" Bermanfaat "
    )
    assert feedback.heard == 5
    assert feedback.comment == "Bermanfaat"
    assert _actions() == ["coaching_feedback.submitted"]
    with pytest.raises(ValidationError) as caught:
        coaching_feedback_submit(actor=personas.employee, dialogue=dialogue, answers=ALL_FIVE)
    assert "sudah diisi" in caught.value.message_dict["dialogue"][0]
    assert CoachingFeedback.objects.count() == 1


def test_missing_or_out_of_range_answers_are_refused_by_item(personas: Personas) -> None:
    dialogue = _done(personas)
    answers: dict[str, int] = {**ALL_FIVE, "heard": 6, "extra": 3}
    del answers["positive"]
    with pytest.raises(ValidationError) as caught:
        coaching_feedback_submit(actor=personas.employee, dialogue=dialogue, answers=answers)
    errors = caught.value.message_dict
    assert set(errors) == {"heard", "positive", "answers"}
    assert "“6”" in errors["heard"][0]
    assert "1 (Sangat tidak setuju)" in errors["heard"][0]
    assert "belum dijawab" in errors["positive"][0]
    assert not CoachingFeedback.objects.exists()


@pytest.mark.parametrize("who", ["supervisor", "appraiser_superior", "auditor", "outsider"])
def test_only_the_coached_employee_fills_the_form(personas: Personas, who: str) -> None:
    with pytest.raises(PermissionDenied):
        coaching_feedback_submit(
            actor=getattr(personas, who), dialogue=_done(personas), answers=ALL_FIVE
        )
    assert not CoachingFeedback.objects.exists()


def test_the_form_waits_for_a_coaching_dialogue_that_took_place(personas: Personas) -> None:
    check_in = _done(personas, DialogueKind.CHECK_IN)
    with pytest.raises(PermissionDenied, match="bimbingan kinerja"):
        coaching_feedback_submit(actor=personas.employee, dialogue=check_in, answers=ALL_FIVE)
    scheduled = make_dialogue(
        employee=personas.staff.employee,
        appraiser=personas.staff.supervisor,
        kind=DialogueKind.COACHING,
    )
    with pytest.raises(PermissionDenied, match="Dijadwalkan"):
        coaching_feedback_submit(actor=personas.employee, dialogue=scheduled, answers=ALL_FIVE)
    assert _actions() == []
