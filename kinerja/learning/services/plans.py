"""Development plans and their items: open, add, remove, propose, agree, return."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kinerja.accounts.actors import Actor
from kinerja.learning.models import DevelopmentItem, DevelopmentPlan, TrainingCourse
from kinerja.people.models import Employee
from kinerja.periods.models import PerformancePeriod


def development_plan_open(
    *, actor: Actor, employee: Employee, period: PerformancePeriod
) -> DevelopmentPlan:
    """The employee's plan for the period, created as DRAFT if missing
    [development_plan.opened] with the appraiser and agency of the employee's post (the
    chain of command today). Only the employee themself (or the system, actor None)."""
    raise NotImplementedError


def development_item_add(
    *,
    actor: Actor,
    plan: DevelopmentPlan,
    title: str,
    kind: str,
    jp_planned: Decimal,
    target_date: date,
    source: str,
    reason: str = "",
    course: TrainingCourse | None = None,
    competency_id: int | None = None,
) -> DevelopmentItem:
    """Add an activity [development_item.added]: the employee while DRAFT/RETURNED, or the
    appraiser while PROPOSED (source APPRAISER). From a course: title, kind and JP default to
    the course's. Refused: target date outside the period; JP outside 0,5 to `JP_MAX`; a course
    already in the plan; title empty or over 200."""
    raise NotImplementedError


def development_item_remove(*, actor: Actor, item: DevelopmentItem) -> None:
    """Remove a PLANNED item [development_item.removed]; same rights as adding; a coaching item
    of a mandatory plan is never removed."""
    raise NotImplementedError


def development_plan_propose(*, actor: Actor, plan: DevelopmentPlan) -> DevelopmentPlan:
    """The employee proposes DRAFT/RETURNED → PROPOSED [development_plan.proposed]; at least one
    item; a version is recorded (`kinerja.discussions.services.version_record`, lines: one per
    item "Kegiatan — JP — target"); the appraiser is told (DEVELOPMENT_PLAN_PROPOSED)."""
    raise NotImplementedError


def development_plan_agree(*, actor: Actor, plan: DevelopmentPlan) -> DevelopmentPlan:
    """The appraiser agrees PROPOSED → AGREED [development_plan.agreed]; the employee is told."""
    raise NotImplementedError


def development_plan_return(*, actor: Actor, plan: DevelopmentPlan, reason: str) -> DevelopmentPlan:
    """The appraiser returns PROPOSED → RETURNED with a reason [development_plan.returned]; the
    employee is told; the reason is also a comment in the plan's thread."""
    raise NotImplementedError


def development_plan_comment(*, actor: Actor, plan: DevelopmentPlan, body: str) -> object:
    """A comment in the plan's thread (`kinerja.discussions.services.comment_add`) by the
    employee or the appraiser."""
    raise NotImplementedError
