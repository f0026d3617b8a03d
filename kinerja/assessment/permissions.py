"""Who may do what with a 360° round. Roles come from `kinerja.accounts.permissions`, relations
from `kinerja.people.permissions`; this module only combines them.

- Admin BKPSDM creates, opens and closes rounds (for the city or one agency), sees completion
  and the quality signals (for calibration).
- Admin OPD sees completion for their own agency and may correct its lists (joiners, leavers).
- The employee nominates peers on their own list while the round is being prepared.
- The appraiser approves or changes the list of the employees they rate.
- A rater writes only their own answers.
- Results of an employee: the employee, their appraiser (who rates behaviour), the appraiser's
  superior (who decides objections) and Admin BKPSDM (calibration). Never Admin OPD, never a
  peer, and never a raw answer.
"""

from __future__ import annotations

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_manage_agency, is_agency_admin, is_hr_admin
from kinerja.assessment.models import BehaviorReview, ReviewCycle, ReviewerList
from kinerja.people.holdings import employee_id_for_user
from kinerja.people.permissions import is_appraiser_of, is_appraiser_superior_of


def can_manage_cycles(actor: Actor) -> bool:
    """Create, open and close rounds, for the city or one agency."""
    return is_hr_admin(actor)


def can_track_cycle(actor: Actor, cycle: ReviewCycle) -> bool:
    """See completion counts: BKPSDM; an Admin OPD for a round of their agency or the city
    (then only their agency's part)."""
    if is_hr_admin(actor):
        return True
    return is_agency_admin(actor) and (
        cycle.agency_id is None or can_manage_agency(actor, cycle.agency_id)
    )


def can_see_quality(actor: Actor) -> bool:
    """Rater quality signals (straight-lining, leniency): BKPSDM, for calibration only."""
    return is_hr_admin(actor)


def can_export_results(actor: Actor) -> bool:
    """Download a round's aggregates (one row per employee and value): BKPSDM, who also reads
    every employee's results; never Admin OPD."""
    return is_hr_admin(actor)


def is_list_owner(actor: Actor, reviewer_list: ReviewerList) -> bool:
    return employee_id_for_user(actor) == reviewer_list.employee_id


def is_list_appraiser(actor: Actor, reviewer_list: ReviewerList) -> bool:
    """The appraiser stored on the list, or whoever appraises the employee today (a mutasi
    during the round hands the list to the new appraiser)."""
    me = employee_id_for_user(actor)
    if me is None:
        return False
    return me == reviewer_list.appraiser_id or is_appraiser_of(actor, reviewer_list.employee_id)


def can_change_list(actor: Actor, reviewer_list: ReviewerList) -> bool:
    """Approve or change the raters: the appraiser, Admin BKPSDM, the Admin OPD of the list's
    agency."""
    return (
        is_hr_admin(actor)
        or can_manage_agency(actor, reviewer_list.agency_id)
        or is_list_appraiser(actor, reviewer_list)
    )


def can_view_list(actor: Actor, reviewer_list: ReviewerList) -> bool:
    """See who is on the list (not who has answered): the employee and those who may change it."""
    return is_list_owner(actor, reviewer_list) or can_change_list(actor, reviewer_list)


def is_rater(actor: Actor, review: BehaviorReview) -> bool:
    return employee_id_for_user(actor) == review.rater_id


def can_see_results(actor: Actor, reviewer_list: ReviewerList) -> bool:
    """The employee's aggregates: the employee, their appraiser, the appraiser's superior,
    Admin BKPSDM."""
    if is_hr_admin(actor) or is_list_owner(actor, reviewer_list):
        return True
    if employee_id_for_user(actor) is None:
        return False
    return is_list_appraiser(actor, reviewer_list) or is_appraiser_superior_of(
        actor, reviewer_list.employee_id
    )
