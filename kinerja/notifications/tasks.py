"""Tasks of the notifications app: the hourly reminders (config.settings.PERIODIC_TASKS; the
scheduler of `manage.py serve` enqueues it) and the email sender (enqueued after the commit
of every transaction that wrote a notification someone wants by email)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from kinerja.notifications.emails import emails_send
from kinerja.notifications.reminders import reminders_send


@task()
def send_reminders_task() -> int:
    """Send today's reminders (idempotent: a reminder already sent is not sent again);
    returns how many notifications were written."""
    return reminders_send(day=timezone.localdate()).written


@task()
def email_send_task() -> int:
    """Send the emails of notifications not emailed yet, each once; returns how many."""
    return emails_send().sent
