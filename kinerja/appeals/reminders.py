"""Reminders of objection steps (`notifications.reminder_provider_register`): the appraiser
whose explanation is due tomorrow or overdue, the decider whose decision is due or overdue;
each with a `key` so that it is sent once."""

from __future__ import annotations


def appeals_reminders_register() -> None:
    """Register the provider (built later)."""
