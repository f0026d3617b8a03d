"""Writes of a service unit's service standard: start, edit the draft, endorse, comment, approve
(proposals and their decisions: `proposals.py`). Each checks the right
(kinerja.surveys.permissions), validates, then writes and audits in one transaction. Comments
and numbered versions go through `kinerja.discussions`, attached to the `ServiceStandard`.

The draft is edited by several people: every edit names the revision it was made on, and a
save on an older revision is refused (someone else saved meanwhile), so nobody overwrites a
colleague's text unknowingly.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.discussions.models import Comment, DocumentVersion
from kinerja.discussions.services import comment_add, version_record
from kinerja.organization.models import ServiceUnit
from kinerja.surveys.models import (
    ServiceStandard,
    StandardComponent,
    StandardComponentKind,
    StandardEndorsement,
    StandardState,
)
from kinerja.surveys.permissions import (
    can_edit_standard,
)
from kinerja.surveys.services.standard_rules import (
    COMPONENT_MAX_CHARS,
    NOT_EDITOR,
    REQUIRED_KINDS,
    Errors,
    errors_raise,
    kind_errors,
    kind_label,
    length_errors,
    require_head,
    revision_errors,
    staff_employee_id,
    standard_components,
    standard_lines,
    standard_lock,
    standard_snapshot,
    text_clean,
)


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
            after=standard_snapshot(standard) | {"components": len(StandardComponentKind.values)},
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
        known = kind_errors("texts", str(kind))
        if known:
            errors |= known
            continue
        cleaned[kind] = text_clean(text)
        errors |= length_errors(kind, kind_label(kind), cleaned[kind], COMPONENT_MAX_CHARS)
    errors_raise(errors)
    with transaction.atomic():
        standard_lock(standard)
        errors_raise(revision_errors(standard, revision))
        components = {c.kind: c for c in standard_components(standard)}
        changed = [
            components[kind]
            for kind, text in cleaned.items()
            if kind in components and components[kind].draft_text != text
        ]
        if not changed:
            return standard
        before = standard_snapshot(standard) | {c.kind: c.draft_text for c in changed}
        for component in changed:
            component.draft_text = cleaned[component.kind]
        StandardComponent.objects.bulk_update(changed, ["draft_text"])
        standard.revision += 1
        standard.state = StandardState.DRAFT
        standard.save(update_fields=["revision", "state", "updated_at"])
        after = standard_snapshot(standard) | {c.kind: c.draft_text for c in changed}
        audit_record(
            actor=actor, action="service_standard.edited", obj=standard, before=before, after=after
        )
    return standard


def standard_endorse(*, actor: Actor, standard: ServiceStandard) -> StandardEndorsement:
    """Support the current revision of the draft [service_standard.endorsed]: the unit's
    staff, once per revision."""
    employee_id = staff_employee_id(actor, standard)
    with transaction.atomic():
        standard_lock(standard)
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
            after=standard_snapshot(standard) | {"employee_id": employee_id},
        )
    return endorsement


def standard_comment(*, actor: Actor, standard: ServiceStandard, body: str) -> Comment:
    """A comment in the standard's thread [comment.added]: the unit's staff."""
    staff_employee_id(actor, standard)
    with transaction.atomic():
        return comment_add(actor=actor, subject=standard, body=body)


def standard_approve(
    *, actor: Actor, standard: ServiceStandard, revision: int, note: str = ""
) -> DocumentVersion:
    """Approve draft `revision` [service_standard.approved]: the head of the unit. Every
    component's draft becomes its published text, a numbered version is recorded, and the
    standard is public. Refused when someone saved since, when nothing changed since the last
    approval, or when a required component is empty (named)."""
    require_head(actor, standard)
    with transaction.atomic():
        standard_lock(standard)
        errors_raise(revision_errors(standard, revision))
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
        before = standard_snapshot(standard)
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
            after=standard_snapshot(standard),
        )
    return version
