"""What the objection services share: the objection's address, who hears of each step, the
locked row, the audit snapshot."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from kinerja.accounts.selectors import leader_user_ids
from kinerja.appeals.models import Objection
from kinerja.notifications.services import notify
from kinerja.people.holdings import employee_user_ids


def objection_url(objection: Objection) -> str:
    return reverse("appeals:objection_detail", kwargs={"objection_id": objection.pk})


def decider_user_ids(objection: Objection) -> list[int]:
    """Who decides: the designated decider's user, or the Wali Kota's office."""
    if objection.decider_is_mayor:
        return leader_user_ids(exclude=objection.evaluation.rated_by_id)
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
