"""Reminders of objection steps, registered with `kinerja.notifications.reminders`:

- explanation (`objection_explain_due:<id>`, then `objection_explain_overdue:<id>`): an
  objection still awaiting the appraiser's explanation whose due date (`rules.explanation_due`)
  is at most `EXPLANATION_SOON_DAYS` ahead → the appraiser; once more when it is overdue.
- decision (`objection_decide_due:<id>`, then `objection_decide_overdue:<id>`): an open
  objection whose decision is due (`rules.decision_due`) within `DECISION_SOON_DAYS` → the
  decider (the Wali Kota's office: every active Pimpinan user but the one who set the
  evaluation); once more when it is overdue.

The keys make each reminder go once per step, however often reminders run. Two queries for
the explanations and three for the decisions, at any number of objections.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from kinerja.accounts.selectors import leader_user_ids
from kinerja.appeals.models import OPEN_STATES, Objection, ObjectionState
from kinerja.appeals.rules import (
    DECISION_DAYS,
    EXPLANATION_DAYS,
    decision_due,
    explanation_due,
)
from kinerja.appeals.services.common import objection_url
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.reminders import Reminder, reminder_provider_register
from kinerja.scoring.formatting import format_date_id

EXPLANATION_SOON_DAYS = 1
DECISION_SOON_DAYS = 2


def filed_until(last_day: date) -> datetime:
    """The first moment after `last_day` (Asia/Jakarta): objections filed before it were filed
    on `last_day` or earlier."""
    return timezone.make_aware(datetime.combine(last_day + timedelta(days=1), time.min))


def _when(due: date, day: date) -> tuple[bool, str]:
    """Whether the step is overdue on `day`, and how a title says when it is due."""
    if due < day:
        return True, f"terlambat (batas {format_date_id(due)})"
    if due == day:
        return False, "jatuh tempo hari ini"
    return False, f"jatuh tempo {format_date_id(due)}"


def explanation_reminders(day: date) -> Iterator[Reminder]:
    rows = (
        Objection.objects.filter(
            state=ObjectionState.FILED,
            appraiser__isnull=False,
            appraiser__user__isnull=False,
            filed_at__lt=filed_until(
                day + timedelta(days=EXPLANATION_SOON_DAYS - EXPLANATION_DAYS)
            ),
        )
        .select_related("employee", "appraiser")
        .order_by("filed_at", "pk")
    )
    for objection in rows:
        due = explanation_due(objection)
        overdue, when = _when(due, day)
        step = "overdue" if overdue else "due"
        yield Reminder(
            recipient_id=objection.appraiser.user_id if objection.appraiser else None,
            kind=NotificationKind.OBJECTION_DUE,
            title=f"Penjelasan keberatan {objection.employee.name} {when}",
            text=(
                f"{objection.employee.name} mengajukan keberatan atas penilaian yang Anda "
                f"tetapkan. Sebagai pejabat penilai, berikan penjelasan paling lambat "
                f"{format_date_id(due)}; setelah itu atasan pejabat penilai dapat memutus "
                "tanpa penjelasan Anda."
            ),
            url=objection_url(objection),
            key=f"objection_explain_{step}:{objection.pk}",
        )


def decision_reminders(day: date) -> Iterator[Reminder]:
    rows = list(
        Objection.objects.filter(
            state__in=OPEN_STATES,
            filed_at__lt=filed_until(day + timedelta(days=DECISION_SOON_DAYS - DECISION_DAYS)),
        )
        .select_related("employee", "decider", "evaluation")
        .order_by("filed_at", "pk")
    )
    office = leader_user_ids() if any(o.decider_is_mayor for o in rows) else []
    for objection in rows:
        due = decision_due(objection)
        overdue, when = _when(due, day)
        step = "overdue" if overdue else "due"
        recipients: list[int | None]
        if objection.decider_is_mayor:
            recipients = [pk for pk in office if pk != objection.evaluation.rated_by_id]
        else:
            recipients = [objection.decider.user_id if objection.decider else None]
        for recipient_id in recipients:
            yield Reminder(
                recipient_id=recipient_id,
                kind=NotificationKind.OBJECTION_DUE,
                title=f"Keputusan keberatan {objection.employee.name} {when}",
                text=(
                    f"Sebagai atasan pejabat penilai, putuskan keberatan {objection.employee.name}"
                    f" paling lambat {format_date_id(due)}: terima (dengan rating baru) atau "
                    "tolak, dengan pertimbangannya. Keputusan bersifat final."
                ),
                url=objection_url(objection),
                key=f"objection_decide_{step}:{objection.pk}",
            )


def appeals_reminders(day: date) -> Iterator[Reminder]:
    yield from explanation_reminders(day)
    yield from decision_reminders(day)


def appeals_reminders_register() -> None:
    reminder_provider_register(appeals_reminders)
