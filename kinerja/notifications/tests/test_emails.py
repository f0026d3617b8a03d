"""Emails of notifications: each sent once, claimed before sending, after the commit."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.db import transaction
from django.test import override_settings

from kinerja.core.testing import IMMEDIATE_TASKS
from kinerja.notifications import emails
from kinerja.notifications.emails import email_body, emails_send, is_site_path
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.notifications.services import notify
from kinerja.notifications.testing import make_notification
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def _with_email(personas: Personas) -> None:
    personas.employee.email = "agus@contoh.go.id"
    personas.employee.save(update_fields=["email"])


@override_settings(SITE_URL="https://kinerja.surakarta.go.id")
def test_each_pending_email_is_sent_once_with_the_subject_link_and_footer(
    personas: Personas,
) -> None:
    _with_email(personas)
    make_notification(
        recipient=personas.employee, title="SKP 2026 disetujui", text="Versi 1 kini berlaku.",
        url="/skp/7/", email_wanted=True,
    )  # fmt: skip
    report = emails_send()
    again = emails_send()
    assert (report.sent, again.sent) == (1, 0)
    [message] = mail.outbox
    assert message.subject == "[Kinerja] SKP 2026 disetujui"
    assert message.to == ["agus@contoh.go.id"]
    assert "Versi 1 kini berlaku." in message.body
    assert "https://kinerja.surakarta.go.id/skp/7/" in message.body
    assert 'pilih "Kotak masuk saja" di https://kinerja.surakarta.go.id/kotak-masuk/pilihan/' in (
        message.body
    )
    assert Notification.objects.get().emailed_at is not None


def test_a_notification_claimed_by_another_worker_is_not_sent_again(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_email(personas)
    notification = make_notification(recipient=personas.employee, email_wanted=True)
    found = emails._pending()

    def other_worker_claims_first() -> list[Any]:
        # The other worker's conditional UPDATE wins between our read and our claim.
        Notification.objects.filter(pk=notification.pk).update(emailed_at="2026-01-01T00:00Z")
        monkeypatch.setattr(emails, "_pending", list)
        return found

    monkeypatch.setattr(emails, "_pending", other_worker_claims_first)
    assert emails_send().sent == 0
    assert mail.outbox == []


def test_a_recipient_without_an_address_is_handled_and_recorded_not_sent(
    personas: Personas,
) -> None:
    make_notification(recipient=personas.employee, email_wanted=True)
    report = emails_send()
    assert (report.sent, report.no_address) == (0, 1)
    row = Notification.objects.get()
    assert row.emailed_at is not None
    assert row.email_wanted is False
    assert mail.outbox == []


def test_a_failed_send_gives_the_claim_back_for_the_next_run(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_email(personas)
    make_notification(recipient=personas.employee, email_wanted=True)

    def refuse(self: object, fail_silently: bool = False) -> int:
        raise OSError("SMTP tidak dapat dihubungi")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    assert emails_send().failed == 1
    assert Notification.objects.get().emailed_at is None
    monkeypatch.undo()
    assert emails_send().sent == 1


def test_only_same_site_relative_addresses_become_links() -> None:
    assert is_site_path("/skp/3/realisasi/")
    for unsafe in ["https://jahat.example/", "//jahat.example/", "/\\jahat.example", "skp/3/"]:
        assert not is_site_path(unsafe)
    body = email_body(full_name="Agus", title="Judul", text="", url="https://jahat.example/")
    assert "jahat" not in body


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_email_goes_out_once_after_the_commit_not_before(
    personas: Personas, django_capture_on_commit_callbacks: Any
) -> None:
    _with_email(personas)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        notify(recipient_ids=[personas.employee.pk], kind=NotificationKind.PLAN_APPROVED,
               title="SKP disetujui", url="/skp/")  # fmt: skip
        notify(recipient_ids=[personas.employee.pk], kind=NotificationKind.PLAN_RETURNED,
               title="SKP dikembalikan", url="/skp/")  # fmt: skip
        assert mail.outbox == []
    assert len(callbacks) == 1
    assert sorted(m.subject for m in mail.outbox) == [
        "[Kinerja] SKP dikembalikan",
        "[Kinerja] SKP disetujui",
    ]
