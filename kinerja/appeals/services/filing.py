"""Filing and withdrawing an objection."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile

from kinerja.accounts.actors import Actor
from kinerja.appeals.models import Objection
from kinerja.evaluation.models import Evaluation


def objection_file(
    *,
    actor: Actor,
    evaluation: Evaluation,
    subject: str,
    statement: str,
    requested: str = "",
    files: Sequence[UploadedFile] = (),
) -> Objection:
    """The rated employee objects to an acknowledged evaluation [objection.filed].

    Refusals: 403 (`PermissionDenied(rules.NOT_EMPLOYEE)`) for anyone but the plan's employee;
    `ValidationError` keyed `evaluation` with `rules.objection_file_refusal` (not acknowledged,
    past the deadline, already objected); `subject` not one of `ObjectionSubject`; `statement`
    shorter than `STATEMENT_MIN` or longer than `TEXT_MAX`; `requested` longer than `TEXT_MAX`;
    `files`: more than `ATTACHMENTS_MAX`, each through
    `monitoring.evidence.content.evidence_file_check` (per file `ATTACHMENT_MAX_BYTES`, all
    together `ATTACHMENTS_MAX_BYTES`). Nothing is stored before every check passes; stored files
    are deleted if the transaction does not commit.

    In one transaction: the evaluation locked (`select_for_update`) and the checks asked again,
    the decider fixed (`decider.objection_decider_for`), the deadline stored, the attachments
    written, the audit event on the objection (subject, statement, requested, deadline,
    decider, attachments' names and SHA-256), and notifications: the appraiser asked for an
    explanation (OBJECTION_FILED) and the decider told (OBJECTION_FILED; every Pimpinan user
    but the one who set the evaluation for the Wali Kota's office).
    """
    raise NotImplementedError


def objection_withdraw(*, actor: Actor, objection: Objection, reason: str = "") -> Objection:
    """The employee withdraws an open objection [objection.withdrawn]; the appraiser and the
    decider are told (OBJECTION_WITHDRAWN). Refused (403) to anyone else; `ValidationError`
    keyed `state` once decided or withdrawn. A withdrawn objection frees the evaluation for a
    new one within the deadline."""
    raise NotImplementedError
