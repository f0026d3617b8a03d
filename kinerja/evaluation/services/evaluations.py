"""The appraiser's evaluation of a plan for a window or the year, and the employee's receipt.
(Scaffold: the signatures are final; the bodies are being written.)"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.accounts.actors import Actor
from kinerja.evaluation.models import Evaluation
from kinerja.periods.models import EvaluationWindow
from kinerja.planning.models import PerformancePlan


@dataclass(frozen=True)
class ResultInput:
    """The appraiser's rating of one result and the reason when it departs from the
    suggestion."""

    result_id: int
    rating: str
    reason: str = ""


@dataclass(frozen=True)
class BehaviorInput:
    core_value: str
    rating: str
    note: str = ""


def evaluation_start(
    *, actor: Actor, plan: PerformancePlan, window: EvaluationWindow | None
) -> Evaluation:
    """Open (or return the existing) evaluation of `plan` for `window` (None: the year), with
    a rating row per result carrying its suggestion and a row per core value."""
    raise NotImplementedError


def evaluation_save(
    *,
    actor: Actor,
    evaluation: Evaluation,
    results: list[ResultInput],
    behaviors: list[BehaviorInput],
    results_rating: str,
    results_reason: str,
    behavior_rating: str,
    behavior_reason: str,
    early_reason: str = "",
) -> Evaluation:
    """Save the draft's ratings (anything may still be missing); refuses bad values."""
    raise NotImplementedError


def evaluation_set(*, actor: Actor, evaluation: Evaluation) -> Evaluation:
    """Set (tetapkan) the draft: every rating present, every departure reasoned, realisations
    closed or an early reason; the employee is told."""
    raise NotImplementedError


def evaluation_acknowledge(*, actor: Actor, evaluation: Evaluation) -> Evaluation:
    """The employee acknowledges receipt; the objection window starts."""
    raise NotImplementedError
