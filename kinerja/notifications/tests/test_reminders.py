"""The reminder registry and `manage.py send_reminders`: each reminder written and emailed once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from kinerja.audit.models import AuditEvent
from kinerja.notifications import reminders
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.notifications.reminders import Reminder, reminder_provider_register, reminders_send
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def only_provider(monkeypatch: pytest.MonkeyPatch, personas: Personas) -> list[date]:
    """Replace the registered providers with one that reminds the employee (and nobody)."""
    asked: list[date] = []
    personas.employee.email = "agus@contoh.go.id"
    personas.employee.save(update_fields=["email"])

    def provider(day: date) -> Iterator[Reminder]:
        asked.append(day)
        for recipient_id in (personas.employee.pk, None):
            yield Reminder(
                recipient_id=recipient_id, kind=NotificationKind.ACTION_OVERDUE,
                title="Tindak lanjut lewat batas waktu", text="Menyusun SOP.",
                url="/dialog/1/", key="action_overdue:1",
            )  # fmt: skip

    monkeypatch.setattr(reminders, "_providers", [])
    reminder_provider_register(provider)
    reminder_provider_register(provider)  # registering twice keeps one
    return asked


def test_the_command_run_twice_writes_and_emails_each_reminder_once(
    only_provider: list[date],
) -> None:
    out = StringIO()
    call_command("send_reminders", "--tanggal", "2026-11-30", stdout=out)
    call_command("send_reminders", "--tanggal", "2026-11-30", stdout=out)
    assert only_provider == [date(2026, 11, 30)] * 2
    assert Notification.objects.count() == 1
    assert [m.subject for m in mail.outbox] == ["[Kinerja] Tindak lanjut lewat batas waktu"]
    assert "Pengingat 30 November 2026: 1 ditemukan, 1 baru ditulis" in out.getvalue()
    assert "Pengingat 30 November 2026: 1 ditemukan, 0 baru ditulis." in out.getvalue()


def test_one_audit_event_with_the_counts_only_when_something_was_written(
    only_provider: list[date],
) -> None:
    reminders_send(day=date(2026, 11, 30))
    reminders_send(day=date(2026, 11, 30))
    [event] = AuditEvent.objects.filter(action="reminders.sent")
    assert event.actor_id is None
    assert event.after == {"day": "2026-11-30", "created": 1, "kinds": {"ACTION_OVERDUE": 1}}


def test_a_bad_date_is_refused_naming_the_value_and_the_format(only_provider: list[date]) -> None:
    with pytest.raises(CommandError, match=r"'30-11-2026'.*YYYY-MM-DD"):
        call_command("send_reminders", "--tanggal", "30-11-2026")
    assert not Notification.objects.exists()
