"""Development plans as people may see them: one plan (404 unless
`permissions.can_view_development_plan`), the page of one plan with what the actor may do, the
employee's own plan of the current period, and the appraiser's team. Pages cost a constant
number of queries whatever the number of items or members."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.discussions.models import Comment, DocumentVersion
from kinerja.discussions.selectors import comments_for, version_diff, versions_for
from kinerja.discussions.subjects import subject_label
from kinerja.discussions.versions import DiffLine
from kinerja.learning.models import (
    DevelopmentItem,
    DevelopmentPlan,
    ItemSource,
    ItemState,
    PlanState,
)
from kinerja.learning.permissions import (
    can_view_development_plan,
    is_plan_appraiser,
    is_plan_employee,
)
from kinerja.learning.selectors.jp import JpProgress, jp_by_employee
from kinerja.learning.selectors.suggestions import suggestions_for_employee
from kinerja.learning.suggestions import Suggestion
from kinerja.people.holdings import chain_of_command_load, employee_id_for_user, today
from kinerja.people.models import Employee
from kinerja.periods.models import PerformancePeriod
from kinerja.periods.selectors import period_current

NOT_FOUND = "Rencana pengembangan tidak ditemukan."
ITEM_NOT_FOUND = "Kegiatan pengembangan tidak ditemukan."
EDITABLE = (PlanState.DRAFT, PlanState.RETURNED)


def plan_queryset() -> QuerySet[DevelopmentPlan]:
    return DevelopmentPlan.objects.select_related(
        "employee", "period", "agency", "appraiser", "trigger_evaluation"
    )


def development_plan_get_for_actor(*, actor: Actor, plan_id: int) -> DevelopmentPlan:
    plan = plan_queryset().filter(pk=plan_id).first()
    if plan is None or not can_view_development_plan(actor, plan):
        raise Http404(NOT_FOUND)
    return plan


def development_item_get_for_actor(*, actor: Actor, item_id: int) -> DevelopmentItem:
    item = (
        DevelopmentItem.objects.select_related(
            "plan__employee", "plan__period", "plan__agency", "plan__appraiser", "course"
        )
        .filter(pk=item_id)
        .first()
    )
    if item is None or not can_view_development_plan(actor, item.plan):
        raise Http404(ITEM_NOT_FOUND)
    return item


@dataclass(frozen=True)
class PlanRights:
    edit: bool = False  # add and remove items
    propose: bool = False
    decide: bool = False  # agree or return
    comment: bool = False
    complete: bool = False  # record completion of its items
    confirm: bool = False  # confirm or reject a completion


def plan_rights(actor: Actor, plan: DevelopmentPlan) -> PlanRights:
    employee = is_plan_employee(actor, plan)
    appraiser = is_plan_appraiser(actor, plan) and not employee
    return PlanRights(
        edit=(employee and plan.state in EDITABLE)
        or (appraiser and plan.state == PlanState.PROPOSED),
        propose=employee and plan.state in EDITABLE,
        decide=appraiser and plan.state == PlanState.PROPOSED,
        comment=employee or appraiser,
        complete=employee and plan.state == PlanState.AGREED,
        confirm=appraiser,
    )


@dataclass(frozen=True)
class ItemRow:
    item: DevelopmentItem
    may_remove: bool
    may_complete: bool
    may_confirm: bool
    has_certificate: bool


@dataclass(frozen=True)
class PlanPage:
    plan: DevelopmentPlan
    rows: list[ItemRow]
    rights: PlanRights
    jp: JpProgress
    suggestions: list[Suggestion]
    comments: list[Comment]
    versions: list[DocumentVersion]
    diff: list[DiffLine] | None
    is_owner: bool = False

    @property
    def jp_planned(self) -> Any:
        return sum((row.item.jp_planned for row in self.rows), start=0)


def _row(item: DevelopmentItem, rights: PlanRights) -> ItemRow:
    return ItemRow(
        item=item,
        may_remove=rights.edit
        and item.state == ItemState.PLANNED
        and not (item.plan.is_coaching and item.source == ItemSource.COACHING),
        may_complete=rights.complete and item.state in (ItemState.PLANNED, ItemState.REJECTED),
        may_confirm=rights.confirm and item.state == ItemState.COMPLETED,
        has_certificate=bool(item.certificate_name),
    )


def plan_page_build(*, actor: Actor, plan: DevelopmentPlan) -> PlanPage:
    """The page of a plan the actor may see (fetched by `development_plan_get_for_actor`)."""
    rights = plan_rights(actor, plan)
    items = list(plan.items.select_related("course", "competency").order_by("target_date", "pk"))
    for item in items:
        item.plan = plan
    year = today().year
    earned = jp_by_employee([plan.employee_id], year)[plan.employee_id]
    suggestions = (
        suggestions_for_employee(employee=plan.employee, period=plan.period) if rights.edit else []
    )
    versions = versions_for(plan)
    diff = version_diff(versions[-2], versions[-1]) if len(versions) > 1 else None
    return PlanPage(
        plan=plan,
        rows=[_row(item, rights) for item in items],
        rights=rights,
        jp=JpProgress(earned),
        suggestions=suggestions,
        comments=comments_for([plan])[subject_label(plan)],
        versions=versions,
        diff=diff,
        is_owner=is_plan_employee(actor, plan),
    )


def plan_page_for_actor(*, actor: Actor, plan_id: int) -> PlanPage:
    plan = development_plan_get_for_actor(actor=actor, plan_id=plan_id)
    return plan_page_build(actor=actor, plan=plan)


@dataclass(frozen=True)
class MyPlan:
    """The employee's place on /pengembangan/: the current period, the plan of it (None while
    not opened), the year's JP and the suggestions."""

    employee: Employee
    period: PerformancePeriod | None
    plan: DevelopmentPlan | None
    jp: JpProgress
    suggestions: list[Suggestion]
    items: list[DevelopmentItem]


def my_plan_page_for_actor(*, actor: Actor) -> MyPlan | None:
    """None for an account without an employee record."""
    me = employee_id_for_user(actor)
    if me is None:
        return None
    employee = Employee.objects.get(pk=me)
    period = period_current()
    earned = jp_by_employee([me], today().year)[me]
    if period is None:
        return MyPlan(employee, None, None, JpProgress(earned), [], [])
    plan = plan_queryset().filter(employee_id=me, period=period).first()
    items = list(plan.items.select_related("course").order_by("target_date", "pk")) if plan else []
    editable = plan is None or plan.state in EDITABLE
    suggestions = suggestions_for_employee(employee=employee, period=period) if editable else []
    return MyPlan(employee, period, plan, JpProgress(earned), suggestions, items)


@dataclass(frozen=True)
class TeamRow:
    employee: Employee
    plan: DevelopmentPlan | None
    jp: JpProgress

    @property
    def state_label(self) -> str:
        return self.plan.get_state_display() if self.plan else "Belum dibuat"


def team_plans_for_actor(*, actor: Actor) -> list[TeamRow]:
    """The members the actor appraises today (their direct subordinates) with their plan of the
    current period, their JP this year and whether coaching is required; four queries plus the
    chain of command, whatever the size of the team."""
    me = employee_id_for_user(actor)
    if me is None:
        return []
    day = today()
    chain = chain_of_command_load(employee_id=me, day=day)
    ids = sorted({holder.employee_id for holder in chain.subordinates} - {me})
    if not ids:
        return []
    period = period_current(day=day)
    plans = (
        {
            plan.employee_id: plan
            for plan in plan_queryset().filter(employee_id__in=ids, period=period)
        }
        if period is not None
        else {}
    )
    jp = jp_by_employee(ids, day.year)
    employees = Employee.objects.filter(pk__in=ids).order_by("name", "pk")
    return [
        TeamRow(
            employee=employee,
            plan=plans.get(employee.pk),
            jp=JpProgress(jp[employee.pk]),
        )
        for employee in employees
    ]
