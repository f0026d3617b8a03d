"""The mandatory coaching plan: registered as an evaluation predikat hook
(`kinerja.evaluation.hooks`), so it runs inside the transaction that sets or changes a
predikat."""

from __future__ import annotations

from kinerja.accounts.actors import Actor
from kinerja.evaluation.models import Evaluation
from kinerja.learning.models import DevelopmentPlan


def coaching_plan_ensure(actor: Actor, evaluation: Evaluation) -> DevelopmentPlan | None:
    """When the evaluation's predikat is in `rules.COACHING_PREDIKAT`: the employee's plan for
    the evaluation's period is made a coaching plan (`is_coaching`, `trigger_evaluation`; the
    plan is created AGREED if missing, an existing plan keeps its items) with a COACHING item
    ("Bimbingan kinerja", source COACHING, JP 0) and, when `actor` is the plan's appraiser,
    `rules.COACHING_DIALOGUES` coaching dialogues scheduled a month apart through
    `kinerja.monitoring.services.dialogues.dialogue_schedule` (otherwise the appraiser's home
    page asks them to schedule). Audited [development_plan.coaching_required]; the employee
    and the appraiser are told (DEVELOPMENT_COACHING_REQUIRED). Idempotent: a second call for
    the same evaluation changes nothing. Returns the plan, or None when no coaching is due."""
    return None  # built by the learning services
