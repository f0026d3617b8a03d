"""What the learning services share: a plan's address and who hears of it, the row locks, the
audit snapshots, and raising collected field errors."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.selectors import leader_user_ids
from kinerja.learning.models import DevelopmentItem, DevelopmentPlan
from kinerja.notifications.services import notify
from kinerja.organization.models import Position
from kinerja.people.chain import Holder
from kinerja.people.holdings import chain_of_command_load, employee_user_ids

Errors = dict[str, list[str]]


def raise_errors(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def plan_url(plan: DevelopmentPlan) -> str:
    return reverse("learning:plan_detail", kwargs={"plan_id": plan.pk})


def appraiser_user_ids(plan: DevelopmentPlan) -> list[int]:
    """Who agrees and confirms: the appraiser's user, or the Pimpinan users when the Wali Kota
    rates (no appraiser)."""
    if plan.appraiser_id is None:
        return leader_user_ids()
    return employee_user_ids([plan.appraiser_id])


def plan_notify(
    plan: DevelopmentPlan, *, recipient_ids: list[int], kind: str, title: str, text: str = ""
) -> int:
    return notify(
        recipient_ids=recipient_ids, kind=kind, title=title, text=text, url=plan_url(plan)
    )


def plan_locked(plan: DevelopmentPlan) -> DevelopmentPlan:
    """The plan re-read under a row lock (inside the caller's transaction), with its period."""
    return (
        DevelopmentPlan.objects.select_for_update(of=("self",))
        .select_related("period", "employee")
        .get(pk=plan.pk)
    )


def item_locked(item: DevelopmentItem) -> DevelopmentItem:
    """The item and its plan re-read under row locks (plan first, as every service locks)."""
    plan = plan_locked(item.plan)
    fresh = DevelopmentItem.objects.select_for_update(of=("self",)).get(pk=item.pk)
    fresh.plan = plan
    return fresh


def plan_snapshot(plan: DevelopmentPlan) -> dict[str, Any]:
    return {
        "employee_id": plan.employee_id,
        "period_id": plan.period_id,
        "agency_id": plan.agency_id,
        "appraiser_id": plan.appraiser_id,
        "state": plan.state,
        "is_coaching": plan.is_coaching,
        "trigger_evaluation_id": plan.trigger_evaluation_id,
        "return_reason": plan.return_reason,
    }


def item_snapshot(item: DevelopmentItem) -> dict[str, Any]:
    return {
        "plan_id": item.plan_id,
        "course_id": item.course_id,
        "competency_id": item.competency_id,
        "title": item.title,
        "kind": item.kind,
        "jp_planned": str(item.jp_planned),
        "target_date": item.target_date.isoformat(),
        "source": item.source,
        "reason": item.reason,
        "state": item.state,
        "completed_on": item.completed_on.isoformat() if item.completed_on else None,
        "jp_earned": None if item.jp_earned is None else str(item.jp_earned),
        "certificate": item.certificate_original_name,
        "certificate_sha256": item.certificate_sha256,
        "reject_reason": item.reject_reason,
        "dialogue_id": item.dialogue_id,
    }


def employee_post_today(employee_id: int) -> tuple[int, int | None] | None:
    """The agency of the employee's post today and their appraiser there (None when the Wali
    Kota rates), from the chain of command; None when they hold no post today."""
    chain = chain_of_command_load(employee_id=employee_id, day=timezone.localdate())
    if chain.primary is None:
        return None
    appraiser = chain.appraiser.employee_id if isinstance(chain.appraiser, Holder) else None
    agency_id = Position.objects.values_list("agency_id", flat=True).get(
        pk=chain.primary.position_id
    )
    return agency_id, appraiser
