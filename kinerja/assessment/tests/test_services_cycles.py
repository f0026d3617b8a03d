"""Rounds (services/cycles.py): create, open, close, close after the due date; refusals,
audit events and notifications."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.assessment.models import AnswerSheet, CycleState, ReviewCycle
from kinerja.assessment.services.cycles import (
    cycle_close,
    cycle_create,
    cycle_open,
    cycles_close_due,
)
from kinerja.assessment.testing import make_cycle, make_sheet, make_team_360
from kinerja.audit.models import AuditEvent
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.people.holdings import today
from kinerja.people.testing import Personas
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.planning.testing import make_open_period
from kinerja.scoring.formatting import format_date_id

pytestmark = pytest.mark.django_db


def _period() -> PerformancePeriod:
    period = make_open_period(state=PeriodState.EXECUTION)
    period.evaluation_due_date = today() + timedelta(days=200)
    period.save(update_fields=["evaluation_due_date"])
    return period


def test_bkpsdm_creates_a_round_in_penyusunan_with_an_audit_event(personas: Personas) -> None:
    period = _period()
    cycle = cycle_create(
        actor=personas.hr_admin, period=period, window=None, agency=personas.agency,
        name="  Umpan balik 360 tahunan ", due_date=today() + timedelta(days=10),
    )  # fmt: skip
    assert cycle.state == CycleState.DRAFT
    assert cycle.name == "Umpan balik 360 tahunan"
    assert cycle.created_by == personas.hr_admin
    event = AuditEvent.objects.get(action="review_cycle.created")
    assert event.object_id == str(cycle.pk)
    assert event.actor == personas.hr_admin


@pytest.mark.parametrize("name", ["agency_admin", "supervisor", "leader", "outsider"])
def test_only_bkpsdm_creates_a_round(personas: Personas, name: str) -> None:
    with pytest.raises(PermissionDenied):
        cycle_create(
            actor=personas.all()[name], period=_period(), window=None, agency=None,
            name="X", due_date=today() + timedelta(days=10),
        )  # fmt: skip
    assert not ReviewCycle.objects.exists()


def test_a_window_of_another_period_and_bad_due_dates_are_refused(personas: Personas) -> None:
    period = _period()
    other = make_open_period(year=period.year - 1, state=PeriodState.CLOSED)
    window = other.windows.first()
    with pytest.raises(ValidationError) as refused:
        cycle_create(
            actor=personas.hr_admin, period=period, window=window, agency=None, name="X",
            due_date=today() - timedelta(days=1),
        )  # fmt: skip
    assert set(refused.value.message_dict) >= {"due_date"} | ({"window"} if window else set())
    assert "sudah lewat" in refused.value.message_dict["due_date"][0]
    late = period.evaluation_due_date + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        cycle_create(
            actor=personas.hr_admin, period=period, window=None, agency=None, name="",
            due_date=late,
        )  # fmt: skip
    assert format_date_id(late) in refused.value.message_dict["due_date"][0]
    assert "name" in refused.value.message_dict


def test_a_round_overlapping_the_city_or_the_same_agency_is_refused(personas: Personas) -> None:
    period = _period()
    due = today() + timedelta(days=10)
    cycle_create(actor=None, period=period, window=None, agency=None, name="Kota", due_date=due)
    with pytest.raises(ValidationError) as refused:
        cycle_create(
            actor=None, period=period, window=None, agency=personas.agency, name="X", due_date=due
        )
    assert "Kota" in refused.value.message_dict["agency"][0]
    window = period.windows.first()
    if window is not None:  # another window is another round
        cycle_create(
            actor=None, period=period, window=window, agency=personas.agency, name="W",
            due_date=due,
        )  # fmt: skip


def test_opening_notifies_each_active_rater_once_with_the_count(personas: Personas) -> None:
    team = make_team_360(personas, state=CycleState.DRAFT)
    cycle_open(actor=personas.hr_admin, cycle=team.cycle)
    team.cycle.refresh_from_db()
    assert team.cycle.state == CycleState.OPEN
    assert team.cycle.opened_at is not None
    sent = Notification.objects.filter(kind=NotificationKind.REVIEW_REQUESTED)
    assert sent.filter(recipient=personas.supervisor).count() == 1
    assert sent.filter(recipient=team.peer_users[0]).get().title == (
        f"Isi umpan balik 360 untuk 1 pegawai sampai {format_date_id(team.cycle.due_date)}"
    )
    assert sent.get(recipient=personas.supervisor).url == "/360/"
    assert AuditEvent.objects.filter(action="review_cycle.opened").count() == 1


def test_opening_is_refused_without_lists_twice_or_past_due(personas: Personas) -> None:
    empty = make_cycle(agency=personas.agency, state=CycleState.DRAFT)
    with pytest.raises(ValidationError, match="belum punya daftar penilai"):
        cycle_open(actor=personas.hr_admin, cycle=empty)
    team = make_team_360(personas, state=CycleState.OPEN)
    with pytest.raises(ValidationError, match="Penyusunan"):
        cycle_open(actor=personas.hr_admin, cycle=team.cycle)
    with pytest.raises(PermissionDenied):
        cycle_open(actor=personas.agency_admin, cycle=empty)
    late = make_team_360(
        personas, cycle=make_cycle(agency=personas.other_agency, state=CycleState.DRAFT,
                                   due_in_days=-1),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="sudah lewat"):
        cycle_open(actor=personas.hr_admin, cycle=late.cycle)
    assert not AuditEvent.objects.filter(action="review_cycle.opened").exists()


def test_closing_deletes_drafts_keeps_sent_answers_and_tells_the_rated(personas: Personas) -> None:
    team = make_team_360(personas)
    make_sheet(team.peer_reviews[0])
    make_sheet(team.peer_reviews[1], submitted=False)
    cycle_close(actor=personas.hr_admin, cycle=team.cycle)
    team.cycle.refresh_from_db()
    assert team.cycle.state == CycleState.CLOSED
    assert list(AnswerSheet.objects.values_list("submitted", flat=True)) == [True]
    note = Notification.objects.get(kind=NotificationKind.REVIEW_RESULTS_READY)
    assert note.recipient == personas.supervisor
    assert note.title == "Hasil umpan balik 360 tersedia"
    assert note.url == f"/360/{team.cycle.pk}/hasil/{team.ratee.pk}/"
    closed = AuditEvent.objects.get(action="review_cycle.closed").after
    assert closed is not None
    assert closed["drafts_deleted"] == 1
    with pytest.raises(ValidationError, match="Pengisian"):
        cycle_close(actor=personas.hr_admin, cycle=team.cycle)


def test_only_bkpsdm_closes_by_hand(personas: Personas) -> None:
    team = make_team_360(personas)
    with pytest.raises(PermissionDenied):
        cycle_close(actor=personas.supervisor, cycle=team.cycle)


def test_the_system_closes_rounds_past_their_due_date(personas: Personas) -> None:
    due = make_cycle(agency=personas.agency, due_in_days=-1)
    running = make_cycle(agency=personas.other_agency, due_in_days=0)
    assert cycles_close_due(day=today()) == 1
    due.refresh_from_db()
    running.refresh_from_db()
    assert (due.state, running.state) == (CycleState.CLOSED, CycleState.OPEN)
    assert AuditEvent.objects.get(action="review_cycle.closed").actor is None
    assert cycles_close_due(day=today()) == 0
