"""Periodic check of stored evidence files against their SHA-256 (`PERIODIC_TASKS`, daily)."""

from __future__ import annotations

from django_tasks import task

from kinerja.monitoring.evidence.integrity import evidence_verify
from kinerja.monitoring.models import Evidence, EvidenceKind

ROWS_PER_BATCH = 200


def evidence_verify_all() -> int:
    """Check every stored file (rows read in batches, bytes in chunks); returns how many
    differ from their upload. Idempotent: a finding already recorded is not audited again."""
    altered = 0
    files = Evidence.objects.filter(kind=EvidenceKind.FILE).order_by("pk")
    for evidence in files.iterator(chunk_size=ROWS_PER_BATCH):
        if not evidence_verify(evidence):
            altered += 1
    return altered


@task()
def evidence_verify_task() -> int:
    """Recompute the SHA-256 of stored files; mark and audit those that changed."""
    return evidence_verify_all()
