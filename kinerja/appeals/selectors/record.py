"""An objection's full record for Inspektorat and Admin BKPSDM (`permissions.
can_see_full_record`; everyone else 404, the objection's existence included).

Everything the objection holds (statement, attachments with their size and SHA-256, the
explanation, the answer, the decision with the ratings and predikat before and after), and
every audit event of the objection, its attachments and its evaluation
(`kinerja.audit.trail.object_events`) with the client address and request id, each event's
place in the chain checked (`trail.events_check`), and the last whole-chain verification
(`trail.last_chain_verification`). Only Inspektorat may start a new verification
(`accounts.permissions.can_read_audit_trail`, which the audit service asks again).

A constant number of queries: the objection with its relations, the attachments, the events,
their predecessors, the references the events name, the last verification.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_read_audit_trail
from kinerja.appeals.models import Objection, ObjectionAttachment
from kinerja.appeals.permissions import can_see_full_record
from kinerja.audit.presentation import EventView, audit_events_present
from kinerja.audit.trail import (
    ChainVerification,
    EventsCheck,
    events_check,
    last_chain_verification,
    object_events,
    object_key,
)
from kinerja.monitoring.evidence.content import size_text

NOT_FOUND = "Keberatan tidak ditemukan."


@dataclass(frozen=True)
class AttachmentRow:
    attachment: ObjectionAttachment
    size_text: str


@dataclass(frozen=True)
class RecordEvent:
    view: EventView
    ok: bool
    problem: str

    @property
    def check_text(self) -> str:
        return "Sesuai rantai" if self.ok else f"Tidak sesuai: {self.problem}"


@dataclass(frozen=True)
class ObjectionRecord:
    objection: Objection
    attachments: list[AttachmentRow]
    events: list[RecordEvent]
    check: EventsCheck
    verification: ChainVerification | None
    can_verify: bool


def objection_record_for_actor(*, actor: Actor, objection_id: int) -> ObjectionRecord:
    """The full record of one objection; 404 unless Inspektorat or Admin BKPSDM."""
    if not can_see_full_record(actor):
        raise Http404(NOT_FOUND)
    objection = (
        Objection.objects.select_related(
            "evaluation__plan__period",
            "evaluation__plan__position",
            "evaluation__window",
            "employee",
            "agency",
            "unit",
            "appraiser",
            "decider",
            "explained_by",
            "decided_by",
        )
        .filter(pk=objection_id)
        .first()
    )
    if objection is None:
        raise Http404(NOT_FOUND)
    attachments = list(ObjectionAttachment.objects.filter(objection_id=objection.pk))
    keys = [object_key(objection), object_key(objection.evaluation)]
    keys += [object_key(attachment) for attachment in attachments]
    events = object_events(keys)
    check = events_check(events)
    bad = set(check.bad_ids)
    return ObjectionRecord(
        objection=objection,
        attachments=[AttachmentRow(a, size_text(a.size)) for a in attachments],
        events=[
            RecordEvent(
                view=view, ok=view.event.id not in bad, problem=check.reasons.get(view.event.id, "")
            )
            for view in audit_events_present(events)
        ],
        check=check,
        verification=last_chain_verification(),
        can_verify=can_read_audit_trail(actor),
    )
