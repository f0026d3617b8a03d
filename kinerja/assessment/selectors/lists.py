"""Lists of raters: the employee's own, and the lists an appraiser approves."""

from __future__ import annotations

from kinerja.accounts.actors import Actor
from kinerja.assessment.models import ReviewCycle, ReviewerList


def reviewer_list_get_for_actor(
    *, actor: Actor, cycle: ReviewCycle, employee_id: int
) -> ReviewerList:
    """The list of one employee in the round, with its reviews and raters; 404 unless
    `permissions.can_view_list`. Shows who is asked, never who has answered."""
    raise NotImplementedError


def team_lists_for_actor(*, actor: Actor, cycle: ReviewCycle) -> list[ReviewerList]:
    """The lists the actor approves as appraiser in the round (their team), in a constant
    number of queries."""
    raise NotImplementedError
