"""Which buttons and forms the plan page offers: the permission predicates of
`kinerja.planning.permissions`, asked once per page. Offering is not deciding: every action
still goes through its service, which checks again and explains a refusal."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.accounts.actors import Actor
from kinerja.planning.models import PerformancePlan, PlanState
from kinerja.planning.permissions import (
    can_comment_plan,
    can_decide_plan,
    can_edit_plan,
    can_submit_plan,
)


@dataclass(frozen=True)
class PlanRights:
    edit: bool
    submit: bool
    decide: bool
    comment: bool
    expectations: bool
    revise: bool


def plan_rights(actor: Actor, plan: PerformancePlan) -> PlanRights:
    edit = can_edit_plan(actor, plan)
    decide = can_decide_plan(actor, plan)
    submit = can_submit_plan(actor, plan)
    approved = plan.state == PlanState.APPROVED
    return PlanRights(
        edit=edit,
        submit=submit and plan.state in {PlanState.DRAFT, PlanState.RETURNED},
        decide=decide and plan.state == PlanState.SUBMITTED,
        comment=can_comment_plan(actor, plan),
        expectations=edit and decide,
        revise=approved and (submit or decide),
    )
