"""What the objection services share: the objection's address, who hears of each step, the
locked row, the audit snapshot."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.urls import reverse

from kinerja.accounts.models import Role, User
from kinerja.appeals.models import Objection
from kinerja.notifications.services import notify
from kinerja.people.models import Employee


def objection_url(objection: Objection) -> str:
    return reverse("appeals:objection_detail", kwargs={"objection_id": objection.pk})


def mayor_office_user_ids(*, rated_by_id: int | None) -> list[int]:
    """The Wali Kota's office: every active Pimpinan user except the one who set the
    evaluation (`rated_by_id`)."""
    users = User.objects.filter(role=Role.PIMPINAN, is_active=True)
    if rated_by_id is not None:
        users = users.exclude(pk=rated_by_id)
    return list(users.order_by("pk").values_list("pk", flat=True))


def employee_user_ids(employee_ids: Iterable[int | None]) -> list[int]:
    """The active users of employee records (an employee without a login hears nothing)."""
    ids = {pk for pk in employee_ids if pk is not None}
    if not ids:
        return []
    return list(
        Employee.objects.filter(Q(pk__in=ids), user__isnull=False, user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def decider_user_ids(objection: Objection) -> list[int]:
    """Who decides: the designated decider's user, or the Wali Kota's office."""
    if objection.decider_is_mayor:
        return mayor_office_user_ids(rated_by_id=objection.evaluation.rated_by_id)
    return employee_user_ids([objection.decider_id])


def objection_notify(
    *, objection: Objection, recipient_ids: Iterable[int | None], kind: str, title: str, text: str
) -> int:
    return notify(
        recipient_ids=recipient_ids,
        kind=kind,
        title=title,
        text=text,
        url=objection_url(objection),
    )


def objection_locked(objection: Objection) -> Objection:
    """The objection re-read under a row lock (inside the caller's transaction), with its
    evaluation and employee."""
    return (
        Objection.objects.select_for_update(of=("self",))
        .select_related("evaluation", "employee")
        .get(pk=objection.pk)
    )


def objection_snapshot(objection: Objection) -> dict[str, Any]:
    return {
        "state": objection.state,
        "explanation": objection.explanation,
        "answer": objection.answer,
        "decision_reason": objection.decision_reason,
        "withdrawn_reason": objection.withdrawn_reason,
    }
