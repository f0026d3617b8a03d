"""The periodic task that closes 360° rounds past their due date."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings

from kinerja.assessment.models import CycleState, ReviewCycle
from kinerja.assessment.tasks import cycles_close_due_task
from kinerja.assessment.testing import make_cycle
from kinerja.audit.models import AuditEvent
from kinerja.people.holdings import today

pytestmark = pytest.mark.django_db


def test_the_scheduler_runs_the_closing_task_every_hour() -> None:
    assert settings.PERIODIC_TASKS["kinerja.assessment.tasks.cycles_close_due_task"] == 3600


def test_a_round_past_its_due_date_is_closed_once_and_a_round_still_due_stays_open() -> None:
    late = make_cycle(due_in_days=3)
    ReviewCycle.objects.filter(pk=late.pk).update(due_date=today() - timedelta(days=1))
    due_today = make_cycle(due_in_days=0, name="Batas hari ini")

    assert cycles_close_due_task.call() == 1
    assert cycles_close_due_task.call() == 0

    late.refresh_from_db()
    due_today.refresh_from_db()
    assert (late.state, due_today.state) == (CycleState.CLOSED, CycleState.OPEN)
    closing = AuditEvent.objects.filter(action="review_cycle.closed", object_id=str(late.pk))
    assert closing.count() == 1
    assert closing.get().actor is None
