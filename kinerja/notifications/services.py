"""Writing to inboxes. `notify` is what every other app calls, inside its own service
transaction; email goes out after the commit (`tasks.email_send_task`).

Owned by the notifications helper: preferences, email sending and reminders are added here.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from kinerja.notifications.models import Channel, Notification, NotificationPreference


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
    ids = sorted({pk for pk in recipient_ids if pk is not None})
    if not ids:
        return 0
    if key:
        have = set(
            Notification.objects.filter(recipient_id__in=ids, key=key).values_list(
                "recipient_id", flat=True
            )
        )
        ids = [pk for pk in ids if pk not in have]
        if not ids:
            return 0
    inbox_only = set(
        NotificationPreference.objects.filter(
            user_id__in=ids, channel=Channel.INBOX_ONLY
        ).values_list("user_id", flat=True)
    )
    rows = [
        Notification(
            recipient_id=pk,
            kind=kind,
            title=title[:200],
            text=text,
            url=url[:300],
            key=key[:120],
            email_wanted=pk not in inbox_only,
        )
        for pk in ids
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=bool(key))
    if any(row.email_wanted for row in rows):
        transaction.on_commit(_email_queue)
    return len(rows)


def _email_queue() -> None:
    """Hook for the email sender (the notifications helper replaces this with the task)."""
