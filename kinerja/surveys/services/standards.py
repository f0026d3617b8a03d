"""Writes of a service unit's service standard: start, edit the draft, endorse, propose a change
and decide it, comment, approve. Each checks the right (kinerja.surveys.permissions), validates,
then writes and audits in one transaction. Comments and numbered versions go through
`kinerja.discussions`, attached to the `ServiceStandard`.

The draft is edited by several people: every edit names the revision it was made on, and a
save on an older revision is refused (someone else saved meanwhile), so nobody overwrites a
colleague's text unknowingly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.discussions.models import Comment, DocumentVersion
from kinerja.discussions.services import COMMENT_MAX_LENGTH, comment_add, version_record
from kinerja.organization.models import ServiceUnit
from kinerja.people.holdings import employee_id_for_user
from kinerja.scoring.formatting import format_decimal
from kinerja.surveys.models import (
    ProposalState,
    ServiceStandard,
    StandardComponent,
    StandardComponentKind,
    StandardEndorsement,
    StandardProposal,
    StandardState,
)
from kinerja.surveys.permissions import (
    can_approve_standard,
    can_edit_standard,
    can_take_part_in_standard,
)

Errors = dict[str, list[str]]

COMPONENT_MAX_CHARS = 5000
"""The longest text of one component of a standard, in characters."""
REASON_MAX_CHARS = 2000

REQUIRED_KINDS: tuple[str, ...] = (
    StandardComponentKind.REQUIREMENTS,
    StandardComponentKind.PROCEDURE,
    StandardComponentKind.TIME,
    StandardComponentKind.COST,
    StandardComponentKind.PRODUCT,
    StandardComponentKind.COMPLAINTS,
)
"""Components an approved standard must fill: what the survey's elements U1-U5 and U8 ask."""

NOT_EDITOR = (
    "Hanya pegawai unit layanan ini atau Admin OPD perangkat daerahnya yang dapat menyusun "
    "draf standar pelayanan."
)
NOT_STAFF = (
    "Hanya pegawai unit layanan ini yang dapat mengomentari, mendukung, atau mengusulkan "
    "perubahan standar pelayanannya."
)
NOT_HEAD = (
    "Hanya kepala unit layanan ini yang dapat menyetujui standar pelayanan dan memutuskan "
    "usul perubahannya."
)


def kind_label(kind: str) -> str:
    return str(StandardComponentKind(kind).label)


def _raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def _clean_text(text: str) -> str:
    """Line endings as one newline, surrounding spaces removed: a text compares equal to
    itself whether it came from a browser (CRLF) or elsewhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _length_errors(field: str, label: str, text: str, limit: int) -> Errors:
    if len(text) > limit:
        return {
            field: [
                f"{label} sepanjang {format_decimal(len(text), 0)} karakter tidak diterima: "
                f"paling banyak {format_decimal(limit, 0)} karakter."
            ]
        }
    return {}


def _kind_errors(field: str, kind: str) -> Errors:
    if kind in StandardComponentKind.values:
        return {}
    accepted = ", ".join(str(label) for label in StandardComponentKind.labels)
    return {field: [f"Komponen {str(kind)[:40]!r} tidak dikenal; pilih salah satu: {accepted}."]}


def _lock(standard: ServiceStandard) -> ServiceStandard:
    """The standard re-read under a row lock: its revision and state as they are now."""
    locked = ServiceStandard.objects.select_for_update().get(pk=standard.pk)
    for field in ("state", "revision", "approved_version", "approved_at", "approved_by_id"):
        setattr(standard, field, getattr(locked, field))
    return standard


def _revision_errors(standard: ServiceStandard, revision: int) -> Errors:
    if revision == standard.revision:
        return {}
    return {
        "revision": [
            f"Draf sudah disimpan orang lain (kini revisi {standard.revision}) sejak Anda "
            f"membukanya pada revisi {revision}: perubahan Anda belum disimpan. Salin teks "
            "Anda, muat ulang halaman, lalu ulangi perubahan pada draf terbaru."
        ]
    }


def _snapshot(standard: ServiceStandard) -> dict[str, Any]:
    return {
        "service_unit_id": standard.service_unit_id,
        "state": standard.state,
        "revision": standard.revision,
        "approved_version": standard.approved_version,
    }


def _components(standard: ServiceStandard) -> list[StandardComponent]:
    return list(standard.components.order_by("position"))


def standard_lines(texts: Mapping[str, str]) -> list[str]:
    """The readable rendering of a standard that versions are compared on: each component's
    name, then its text indented a level, line by line (empty lines dropped)."""
    lines: list[str] = []
    for kind in StandardComponentKind.values:
        text = texts.get(kind, "")
        lines.append(f"{kind_label(kind)}:" if text.strip() else f"{kind_label(kind)}: (kosong)")
        lines.extend(f"  {line.strip()}" for line in text.splitlines() if line.strip())
    return lines


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _thread_note(actor: Actor, standard: ServiceStandard, body: str) -> Comment:
    return comment_add(actor=actor, subject=standard, body=_short(body, COMMENT_MAX_LENGTH))


def standard_start(*, actor: Actor, service_unit: ServiceUnit) -> ServiceStandard:
    """Start the unit's standard: the fourteen components, in order, with empty drafts
    [service_standard.created]. The unit's staff or its Admin OPD; refused when one exists."""
    if actor is not None:
        require(can_edit_standard(actor, service_unit), NOT_EDITOR)
    if ServiceStandard.objects.filter(service_unit=service_unit).exists():
        raise ValidationError(
            {
                "service_unit": [
                    f"{service_unit.name} sudah memiliki standar pelayanan: ubah drafnya, "
                    "jangan memulai yang baru."
                ]
            }
        )
    with transaction.atomic():
        standard = ServiceStandard.objects.create(service_unit=service_unit)
        StandardComponent.objects.bulk_create(
            StandardComponent(standard=standard, kind=kind, position=position)
            for position, kind in enumerate(StandardComponentKind.values, start=1)
        )
        audit_record(
            actor=actor,
            action="service_standard.created",
            obj=standard,
            after=_snapshot(standard) | {"components": len(StandardComponentKind.values)},
        )
    return standard


def standard_edit(
    *, actor: Actor, standard: ServiceStandard, texts: Mapping[str, str], revision: int
) -> ServiceStandard:
    """Save the draft texts given (component kind -> text) made on draft `revision`
    [service_standard.edited]. Refused when someone saved since (`revision` is not the
    current one) or a text is longer than `COMPONENT_MAX_CHARS`. A save that changes a text
    raises the revision by one and puts an approved standard back to draft; a save that
    changes nothing writes nothing."""
    if actor is not None:
        require(can_edit_standard(actor, standard.service_unit), NOT_EDITOR)
    cleaned: dict[str, str] = {}
    errors: Errors = {}
    for kind, text in texts.items():
        known = _kind_errors("texts", str(kind))
        if known:
            errors |= known
            continue
        cleaned[kind] = _clean_text(text)
        errors |= _length_errors(kind, kind_label(kind), cleaned[kind], COMPONENT_MAX_CHARS)
    _raise(errors)
    with transaction.atomic():
        _lock(standard)
        _raise(_revision_errors(standard, revision))
        components = {c.kind: c for c in _components(standard)}
        changed = [
            components[kind]
            for kind, text in cleaned.items()
            if kind in components and components[kind].draft_text != text
        ]
        if not changed:
            return standard
        before = _snapshot(standard) | {c.kind: c.draft_text for c in changed}
        for component in changed:
            component.draft_text = cleaned[component.kind]
        StandardComponent.objects.bulk_update(changed, ["draft_text"])
        standard.revision += 1
        standard.state = StandardState.DRAFT
        standard.save(update_fields=["revision", "state", "updated_at"])
        after = _snapshot(standard) | {c.kind: c.draft_text for c in changed}
        audit_record(
            actor=actor, action="service_standard.edited", obj=standard, before=before, after=after
        )
    return standard


def _employee_id(actor: Actor, standard: ServiceStandard) -> int:
    """The acting staff member's employee id; refused for anyone else (and the system)."""
    employee_id = employee_id_for_user(actor)
    if employee_id is None or not can_take_part_in_standard(actor, standard.service_unit):
        raise PermissionDenied(NOT_STAFF)
    return employee_id


def standard_endorse(*, actor: Actor, standard: ServiceStandard) -> StandardEndorsement:
    """Support the current revision of the draft [service_standard.endorsed]: the unit's
    staff, once per revision."""
    employee_id = _employee_id(actor, standard)
    with transaction.atomic():
        _lock(standard)
        if StandardEndorsement.objects.filter(
            standard=standard, employee_id=employee_id, revision=standard.revision
        ).exists():
            raise ValidationError(
                {
                    "revision": [
                        f"Anda sudah mendukung revisi {standard.revision} draf ini; dukungan "
                        "diberikan sekali untuk setiap revisi."
                    ]
                }
            )
        endorsement = StandardEndorsement.objects.create(
            standard=standard, employee_id=employee_id, revision=standard.revision
        )
        audit_record(
            actor=actor,
            action="service_standard.endorsed",
            obj=standard,
            after=_snapshot(standard) | {"employee_id": employee_id},
        )
    return endorsement


def standard_propose(
    *, actor: Actor, standard: ServiceStandard, kind: str, text: str, reason: str = ""
) -> StandardProposal:
    """Propose a new text for one component [standard_proposal.created]: the unit's staff.
    The proposal is also written in the standard's thread, so the discussion shows it."""
    employee_id = _employee_id(actor, standard)
    errors = _kind_errors("kind", kind)
    text, reason = _clean_text(text), _clean_text(reason)
    if not text:
        errors |= {"text": ["Usulan isi kosong tidak diterima: tuliskan teks yang Anda usulkan."]}
    errors |= _length_errors("text", "Usulan isi", text, COMPONENT_MAX_CHARS)
    errors |= _length_errors("reason", "Alasan", reason, REASON_MAX_CHARS)
    _raise(errors)
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
        _thread_note(actor, standard, f"Usul perubahan {kind_label(kind)}: {text}{why}")
        audit_record(
            actor=actor,
            action="standard_proposal.created",
            obj=proposal,
            after={"standard_id": standard.pk, "kind": kind, "text": text, "reason": reason},
        )
    return proposal


def _require_head(actor: Actor, standard: ServiceStandard) -> None:
    if actor is not None:
        require(can_approve_standard(actor, standard.service_unit), NOT_HEAD)


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
    return _length_errors("note", "Catatan", note, COMMENT_MAX_LENGTH - 200)


def _decide(
    *, actor: Actor, proposal: StandardProposal, note: str, accept: bool
) -> StandardProposal:
    standard = proposal.standard
    _require_head(actor, standard)
    _require_open(proposal)
    note = _clean_text(note)
    _raise(_note_errors(note, required=not accept))
    with transaction.atomic():
        _lock(standard)
        proposal.refresh_from_db(fields=["state"])
        _require_open(proposal)
        before = _snapshot(standard) | {"state_proposal": proposal.state}
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
        _thread_note(actor, standard, f"{body} Catatan: {note}" if note else body)
        action = "standard_proposal.accepted" if accept else "standard_proposal.declined"
        after = _snapshot(standard) | {"state_proposal": proposal.state, "note": note}
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


def standard_comment(*, actor: Actor, standard: ServiceStandard, body: str) -> Comment:
    """A comment in the standard's thread [comment.added]: the unit's staff."""
    _employee_id(actor, standard)
    with transaction.atomic():
        return comment_add(actor=actor, subject=standard, body=body)


def standard_approve(
    *, actor: Actor, standard: ServiceStandard, revision: int, note: str = ""
) -> DocumentVersion:
    """Approve draft `revision` [service_standard.approved]: the head of the unit. Every
    component's draft becomes its published text, a numbered version is recorded, and the
    standard is public. Refused when someone saved since, when nothing changed since the last
    approval, or when a required component is empty (named)."""
    _require_head(actor, standard)
    with transaction.atomic():
        _lock(standard)
        _raise(_revision_errors(standard, revision))
        components = list(standard.components.select_for_update().order_by("position"))
        empty = [
            kind_label(c.kind) for c in components if c.kind in REQUIRED_KINDS and not c.draft_text
        ]
        if empty:
            raise ValidationError(
                {
                    "components": [
                        f"Komponen wajib masih kosong: {', '.join(empty)}. Isi komponen itu "
                        "sebelum standar pelayanan disetujui."
                    ]
                }
            )
        if standard.approved_version and all(c.draft_text == c.published_text for c in components):
            raise ValidationError(
                {
                    "revision": [
                        f"Draf sama dengan versi {standard.approved_version} yang sudah "
                        "disetujui: tidak ada yang perlu disetujui lagi."
                    ]
                }
            )
        before = _snapshot(standard)
        texts = {c.kind: c.draft_text for c in components}
        version = version_record(
            actor=actor,
            subject=standard,
            lines=standard_lines(texts),
            content={"revision": standard.revision, "components": texts},
            note=note,
        )
        for component in components:
            component.published_text = component.draft_text
        StandardComponent.objects.bulk_update(components, ["published_text"])
        standard.state = StandardState.APPROVED
        standard.approved_version = version.number
        standard.approved_at = timezone.now()
        standard.approved_by = actor
        standard.save(
            update_fields=[
                "state",
                "approved_version",
                "approved_at",
                "approved_by",
                "updated_at",
            ]
        )
        audit_record(
            actor=actor,
            action="service_standard.approved",
            obj=standard,
            before=before,
            after=_snapshot(standard),
        )
    return version
