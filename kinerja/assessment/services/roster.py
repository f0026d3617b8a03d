"""Who rates whom: lists proposed from the chain of command, peers nominated by the employee,
approved or changed by the appraiser; joiners and leavers handled by `cycle_roster_sync`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kinerja.accounts.actors import Actor
from kinerja.assessment.models import BehaviorReview, ReviewCycle, ReviewerList
from kinerja.core.models import Job


@dataclass(frozen=True)
class RosterReport:
    lists_created: int = 0
    reviews_created: int = 0
    reviews_withdrawn: int = 0
    lists_left: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "lists_created": self.lists_created,
            "reviews_created": self.reviews_created,
            "reviews_withdrawn": self.reviews_withdrawn,
            "lists_left": self.lists_left,
        }


def cycle_roster_sync(*, actor: Actor, cycle: ReviewCycle, day: date | None = None) -> RosterReport:
    """Bring the round's lists up to date on `day` (default today), idempotently:

    - every employee holding a post in scope without a list gets one, proposed from the chain
      of command (`proposal.propose_raters`): self, supervisor (none when the Wali Kota rates),
      3-5 peers of the same unit and level, all direct subordinates;
    - in Pengisian, reviews for people who joined (a new ratee's raters) have source JOINED;
    - a rater who no longer holds a post in scope and has not sent answers is withdrawn
      (sent answers stay: the group never shrinks after answers were given);
    - an employee who left gets `left_on`; their list stays (answers already given stay).

    Refused: not BKPSDM / Admin OPD of the agency; round Selesai. Audit `review_cycle.synced`
    with the counts."""
    raise NotImplementedError


def cycle_roster_sync_start(*, actor: Actor, cycle: ReviewCycle) -> Job:
    """Authorise and enqueue `cycle_roster_sync` as a job (a city round has thousands of
    lists); returns the Job the page follows."""
    raise NotImplementedError


def reviewer_nominate(
    *, actor: Actor, reviewer_list: ReviewerList, peer_ids: Sequence[int]
) -> ReviewerList:
    """The employee names the peers they would like (at most `rules.MAX_PEERS`), replacing the
    proposed peers; the list becomes NOMINATED. Refused: not the employee; round not in
    Penyusunan; list already approved; a peer who is the employee, their supervisor, not an
    active employee of the same agency. Audit `reviewer_list.nominated`. Notifies the
    appraiser."""
    raise NotImplementedError


def reviewer_list_approve(
    *,
    actor: Actor,
    reviewer_list: ReviewerList,
    peer_ids: Sequence[int] | None = None,
    reason: str = "",
) -> ReviewerList:
    """The appraiser (or an admin) approves the list as it stands, or with `peer_ids` replacing
    the peers (then `reason` is required when it departs from the employee's nomination).
    Refused: not allowed (`permissions.can_change_list`); round Selesai; bad peers as above.
    Audit `reviewer_list.approved` with before/after peers."""
    raise NotImplementedError


def behavior_review_add(
    *, actor: Actor, reviewer_list: ReviewerList, rater_id: int, relation: str
) -> BehaviorReview:
    """Add one rater (e.g. a new colleague who joined mid-round). Refused as for approval; a
    rater already on the list (re-activated if withdrawn and unsent). Audit
    `behavior_review.added`. The rater is notified when the round is in Pengisian."""
    raise NotImplementedError


def behavior_review_withdraw(
    *, actor: Actor, review: BehaviorReview, reason: str
) -> BehaviorReview:
    """Take a rater off a list with a reason (required). Their unsent draft is deleted (found
    through `keys.sheet_key`); sent answers are also deleted while the round is open (no result
    has been shown yet), refused once the round is Selesai. Audit `behavior_review.withdrawn`."""
    raise NotImplementedError
