"""Monitoring's daily reminders, registered with `kinerja.notifications.reminders`:

- realisation due (`realization_due:<plan>:<window>`): an approved plan (a version in force)
  in a period in Pelaksanaan or Evaluasi, a window of the plan whose realisation due date is
  today or within the next `DUE_SOON_DAYS` days, and a manual indicator without a submitted or
  accepted realisation for it → the employee.
- realisation late (`realization_late:<plan>:<window>`): the same, from the day after the due
  date while the window still takes realisations (`window_close_date`) → the employee and the
  appraiser.
- action overdue (`action_overdue:<action>`): an agreed action not done whose due date has
  passed, of a dialogue not cancelled → its owner and the dialogue's appraiser.

Each provider costs a handful of queries at any size (one per open window, one for the
actions, read in chunks); the keys make a second run write nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.urls import reverse

from kinerja.monitoring.models import (
    DialogueAction,
    DialogueState,
    Realization,
    RealizationState,
)
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.reminders import Reminder, reminder_provider_register
from kinerja.people.models import titled_name
from kinerja.periods.models import EvaluationWindow, PeriodState
from kinerja.planning.models import Indicator, IndicatorSource, PerformancePlan
from kinerja.scoring.formatting import format_date_id

DUE_SOON_DAYS = 3
REALIZATION_STATES = (PeriodState.EXECUTION, PeriodState.EVALUATION)
DONE_STATES = (RealizationState.SUBMITTED, RealizationState.ACCEPTED)
_CHUNK = 2000


def _plans_missing(window: EvaluationWindow) -> Iterator[dict[str, Any]]:
    """Approved plans of the window's period covering it, with how many manual indicators
    have no submitted or accepted realisation for it (only plans missing at least one)."""
    done = Realization.objects.filter(
        indicator=OuterRef("pk"), window_id=window.pk, state__in=DONE_STATES
    )
    missing = (
        Indicator.objects.filter(result__plan=OuterRef("pk"), source=IndicatorSource.MANUAL)
        .exclude(Exists(done))
        .order_by()
        .values("result__plan")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        PerformancePlan.objects.filter(
            period_id=window.period_id,
            approved_version__isnull=False,
            start_date__lte=window.end_date,
            end_date__gte=window.start_date,
        )
        .annotate(missing=Subquery(missing, output_field=IntegerField()))
        .filter(missing__gt=0)
        .order_by("pk")
        .values(
            "pk",
            "missing",
            "employee__user_id",
            "employee__title_prefix",
            "employee__name",
            "employee__title_suffix",
            "appraiser__user_id",
        )
        .iterator(chunk_size=_CHUNK)
    )


def _name(row: Mapping[str, Any], prefix: str) -> str:
    return titled_name(
        str(row[f"{prefix}__title_prefix"]),
        str(row[f"{prefix}__name"]),
        str(row[f"{prefix}__title_suffix"]),
    )


def _windows(**due: date) -> list[EvaluationWindow]:
    return list(
        EvaluationWindow.objects.filter(
            period__state__in=REALIZATION_STATES,
            **{f"realization_due_date__{k}": v for k, v in due.items()},
        )
        .select_related("period")
        .order_by("realization_due_date", "pk")
    )


def realization_due_reminders(day: date) -> Iterator[Reminder]:
    for window in _windows(gte=day, lte=day + timedelta(days=DUE_SOON_DAYS)):
        label = f"{window.name} {window.period.year}"
        due = format_date_id(window.realization_due_date)
        when = "hari ini" if window.realization_due_date == day else f"pada {due}"
        for plan in _plans_missing(window):
            yield Reminder(
                recipient_id=plan["employee__user_id"],
                kind=NotificationKind.REALIZATION_DUE,
                title=f"Realisasi {label} jatuh tempo {when}",
                text=(
                    f"{plan['missing']} indikator belum diajukan realisasinya untuk evaluasi "
                    f"periodik {label}. Batas pengisian {due}."
                ),
                url=reverse("monitoring:realizations", kwargs={"plan_id": plan["pk"]}),
                key=f"realization_due:{plan['pk']}:{window.pk}",
            )


def realization_late_reminders(day: date) -> Iterator[Reminder]:
    # From the day after the due date until the window closes (due date + late days).
    earliest_due = day - timedelta(days=settings.REALIZATION_LATE_DAYS)
    for window in _windows(gte=earliest_due, lt=day):
        label = f"{window.name} {window.period.year}"
        due = format_date_id(window.realization_due_date)
        closes = format_date_id(
            window.realization_due_date + timedelta(days=settings.REALIZATION_LATE_DAYS)
        )
        for plan in _plans_missing(window):
            url = reverse("monitoring:realizations", kwargs={"plan_id": plan["pk"]})
            key = f"realization_late:{plan['pk']}:{window.pk}"
            text = (
                f"{plan['missing']} indikator belum diajukan realisasinya untuk evaluasi periodik "
                f"{label}; batas pengisian {due} sudah lewat. Realisasi masih diterima sampai "
                f"{closes} dan tercatat terlambat."
            )
            yield Reminder(
                recipient_id=plan["employee__user_id"],
                kind=NotificationKind.REALIZATION_DUE,
                title=f"Realisasi {label} terlambat",
                text=text,
                url=url,
                key=key,
            )
            yield Reminder(
                recipient_id=plan["appraiser__user_id"],
                kind=NotificationKind.REALIZATION_DUE,
                title=f"Realisasi {label} {_name(plan, 'employee')} terlambat",
                text=text,
                url=url,
                key=key,
            )


def action_overdue_reminders(day: date) -> Iterator[Reminder]:
    actions = (
        DialogueAction.objects.filter(done_at__isnull=True, due_date__lt=day)
        .exclude(dialogue__state=DialogueState.CANCELLED)
        .order_by("pk")
        .values(
            "pk",
            "text",
            "due_date",
            "dialogue_id",
            "owner__user_id",
            "owner__title_prefix",
            "owner__name",
            "owner__title_suffix",
            "dialogue__appraiser__user_id",
        )
        .iterator(chunk_size=_CHUNK)
    )
    for action in actions:
        due = format_date_id(action["due_date"])
        url = reverse("monitoring:dialogue_detail", kwargs={"dialogue_id": action["dialogue_id"]})
        for recipient_id in (action["owner__user_id"], action["dialogue__appraiser__user_id"]):
            yield Reminder(
                recipient_id=recipient_id,
                kind=NotificationKind.ACTION_OVERDUE,
                title=f"Tindak lanjut lewat batas waktu {due}",
                text=f"{action['text']} (penanggung jawab: {_name(action, 'owner')}).",
                url=url,
                key=f"action_overdue:{action['pk']}",
            )


def monitoring_reminders_register() -> None:
    """Register monitoring's reminder providers with the notifications app."""
    reminder_provider_register(realization_due_reminders)
    reminder_provider_register(realization_late_reminders)
    reminder_provider_register(action_overdue_reminders)
