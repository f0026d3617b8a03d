"""A staff member's proposed change of one component of a service standard, and the head's
decision: each posts a note in the standard's thread, so the proposal and its fate are read
where the unit discusses its standard."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.discussions.services import COMMENT_MAX_LENGTH
from kinerja.surveys.models import (
    ProposalState,
    ServiceStandard,
    StandardProposal,
    StandardState,
)
from kinerja.surveys.services.standard_rules import (
    COMPONENT_MAX_CHARS,
    REASON_MAX_CHARS,
    Errors,
    errors_raise,
    kind_errors,
    kind_label,
    length_errors,
    require_head,
    staff_employee_id,
    standard_lock,
    standard_snapshot,
    text_clean,
    thread_note,
)


def standard_propose(
    *, actor: Actor, standard: ServiceStandard, kind: str, text: str, reason: str = ""
) -> StandardProposal:
    """Propose a new text for one component [standard_proposal.created]: the unit's staff.
    The proposal is also written in the standard's thread, so the discussion shows it."""
    employee_id = staff_employee_id(actor, standard)
    errors = kind_errors("kind", kind)
    text, reason = text_clean(text), text_clean(reason)
    if not text:
        errors |= {"text": ["Usulan isi kosong tidak diterima: tuliskan teks yang Anda usulkan."]}
    errors |= length_errors("text", "Usulan isi", text, COMPONENT_MAX_CHARS)
    errors |= length_errors("reason", "Alasan", reason, REASON_MAX_CHARS)
    errors_raise(errors)
    current = standard.components.filter(kind=kind).values_list("draft_text", flat=True).first()
    if current == text:
        raise ValidationError(
            {"text": [f"Usulan sama dengan draf {kind_label(kind)} saat ini; ubah teksnya."]}
        )
    with transaction.atomic():
        proposal = StandardProposal.objects.create(
            standard=standard, kind=kind, text=text, reason=reason, proposed_by_id=employee_id
        )
        why = f"\nAlasan: {reason}" if reason else ""
        thread_note(actor, standard, f"Usul perubahan {kind_label(kind)}: {text}{why}")
        audit_record(
            actor=actor,
            action="standard_proposal.created",
            obj=proposal,
            after={"standard_id": standard.pk, "kind": kind, "text": text, "reason": reason},
        )
    return proposal


def _require_open(proposal: StandardProposal) -> None:
    if proposal.state != ProposalState.OPEN:
        raise ValidationError(
            {
                "state": [
                    f"Usul perubahan ini sudah diputuskan ({proposal.get_state_display()}); "
                    "hanya usul yang menunggu keputusan yang dapat diterima atau ditolak."
                ]
            }
        )


def _note_errors(note: str, *, required: bool) -> Errors:
    if required and not note:
        return {
            "note": [
                "Catatan penolakan kosong tidak diterima: jelaskan kepada pengusul mengapa "
                "usulnya ditolak."
            ]
        }
    return length_errors("note", "Catatan", note, COMMENT_MAX_LENGTH - 200)


def _decide(
    *, actor: Actor, proposal: StandardProposal, note: str, accept: bool
) -> StandardProposal:
    standard = proposal.standard
    require_head(actor, standard)
    _require_open(proposal)
    note = text_clean(note)
    errors_raise(_note_errors(note, required=not accept))
    with transaction.atomic():
        standard_lock(standard)
        proposal.refresh_from_db(fields=["state"])
        _require_open(proposal)
        before = standard_snapshot(standard) | {"state_proposal": proposal.state}
        if accept:
            component = standard.components.select_for_update().get(kind=proposal.kind)
            component.draft_text = proposal.text
            component.save(update_fields=["draft_text"])
            standard.revision += 1
            standard.state = StandardState.DRAFT
            standard.save(update_fields=["revision", "state", "updated_at"])
        proposal.state = ProposalState.ACCEPTED if accept else ProposalState.DECLINED
        proposal.decided_by = actor
        proposal.decided_at = timezone.now()
        proposal.decision_note = note
        proposal.save(
            update_fields=["state", "decided_by", "decided_at", "decision_note", "updated_at"]
        )
        verdict = "diterima dan dimasukkan ke draf" if accept else "ditolak"
        body = f"Usul perubahan {kind_label(proposal.kind)} {verdict}."
        thread_note(actor, standard, f"{body} Catatan: {note}" if note else body)
        action = "standard_proposal.accepted" if accept else "standard_proposal.declined"
        after = standard_snapshot(standard) | {"state_proposal": proposal.state, "note": note}
        audit_record(actor=actor, action=action, obj=proposal, before=before, after=after)
    return proposal


def proposal_accept(
    *, actor: Actor, proposal: StandardProposal, note: str = ""
) -> StandardProposal:
    """Accept an open proposal [standard_proposal.accepted]: the head of the unit. Its text
    replaces the component's draft (the revision rises by one) and the thread says so."""
    return _decide(actor=actor, proposal=proposal, note=note, accept=True)


def proposal_decline(*, actor: Actor, proposal: StandardProposal, note: str) -> StandardProposal:
    """Decline an open proposal with a note for its author [standard_proposal.declined]: the
    head of the unit; the note is required and goes to the thread."""
    return _decide(actor=actor, proposal=proposal, note=note, accept=False)
