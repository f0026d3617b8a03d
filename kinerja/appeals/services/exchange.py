"""The exchange between the parties: the appraiser's explanation and the employee's answer."""

from __future__ import annotations

from kinerja.accounts.actors import Actor
from kinerja.appeals.models import Objection


def objection_explain(*, actor: Actor, objection: Objection, explanation: str) -> Objection:
    """The appraiser explains the rating [objection.explained]: FILED → EXPLAINED, the employee
    and the decider are told (OBJECTION_EXPLAINED). Refused: 403 unless
    `permissions.is_objection_appraiser`; `state` unless FILED (explained once; not after a
    decision or withdrawal); `explanation` empty or longer than `TEXT_MAX`."""
    raise NotImplementedError


def objection_answer(*, actor: Actor, objection: Objection, answer: str) -> Objection:
    """The employee answers the explanation, once [objection.answered]; the decider is told
    (OBJECTION_ANSWERED). Refused: 403 unless the objection's employee; `state` unless
    EXPLAINED and not yet answered; `answer` empty or longer than `TEXT_MAX`."""
    raise NotImplementedError
