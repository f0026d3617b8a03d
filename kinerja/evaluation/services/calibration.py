"""Calibration sessions: open, move a rating with a reason, lock the group. (Scaffold.)"""

from __future__ import annotations

from kinerja.accounts.actors import Actor
from kinerja.evaluation.models import CalibrationMove, CalibrationSession, Evaluation
from kinerja.evaluation.rules import Scope
from kinerja.organization.models import Agency


def calibration_open(*, actor: Actor, agency: Agency, scope: Scope) -> CalibrationSession:
    raise NotImplementedError


def calibration_move(
    *,
    actor: Actor,
    session: CalibrationSession,
    evaluation: Evaluation,
    field: str,
    after: str,
    reason: str,
) -> CalibrationMove:
    raise NotImplementedError


def calibration_lock(
    *, actor: Actor, agency: Agency, scope: Scope, justification: str = ""
) -> CalibrationSession:
    """Lock the group's evaluations; refused without `justification` when the spread departs
    from the distribution guidance (the curve's "finalise" calls this too)."""
    raise NotImplementedError
