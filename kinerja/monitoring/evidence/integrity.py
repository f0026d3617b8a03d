"""Is a stored evidence file still the one uploaded? `evidence_verify` recomputes the SHA-256
of the stored bytes and compares it with the one taken at upload.

When they differ (or the file is gone), the row gets `altered_at` and the audit trail the event
`evidence.altered` by the system (actor None) with the hash stored and the hash found ("" when
the file is missing). The same finding is audited once: a later check that finds the same
hash only updates `checked_at`, so the daily task may run any number of times. A file found
altered stays flagged even if its bytes later match again: the change happened, and the audit
trail says what was found when.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from kinerja.audit.models import AuditEvent
from kinerja.audit.services import audit_record
from kinerja.monitoring.evidence.storage import stored_sha256
from kinerja.monitoring.models import Evidence, EvidenceKind

ALTERED = "evidence.altered"


def altered_hashes(evidence_ids: Iterable[int]) -> dict[int, str]:
    """The hash found by the latest `evidence.altered` event of each evidence id ("" when the
    file was missing), in one query."""
    ids = [str(pk) for pk in evidence_ids]
    if not ids:
        return {}
    found: dict[int, str] = {}
    events = AuditEvent.objects.filter(
        action=ALTERED, object_type=Evidence._meta.label, object_id__in=ids
    ).order_by("id")
    for object_id, after in events.values_list("object_id", "after"):
        found[int(object_id)] = str((after or {}).get("sha256", ""))
    return found


def evidence_verify(evidence: Evidence) -> bool:
    """True when the stored bytes still have the SHA-256 taken at upload. Otherwise mark the
    row altered and audit it (once per finding); `evidence` is updated in place."""
    if evidence.kind != EvidenceKind.FILE:
        return True
    now = stored_sha256(evidence.stored_name)
    moment = timezone.now()
    if now == evidence.sha256:
        Evidence.objects.filter(pk=evidence.pk).update(checked_at=moment)
        evidence.checked_at = moment
        return True
    found = now or ""
    with transaction.atomic():
        row = Evidence.objects.select_for_update().get(pk=evidence.pk)
        known = row.altered_at is not None and altered_hashes([row.pk]).get(row.pk) == found
        row.checked_at = moment
        if not known:
            before = {"sha256": row.sha256, "altered_at": row.altered_at}
            row.altered_at = moment
            audit_record(
                actor=None,
                action=ALTERED,
                obj=row,
                before=before,
                after={"sha256": found, "altered_at": moment},
            )
        row.save(update_fields=["checked_at", "altered_at"])
    evidence.checked_at, evidence.altered_at = row.checked_at, row.altered_at
    return False
