"""360° results as people may see them: always through `kinerja.assessment.summary`."""

from __future__ import annotations

from kinerja.accounts.actors import Actor
from kinerja.assessment.models import ReviewCycle
from kinerja.assessment.summary import Summary360
from kinerja.planning.models import PerformancePlan


def summary_for_actor(*, actor: Actor, cycle: ReviewCycle, employee_id: int) -> Summary360:
    """One employee's results in a round; 404 unless `permissions.can_see_results`."""
    raise NotImplementedError


def my_summaries_for_actor(*, actor: Actor) -> list[Summary360]:
    """The actor's own results of every closed round they were rated in, newest first."""
    raise NotImplementedError


def feedback360_for_plan(
    *, actor: Actor, plan: PerformancePlan, window_id: int | None
) -> Summary360 | None:
    """The closed round matching an evaluation's window (or the year, `window_id` None) that
    rated the plan's employee, for the evaluation page; None when there is none or the actor
    may not see it."""
    raise NotImplementedError
