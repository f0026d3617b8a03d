"""Which buttons and forms the plan page offers: the permission predicates of
`kinerja.planning.permissions`, asked once per page. Offering is not deciding: every action
still goes through its service, which checks again and explains a refusal."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.accounts.actors import Actor
from kinerja.planning.models import PerformancePlan
from kinerja.planning.permissions import (
    can_comment_plan,
    can_decide_plan,
    can_edit_plan,
    can_revise_plan,
    can_set_expectation,
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
    return PlanRights(
        edit=can_edit_plan(actor, plan),
        submit=can_submit_plan(actor, plan),
        decide=can_decide_plan(actor, plan),
        comment=can_comment_plan(actor, plan),
        expectations=can_set_expectation(actor, plan),
        revise=can_revise_plan(actor, plan),
    )
