"""Reads of the audit trail, for auditors only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_read_audit_trail, require
from kinerja.audit.models import AuditEvent


@dataclass(frozen=True)
class AuditFilters:
    actor: str = ""
    action: str = ""
    object_type: str = ""
    object_id: str = ""
    date_from: date | None = None
    date_to: date | None = None


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_event_list_for_auditor(*, actor: Actor, filters: AuditFilters) -> QuerySet[AuditEvent]:
    require(can_read_audit_trail(actor), "Jejak audit hanya dapat dibaca oleh Inspektorat.")
    events = AuditEvent.objects.select_related("actor").order_by("-id")
    if filters.actor:
        events = events.filter(actor_label__icontains=filters.actor)
    if filters.action.endswith("."):  # every action on one kind of thing: "employee."
        events = events.filter(action__startswith=filters.action)
    elif filters.action:
        events = events.filter(action=filters.action)
    if filters.object_type:
        events = events.filter(object_type__iexact=filters.object_type)
    if filters.object_id:
        events = events.filter(object_id=filters.object_id)
    if filters.date_from:
        events = events.filter(occurred_at__gte=_start_of(filters.date_from))
    if filters.date_to:
        events = events.filter(occurred_at__lt=_start_of(filters.date_to + timedelta(days=1)))
    return events


def audit_daily_counts_for_auditor(*, actor: Actor, days: int = 14) -> list[tuple[date, int]]:
    """Events per local day over the last `days` days, zero-filled, oldest first."""
    require(can_read_audit_trail(actor), "Jejak audit hanya dapat dibaca oleh Inspektorat.")
    today = timezone.localdate()
    first = today - timedelta(days=days - 1)
    rows = (
        AuditEvent.objects.filter(occurred_at__gte=_start_of(first))
        .annotate(day=TruncDate("occurred_at", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(n=Count("id"))
    )
    counts = {row["day"]: row["n"] for row in rows}
    return [
        (first + timedelta(days=i), counts.get(first + timedelta(days=i), 0)) for i in range(days)
    ]


def audit_action_choices(*, actor: Actor) -> list[str]:
    """Actions that occur in the trail, for the filter list."""
    require(can_read_audit_trail(actor), "Jejak audit hanya dapat dibaca oleh Inspektorat.")
    return list(
        AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct()[:500]
    )


def audit_object_type_choices(*, actor: Actor) -> list[str]:
    """Kinds of object that occur in the trail ("people.Assignment"), for the filter list."""
    require(can_read_audit_trail(actor), "Jejak audit hanya dapat dibaca oleh Inspektorat.")
    return list(
        AuditEvent.objects.exclude(object_type="")
        .order_by("object_type")
        .values_list("object_type", flat=True)
        .distinct()[:200]
    )
