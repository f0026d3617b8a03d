"""Writing to inboxes. `notify` is what every other app calls, inside its own service
transaction; email goes out after the commit (`tasks.email_send_task`, see `emails.py`).

Also here: each user's channel choice (`notification_preference_set`, audited) and marking
one's own notifications read (not audited: reading one's inbox changes nothing anyone else
sees, like opening a page).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.notifications.models import Channel, Notification, NotificationPreference

logger = logging.getLogger(__name__)

_CHUNK = 1000


@dataclass(frozen=True)
class Entry:
    """One notification to write: the recipient's user id and what they read."""

    recipient_id: int
    kind: str
    title: str
    text: str = ""
    url: str = ""
    key: str = ""


def notify(
    *,
    recipient_ids: Iterable[int | None],
    kind: str,
    title: str,
    text: str = "",
    url: str = "",
    key: str = "",
) -> int:
    """Put one notification in each recipient's inbox (user ids; None and repeats are skipped)
    and queue the emails of those who want them. With `key`, a recipient who already has a
    notification with that key gets nothing new (reminders are sent once). Returns how many
    notifications were written."""
    entries = [
        Entry(recipient_id=pk, kind=kind, title=title, text=text, url=url, key=key)
        for pk in sorted({pk for pk in recipient_ids if pk is not None})
    ]
    written, emails = notifications_write(entries)
    if emails:
        email_queue_on_commit()
    return written


def notifications_write(
    entries: Sequence[Entry], *, counted: Counter[str] | None = None
) -> tuple[int, int]:
    """Write many notifications in a few queries per thousand (the reminders' path; `notify`
    is the one-event case). Repeats of (recipient, key) and keys a recipient already has are
    skipped. Returns (notifications written, of which with email wanted) and adds the written
    ones per kind to `counted`; queues no email."""
    written = emails = 0
    for start in range(0, len(entries), _CHUNK):
        rows = _rows_for(entries[start : start + _CHUNK])
        if rows:
            Notification.objects.bulk_create(rows, ignore_conflicts=True)
        written += len(rows)
        emails += sum(row.email_wanted for row in rows)
        if counted is not None:
            counted.update(row.kind for row in rows)
    return written, emails


def _rows_for(entries: Sequence[Entry]) -> list[Notification]:
    seen: set[tuple[int, str]] = set()
    unique: list[Entry] = []
    for entry in entries:
        pair = (entry.recipient_id, entry.key[:120])
        if entry.key and pair in seen:
            continue
        seen.add(pair)
        unique.append(entry)
    ids = {entry.recipient_id for entry in unique}
    keys = {entry.key[:120] for entry in unique if entry.key}
    if keys:
        have = set(
            Notification.objects.filter(recipient_id__in=ids, key__in=keys).values_list(
                "recipient_id", "key"
            )
        )
        unique = [e for e in unique if not e.key or (e.recipient_id, e.key[:120]) not in have]
    if not unique:
        return []
    inbox_only = set(
        NotificationPreference.objects.filter(
            user_id__in={entry.recipient_id for entry in unique}, channel=Channel.INBOX_ONLY
        ).values_list("user_id", flat=True)
    )
    return [
        Notification(
            recipient_id=entry.recipient_id,
            kind=entry.kind,
            title=entry.title[:200],
            text=entry.text,
            url=entry.url[:300],
            key=entry.key[:120],
            email_wanted=entry.recipient_id not in inbox_only,
        )
        for entry in unique
    ]


def email_queue_on_commit() -> None:
    """Enqueue the email task once after the current transaction commits (at once outside
    one). Several notify() calls in one transaction enqueue it once."""
    pending = getattr(connection, "run_on_commit", [])
    if connection.in_atomic_block and any(item[1] is _email_queue for item in pending):
        return
    transaction.on_commit(_email_queue, robust=True)


def _email_queue() -> None:
    """Enqueue `tasks.email_send_task`; a queue that is down only delays the emails (the
    hourly reminders run sends every pending email too)."""
    from kinerja.notifications.tasks import email_send_task

    try:
        email_send_task.enqueue()
    except Exception:
        logger.exception("email_send_task could not be enqueued; the next run sends the emails")


# --- the user's own inbox and channel ---------------------------------------------------------

CHANNEL_REFUSED = "Pilihan pemberitahuan hanya dapat diubah oleh pemilik akun sendiri."


def notification_preference_set(*, actor: Actor, channel: str) -> NotificationPreference:
    """Choose how the actor hears of new notifications [notification_preference.changed]:
    inbox and email, or inbox only. Applies to notifications written from now on."""
    if actor is None:
        raise PermissionDenied(CHANNEL_REFUSED)
    if channel not in Channel.values:
        accepted = ", ".join(f'"{label}"' for label in Channel.labels)
        raise ValidationError(
            {
                "channel": [
                    f"Saluran pemberitahuan {channel!r} tidak dikenal; pilih salah satu dari "
                    f"{accepted}."
                ]
            }
        )
    with transaction.atomic():
        preference, _ = NotificationPreference.objects.select_for_update().get_or_create(user=actor)
        before = {"channel": preference.channel}
        if preference.channel == channel:
            return preference
        preference.channel = channel
        preference.save(update_fields=["channel", "updated_at"])
        audit_record(
            actor=actor,
            action="notification_preference.changed",
            obj=preference,
            before=before,
            after={"channel": channel},
        )
    return preference


def notification_channel_for(*, actor: Actor) -> str:
    """The actor's channel (inbox and email until they choose otherwise)."""
    if actor is None:
        return Channel.INBOX_ONLY
    found = NotificationPreference.objects.filter(user=actor).values_list("channel", flat=True)
    return found.first() or Channel.INBOX_AND_EMAIL


def notification_mark_read(*, actor: Actor, notification: Notification) -> Notification:
    """Mark one of the actor's own notifications read (already read: unchanged)."""
    if actor is None or notification.recipient_id != actor.pk:
        raise PermissionDenied("Pemberitahuan ini bukan milik Anda.")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def notifications_mark_all_read(*, actor: Actor) -> int:
    """Mark every unread notification of the actor read; returns how many."""
    if actor is None:
        raise PermissionDenied("Silakan masuk terlebih dahulu.")
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )
