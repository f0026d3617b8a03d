"""Evidence services: attach a file or a link to a realisation, remove one. The realisation
page, the evidence page, the API and the demo all call these, so they refuse with the same
sentences (`kinerja.monitoring.evidence.content`).

Order of an upload: the right (403), the realisation's state and window (field
`realization`), the file (field `file`: size per file, room left in the plan, type by
content), then the bytes are stored, then one transaction locks the plan, checks the plan's
total again (two uploads at once), writes the row and the audit event. A refusal at any step
leaves nothing behind: nothing is stored before the checks pass, and a stored file is deleted
if its transaction does not commit.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Sum

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.monitoring.evidence.content import FileCheck, evidence_file_check, plan_room_errors
from kinerja.monitoring.evidence.storage import stored_file_delete, stored_file_save
from kinerja.monitoring.models import Evidence, EvidenceKind, Realization
from kinerja.monitoring.permissions import NOT_OWNER, realization_write_refusal
from kinerja.planning.models import PerformancePlan
from kinerja.planning.permissions import is_plan_owner

LINK_MAX = 500
TITLE_MAX = 200


def plan_evidence_bytes(plan_id: int) -> int:
    """What the plan's evidence files take in storage (the sum of their sizes)."""
    total = Evidence.objects.filter(plan_id=plan_id).aggregate(total=Sum("size"))["total"]
    return int(total or 0)


def evidence_snapshot(evidence: Evidence) -> dict[str, Any]:
    return {
        "realization_id": evidence.realization_id,
        "kind": evidence.kind,
        "title": evidence.title,
        "original_name": evidence.original_name,
        "size": evidence.size,
        "content_type": evidence.content_type,
        "sha256": evidence.sha256,
        "link": evidence.link,
    }


def _require_writable(actor: Actor, realization: Realization) -> None:
    """403 for anyone but the plan's employee; the window or state refusal under the field
    `realization`. The system (None: the demo seed) skips both, so that it can attach evidence
    to realisations already submitted; the checks of the file itself always apply."""
    if actor is None:
        return
    plan = realization.plan
    if not is_plan_owner(actor, plan):
        raise PermissionDenied(NOT_OWNER)
    refusal = realization_write_refusal(actor, plan, realization.window, realization)
    if refusal:
        raise ValidationError({"realization": [refusal]})


def _title(title: str) -> str:
    value = " ".join(title.split())
    if len(value) > TITLE_MAX:
        raise ValidationError(
            {
                "title": [
                    f"Judul bukti sepanjang {len(value)} karakter tidak diterima: paling banyak "
                    f"{TITLE_MAX} karakter."
                ]
            }
        )
    return value


def _file_check(plan_id: int, upload: File[bytes], name: str) -> FileCheck:
    check = evidence_file_check(
        file=upload,
        name=name,
        plan_used_bytes=plan_evidence_bytes(plan_id),
        max_file_bytes=settings.EVIDENCE_MAX_FILE_BYTES,
        max_plan_bytes=settings.EVIDENCE_MAX_PLAN_BYTES,
    )
    if check.errors:
        raise ValidationError({"file": check.errors})
    return check


def evidence_add_file(
    *,
    actor: Actor,
    realization: Realization,
    upload: File[bytes],
    title: str = "",
) -> Evidence:
    """Check the file (size per file and per plan, type by content), store it under an
    unguessable name with its SHA-256, audit `evidence.added`. Refusals are
    ValidationError({"file": [...]}) and store nothing."""
    _require_writable(actor, realization)
    clean_title = _title(title)
    plan_id = realization.plan_id
    check = _file_check(plan_id, upload, upload.name or "")
    stored_name = stored_file_save(plan_id=plan_id, file=upload)
    try:
        with transaction.atomic():
            PerformancePlan.objects.select_for_update().filter(pk=plan_id).exists()
            room = plan_room_errors(
                name=check.name,
                size=check.reading.size,
                used=plan_evidence_bytes(plan_id),
                maximum=settings.EVIDENCE_MAX_PLAN_BYTES,
            )
            if room:  # another upload took the room since the check
                raise ValidationError({"file": room})
            evidence = Evidence.objects.create(
                realization=realization,
                plan_id=plan_id,
                kind=EvidenceKind.FILE,
                title=clean_title,
                original_name=check.name,
                stored_name=stored_name,
                content_type=check.content_type,
                size=check.reading.size,
                sha256=check.reading.sha256,
                uploaded_by=actor,
            )
            audit_record(
                actor=actor,
                action="evidence.added",
                obj=evidence,
                after=evidence_snapshot(evidence),
            )
    except BaseException:
        stored_file_delete(stored_name)
        raise
    return evidence


def link_errors(link: str) -> list[str]:
    """Why a link is refused as evidence (empty when accepted): http or https, with a host,
    at most 500 characters, no spaces."""
    shown = link if len(link) <= 80 else f"{link[:80]}…"
    if not link:
        return ["Tautan kosong tidak diterima: isi alamat yang diawali http:// atau https://."]
    if len(link) > LINK_MAX:
        return [
            f"Tautan sepanjang {len(link)} karakter tidak diterima: paling banyak {LINK_MAX} "
            "karakter."
        ]
    try:
        parts = urlsplit(link)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or any(ch.isspace() or not ch.isprintable() for ch in link)
    ):
        return [
            f"Tautan “{shown}” tidak diterima: hanya alamat web yang diawali http:// atau "
            "https:// (misalnya https://drive.kota.go.id/laporan)."
        ]
    return []


def evidence_add_link(
    *, actor: Actor, realization: Realization, link: str, title: str = ""
) -> Evidence:
    """Attach a link (http/https only); ValidationError({"link": [...]}) otherwise."""
    _require_writable(actor, realization)
    clean_title = _title(title)
    value = link.strip()
    errors = link_errors(value)
    if errors:
        raise ValidationError({"link": errors})
    with transaction.atomic():
        evidence = Evidence.objects.create(
            realization=realization,
            plan_id=realization.plan_id,
            kind=EvidenceKind.LINK,
            title=clean_title,
            link=value,
            uploaded_by=actor,
        )
        audit_record(
            actor=actor, action="evidence.added", obj=evidence, after=evidence_snapshot(evidence)
        )
    return evidence


def evidence_remove(*, actor: Actor, evidence: Evidence) -> None:
    """Remove an evidence item of a realisation the actor may still write; audit
    `evidence.removed` (the stored file is deleted after the commit)."""
    _require_writable(actor, evidence.realization)
    stored_name = evidence.stored_name
    with transaction.atomic():
        before = evidence_snapshot(evidence)
        audit_record(actor=actor, action="evidence.removed", obj=evidence, before=before)
        evidence.delete()
        if stored_name:
            transaction.on_commit(lambda: stored_file_delete(stored_name))
