"""360° reminders, registered with `kinerja.notifications.reminders`:

- review due (`review_due:<cycle>:<rater>:<day>`): a rater with unsent active reviews in a
  round in Pengisian whose due date is within `DUE_SOON_DAYS` days → the rater, once a day.

One query at any size (the unsent reviews counted per round and rater); the keys make a second
run on the same day write nothing. The reminder names how many people are left to rate, never
who has or has not answered about whom.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.db.models import Count
from django.urls import reverse

from kinerja.assessment.models import BehaviorReview, CycleState
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.reminders import Reminder, reminder_provider_register
from kinerja.scoring.formatting import format_date_id

DUE_SOON_DAYS = 3


def review_due_reminders(day: date) -> Iterator[Reminder]:
    rows = (
        BehaviorReview.objects.filter(
            submitted_on__isnull=True,
            withdrawn_on__isnull=True,
            reviewer_list__cycle__state=CycleState.OPEN,
            reviewer_list__cycle__due_date__gte=day,
            reviewer_list__cycle__due_date__lte=day + timedelta(days=DUE_SOON_DAYS),
        )
        .order_by()
        .values(
            "reviewer_list__cycle_id",
            "reviewer_list__cycle__name",
            "reviewer_list__cycle__due_date",
            "rater_id",
            "rater__user_id",
        )
        .annotate(unsent=Count("pk"))
        .order_by("reviewer_list__cycle_id", "rater_id")
    )
    url = reverse("assessment:index")
    for row in rows:
        due_date: date = row["reviewer_list__cycle__due_date"]
        due = format_date_id(due_date)
        when = "hari ini" if due_date == day else f"pada {due}"
        name = row["reviewer_list__cycle__name"]
        unsent = row["unsent"]
        yield Reminder(
            recipient_id=row["rater__user_id"],
            kind=NotificationKind.REVIEW_DUE,
            title=f"Umpan balik 360 “{name}” berakhir {when}",
            text=(
                f"{unsent} umpan balik 360 belum Anda kirim. Batas pengisian {due}; setelah itu "
                "jawaban tidak dapat diisi atau diubah."
            ),
            url=url,
            key=(
                f"review_due:{row['reviewer_list__cycle_id']}:{row['rater_id']}:{day.isoformat()}"
            ),
        )


def assessment_reminders_register() -> None:
    reminder_provider_register(review_due_reminders)
