"""Monitoring's daily reminders (realisation due, action overdue), registered with
`kinerja.notifications` (owned by the notifications helper)."""

from __future__ import annotations


def monitoring_reminders_register() -> None:
    """Register monitoring's reminder providers with the notifications app."""
