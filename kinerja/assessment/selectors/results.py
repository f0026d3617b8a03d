"""360° results as people may see them: always through `kinerja.assessment.summary`."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.assessment.models import CycleState, ReviewCycle, ReviewerList
from kinerja.assessment.permissions import can_see_results
from kinerja.assessment.summary import Summary360, summaries_build, summary_build
from kinerja.people.holdings import employee_id_for_user
from kinerja.planning.models import PerformancePlan

NOT_FOUND = "Hasil umpan balik 360 tidak ditemukan."


def summary_for_actor(*, actor: Actor, cycle: ReviewCycle, employee_id: int) -> Summary360:
    """One employee's results in a round; 404 unless `permissions.can_see_results`."""
    found = ReviewerList.objects.filter(cycle_id=cycle.pk, employee_id=employee_id).first()
    if found is None or not can_see_results(actor, found):
        raise Http404(NOT_FOUND)
    return summary_build(cycle=cycle, employee_id=employee_id)


def my_summaries_for_actor(*, actor: Actor) -> list[Summary360]:
    """The actor's own results of every closed round they were rated in, newest first."""
    me = employee_id_for_user(actor)
    if me is None:
        return []
    cycles = (
        ReviewCycle.objects.filter(state=CycleState.CLOSED, lists__employee_id=me)
        .select_related("period", "window", "agency")
        .order_by("-period__year", "-due_date", "-pk")
    )
    return [summaries_build(cycle=cycle, employee_ids=[me])[me] for cycle in cycles]


def feedback360_for_plan(
    *, actor: Actor, plan: PerformancePlan, window_id: int | None
) -> Summary360 | None:
    """The latest closed round of the plan's period matching an evaluation's window (or the
    year, `window_id` None) in which the plan's employee was rated, for the evaluation page;
    None when there is none or the actor may not see it."""
    found = (
        ReviewerList.objects.filter(
            employee_id=plan.employee_id,
            cycle__period_id=plan.period_id,
            cycle__window_id=window_id,
            cycle__state=CycleState.CLOSED,
        )
        .select_related("cycle__period", "cycle__window", "cycle__agency")
        .order_by("-cycle__due_date", "-cycle_id")
        .first()
    )
    if found is None or not can_see_results(actor, found):
        return None
    return summary_build(cycle=found.cycle, employee_id=plan.employee_id)


@dataclass(frozen=True)
class ResultPage:
    """What the results page of one employee shows: who, in which round, and the summary."""

    cycle: ReviewCycle
    reviewer_list: ReviewerList
    summary: Summary360


def result_page_for_actor(*, actor: Actor, cycle_id: int, employee_id: int) -> ResultPage:
    """One employee's results page in a round; 404 (one message whether the round, the list
    or the right is missing) unless `permissions.can_see_results`."""
    found = (
        ReviewerList.objects.select_related(
            "cycle__period", "cycle__window", "cycle__agency", "employee", "unit", "agency"
        )
        .filter(cycle_id=cycle_id, employee_id=employee_id)
        .first()
    )
    if found is None or not can_see_results(actor, found):
        raise Http404(NOT_FOUND)
    return ResultPage(
        cycle=found.cycle,
        reviewer_list=found,
        summary=summary_build(cycle=found.cycle, employee_id=employee_id),
    )
