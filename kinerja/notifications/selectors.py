"""Reading one's own inbox. A notification is private to its recipient: anyone else's id
answers 404, whatever their role."""

from __future__ import annotations

from django.db.models import Case, QuerySet, Value, When
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.notifications.models import Notification


def notification_list_for_actor(*, actor: Actor) -> QuerySet[Notification]:
    """The actor's notifications, unread first, then newest first (one query per page)."""
    if actor is None:
        return Notification.objects.none()
    unread_first = Case(When(read_at__isnull=True, then=Value(0)), default=Value(1))
    return Notification.objects.filter(recipient=actor).order_by(unread_first, "-created_at", "-pk")


def notification_get_for_actor(*, actor: Actor, notification_id: int) -> Notification:
    """One of the actor's own notifications; 404 for anyone else's and for a missing id."""
    if actor is None:
        raise Http404("Pemberitahuan tidak ditemukan.")
    found = Notification.objects.filter(pk=notification_id, recipient=actor).first()
    if found is None:
        raise Http404("Pemberitahuan tidak ditemukan.")
    return found


def notification_unread_count_for_actor(*, actor: Actor) -> int:
    if actor is None:
        return 0
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).count()
