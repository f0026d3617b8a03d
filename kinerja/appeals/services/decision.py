"""The decision of the appraiser's superior: final, and the evaluation locked again."""

from __future__ import annotations

from kinerja.accounts.actors import Actor
from kinerja.appeals.models import Objection


def objection_decide(
    *,
    actor: Actor,
    objection: Objection,
    accepted: bool,
    reason: str,
    results_rating: str = "",
    behavior_rating: str = "",
) -> Objection:
    """The decider accepts or rejects [objection.decided].

    Refused: 403 unless `permissions.is_objection_decider` (never the appraiser); `state` with
    `rules.decision_ready_refusal` (decided, withdrawn, explanation awaited and not overdue);
    `decision_reason` empty or longer than `TEXT_MAX`; accepting: `results_rating` /
    `behavior_rating` each blank (unchanged) or one of the ratings
    (`evaluation.rules.rating_errors`), at least one of them different from the evaluation's
    (otherwise "accept" changes nothing: refused keyed `results_rating`).

    In one transaction, the objection and its evaluation locked: the ratings before (and after)
    and the predikat before and after stored on the objection. Accepting: the evaluation's
    ratings changed, the predikat recomputed through the matrix (`evaluation.rules.
    predikat_for`), `locked_at` set (now) whether or not calibration had locked it, and an
    audit event `evaluation.changed_by_objection` on the evaluation with before/after and the
    objection id. Rejecting: the evaluation locked (`locked_at`) as it is. Both: the audit
    event on the objection, notifications to the employee and the appraiser
    (OBJECTION_DECIDED). This is the one path that changes a locked evaluation or one of a
    closed period (`evaluation.rules.evaluation_change_refusal` is not asked): the decision is
    final (PP 30/2019 Pasal 59). The evaluation page, PDF and exports read the evaluation, so
    they show the new predikat from then on.
    """
    raise NotImplementedError
