"""Sending the emails of notifications, each once.

A notification with `email_wanted` and no `emailed_at` is pending. Each is *claimed* by a
conditional UPDATE (`… SET emailed_at = now WHERE id = … AND emailed_at IS NULL`) before it is
sent, so two workers running at once never send the same one twice; a send that fails gives
the claim back (the next run tries again) and stops the run (the mail server is likely down).

A recipient without an email address is handled without sending: `emailed_at` is set and
`email_wanted` cleared, which records "wanted, but no address to send to" (counted as
`no_address` in the report).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from kinerja.notifications.models import Notification

logger = logging.getLogger(__name__)

_CHUNK = 200


@dataclass(frozen=True)
class EmailReport:
    sent: int = 0
    no_address: int = 0
    failed: int = 0


def is_site_path(url: str) -> bool:
    """A same-site relative address (`/skp/3/`), never `//host`, `/\\host` or a scheme."""
    return (
        url.startswith("/")
        and not url.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
    )


def email_subject(title: str) -> str:
    return f"[Kinerja] {' '.join(title.split())}"


def email_body(*, full_name: str, title: str, text: str, url: str) -> str:
    """The plain-text body: greeting, the notification, the absolute link, the footer."""
    site = settings.SITE_URL.rstrip("/")
    lines = [f"Yth. {full_name},", "", title]
    if text.strip():
        lines += ["", text.strip()]
    if url and is_site_path(url):
        lines += ["", f"Buka di Kinerja: {site}{url}"]
    choice = reverse("notifications:preference")
    lines += [
        "",
        "--",
        f"Email ini dikirim otomatis oleh Kinerja {settings.KINERJA_CITY_NAME}; pemberitahuan "
        "yang sama ada di kotak masuk Anda.",
        'Bila Anda cukup menerima pemberitahuan di kotak masuk tanpa email, pilih "Kotak masuk '
        f'saja" di {site}{choice}',
    ]
    return "\n".join(lines)


def _pending() -> list[Mapping[str, Any]]:
    return list(
        Notification.objects.filter(email_wanted=True, emailed_at__isnull=True)
        .exclude(recipient__email="")
        .order_by("pk")
        .values("pk", "title", "text", "url", "recipient__email", "recipient__full_name")[:_CHUNK]
    )


def emails_send() -> EmailReport:
    """Send every pending email once (see the module docstring); returns the counts."""
    no_address = Notification.objects.filter(
        email_wanted=True, emailed_at__isnull=True, recipient__email=""
    ).update(email_wanted=False, emailed_at=timezone.now())
    sent = 0
    connection = get_connection()
    try:
        while rows := _pending():
            for row in rows:
                claimed_at = timezone.now()
                claimed = Notification.objects.filter(pk=row["pk"], emailed_at__isnull=True).update(
                    emailed_at=claimed_at
                )
                if not claimed:  # another worker has it
                    continue
                message = EmailMessage(
                    subject=email_subject(str(row["title"])),
                    body=email_body(
                        full_name=str(row["recipient__full_name"]),
                        title=str(row["title"]),
                        text=str(row["text"]),
                        url=str(row["url"]),
                    ),
                    to=[str(row["recipient__email"])],
                    connection=connection,
                )
                try:
                    message.send()
                except Exception:
                    logger.exception("email of notification %s not sent", row["pk"])
                    Notification.objects.filter(pk=row["pk"], emailed_at=claimed_at).update(
                        emailed_at=None
                    )
                    return EmailReport(sent=sent, no_address=no_address, failed=1)
                sent += 1
    finally:
        connection.close()
    return EmailReport(sent=sent, no_address=no_address)
