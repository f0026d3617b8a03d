"""What the result form offers: the supervisor's results of the same period (RHK atasan yang
diintervensi) and, for a head of agency, the goals of the agency's Perjanjian Kinerja.

Only choices: whether a choice is allowed is decided by `kinerja.planning.rules`
(`contribution_errors`, `goal_errors`), which the services call at every entrance.
"""

from __future__ import annotations

from django.db.models import QuerySet

from kinerja.planning.models import OrganizationGoal, PerformancePlan, PlannedResult
from kinerja.planning.rules import plan_chain_for


def parent_results_for(*, plan: PerformancePlan) -> QuerySet[PlannedResult]:
    """The results of the employee's supervisor (on the plan's start date) in the same period."""
    supervisor_id = plan_chain_for(employee_id=plan.employee_id, day=plan.start_date).supervisor_id
    if supervisor_id is None:
        return PlannedResult.objects.none()
    return (
        PlannedResult.objects.filter(
            plan__employee_id=supervisor_id, plan__period_id=plan.period_id
        )
        .select_related("plan")
        .order_by("plan__start_date", "kind", "number")
    )


def goals_for(*, plan: PerformancePlan) -> QuerySet[OrganizationGoal] | None:
    """The goals of the plan position's agency in the period, for a head of agency; else None."""
    if not plan.position.is_head_of_agency:
        return None
    return OrganizationGoal.objects.filter(
        agency_id=plan.position.agency_id, period_id=plan.period_id
    ).order_by("number")


def own_results_for(*, employee_id: int, period_id: int) -> QuerySet[PlannedResult]:
    """An employee's own results in a period: what they may cascade to their subordinates."""
    return (
        PlannedResult.objects.filter(plan__employee_id=employee_id, plan__period_id=period_id)
        .select_related("plan")
        .order_by("plan__start_date", "kind", "number")
    )
