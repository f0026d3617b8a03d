"""Builders for tests of notifications and the apps above it."""

from __future__ import annotations

from django.utils import timezone

from kinerja.accounts.models import User
from kinerja.notifications.models import Notification, NotificationKind


def inbox_titles(user: User) -> list[str]:
    """The titles in `user`'s inbox, newest first."""
    return list(
        Notification.objects.filter(recipient=user)
        .order_by("-created_at", "-pk")
        .values_list("title", flat=True)
    )


def make_notification(
    *,
    recipient: User,
    title: str = "SKP 2026 disetujui",
    text: str = "",
    url: str = "/skp/",
    kind: str = NotificationKind.PLAN_APPROVED,
    key: str = "",
    email_wanted: bool = False,
    read: bool = False,
) -> Notification:
    """A notification written directly (no email queued)."""
    return Notification.objects.create(
        recipient=recipient,
        kind=kind,
        title=title,
        text=text,
        url=url,
        key=key,
        email_wanted=email_wanted,
        read_at=timezone.now() if read else None,
    )
