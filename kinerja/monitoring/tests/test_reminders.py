"""Monitoring's daily reminders: realisation due and late, agreed actions overdue; sent once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import IMMEDIATE_TASKS
from kinerja.monitoring.models import RealizationState
from kinerja.monitoring.reminders import (
    action_overdue_reminders,
    realization_due_reminders,
    realization_late_reminders,
)
from kinerja.monitoring.testing import (
    make_action,
    make_dialogue,
    make_realization,
    make_running_plan,
    plan_indicators,
    window_on,
)
from kinerja.notifications.models import Notification
from kinerja.notifications.reminders import Reminder
from kinerja.notifications.tasks import send_reminders_task
from kinerja.people.testing import Personas
from kinerja.periods.models import PeriodState
from kinerja.planning.models import PlanState

pytestmark = pytest.mark.django_db


def _keys(reminders: object) -> list[tuple[int | None, str]]:
    return sorted((r.recipient_id, r.key) for r in reminders)  # type: ignore[attr-defined]


def test_a_window_due_within_three_days_reminds_the_employee_of_missing_indicators(
    personas: Personas,
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=2)
    window = window_on(plan)
    make_realization(plan=plan, window=window, state=RealizationState.SUBMITTED)
    [reminder] = realization_due_reminders(window.realization_due_date - timedelta(days=3))
    assert reminder.recipient_id == personas.employee.pk
    assert reminder.key == f"realization_due:{plan.pk}:{window.pk}"
    assert reminder.url == f"/skp/{plan.pk}/realisasi/"
    assert reminder.text.startswith("1 indikator belum diajukan")
    assert list(realization_due_reminders(window.realization_due_date - timedelta(days=4))) == []


def test_no_reminder_when_every_indicator_is_submitted_or_accepted(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=2)
    window = window_on(plan)
    first, second = plan_indicators(plan)
    make_realization(plan=plan, indicator=first, window=window, state=RealizationState.ACCEPTED)
    make_realization(plan=plan, indicator=second, window=window, state=RealizationState.SUBMITTED)
    assert list(realization_due_reminders(window.realization_due_date)) == []


def test_a_returned_or_draft_realisation_still_counts_as_missing(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=2)
    window = window_on(plan)
    first, second = plan_indicators(plan)
    make_realization(plan=plan, indicator=first, window=window, state=RealizationState.RETURNED)
    make_realization(plan=plan, indicator=second, window=window)
    [reminder] = realization_due_reminders(window.realization_due_date)
    assert "jatuh tempo hari ini" in reminder.title
    assert reminder.text.startswith("2 indikator")


def test_plans_not_approved_or_periods_not_running_get_no_reminder(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee, state=PlanState.SUBMITTED)
    window = window_on(plan)
    assert list(realization_due_reminders(window.realization_due_date)) == []
    approved = make_running_plan(employee=personas.staff.supervisor)
    approved.period.state = PeriodState.CLOSED
    approved.period.save(update_fields=["state"])
    assert list(realization_due_reminders(window.realization_due_date)) == []


def test_a_late_window_reminds_the_employee_and_the_appraiser_until_it_closes(
    personas: Personas, settings: object
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=1)
    window = window_on(plan)
    due = window.realization_due_date
    key = f"realization_late:{plan.pk}:{window.pk}"

    def of_window(day: date) -> list[Reminder]:  # earlier windows may be late too
        return [r for r in realization_late_reminders(day) if r.key == key]

    assert of_window(due) == []
    late = of_window(due + timedelta(days=1))
    assert _keys(late) == sorted([(personas.employee.pk, key), (personas.supervisor.pk, key)])
    assert any("Agus Wibowo" in r.title for r in late)
    assert of_window(due + timedelta(days=30)) != []
    assert of_window(due + timedelta(days=31)) == []


def test_an_overdue_action_reminds_its_owner_and_the_appraiser(personas: Personas) -> None:
    dialogue = make_dialogue(employee=personas.staff.employee, appraiser=personas.staff.supervisor)
    action = make_action(dialogue=dialogue, due_date=date(2026, 3, 10))
    make_action(dialogue=dialogue, due_date=date(2026, 3, 10), done=True)
    assert list(action_overdue_reminders(date(2026, 3, 10))) == []
    reminders = list(action_overdue_reminders(date(2026, 3, 11)))
    key = f"action_overdue:{action.pk}"
    assert _keys(reminders) == sorted([(personas.employee.pk, key), (personas.supervisor.pk, key)])
    assert reminders[0].url == f"/dialog/{dialogue.pk}/"
    assert "10 Maret 2026" in reminders[0].title


def test_the_providers_cost_the_same_queries_at_any_size(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=1)
    day = window_on(plan).realization_due_date + timedelta(days=1)
    dialogue = make_dialogue(employee=personas.staff.employee, appraiser=personas.staff.supervisor)
    counts = []
    for actions in (1, 25):
        for _ in range(actions):
            make_action(dialogue=dialogue, due_date=day - timedelta(days=2))
        with CaptureQueriesContext(connection) as queries:
            for provider in (realization_due_reminders, realization_late_reminders,
                             action_overdue_reminders):  # fmt: skip
                list(provider(day))
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_send_reminders_twice_writes_and_emails_each_reminder_once(personas: Personas) -> None:
    for user in (personas.employee, personas.supervisor):
        user.email = f"{user.username}@contoh.go.id"
        user.save(update_fields=["email"])
    plan = make_running_plan(employee=personas.staff.employee, results=1)
    dialogue = make_dialogue(employee=personas.staff.employee, appraiser=personas.staff.supervisor)
    day = window_on(plan).realization_due_date + timedelta(days=1)
    make_action(dialogue=dialogue, due_date=day - timedelta(days=1))
    call_command("send_reminders", "--tanggal", day.isoformat())
    call_command("send_reminders", "--tanggal", day.isoformat())
    assert Notification.objects.count() == 4  # late: 2, action: 2
    assert len(mail.outbox) == 4
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [personas.employee.email] * 2 + [personas.supervisor.email] * 2
    )
    [event] = AuditEvent.objects.filter(action="reminders.sent")
    assert (event.after or {})["created"] == 4


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_hourly_task_sends_todays_reminders_once(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=1)
    window = window_on(plan)
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *a, **k: window.realization_due_date
    )
    send_reminders_task.enqueue()
    send_reminders_task.enqueue()
    sent = list(Notification.objects.values_list("recipient_id", "key"))
    assert (personas.employee.pk, f"realization_due:{plan.pk}:{window.pk}") in sent
    assert len(sent) == len(set(sent))
