"""Builders for tests of notifications and the apps above it."""

from __future__ import annotations

from kinerja.accounts.models import User
from kinerja.notifications.models import Notification


def inbox_titles(user: User) -> list[str]:
    """The titles in `user`'s inbox, newest first."""
    return list(
        Notification.objects.filter(recipient=user)
        .order_by("-created_at", "-pk")
        .values_list("title", flat=True)
    )
