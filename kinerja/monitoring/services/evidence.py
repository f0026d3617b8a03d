"""Evidence services (owned by the evidence helper). The realisation page calls
`evidence_add_file` / `evidence_add_link` with what the employee attached."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile

from kinerja.accounts.actors import Actor
from kinerja.monitoring.models import Evidence, Realization


def evidence_add_file(
    *, actor: Actor, realization: Realization, upload: UploadedFile, title: str = ""
) -> Evidence:
    """Check the file (size per file and per plan, type by content), store it under an
    unguessable name with its SHA-256, audit `evidence.added`. Refusals are
    ValidationError({"file": [...]}) and store nothing."""
    raise NotImplementedError


def evidence_add_link(
    *, actor: Actor, realization: Realization, link: str, title: str = ""
) -> Evidence:
    """Attach a link (http/https only); ValidationError({"link": [...]}) otherwise."""
    raise NotImplementedError


def evidence_remove(*, actor: Actor, evidence: Evidence) -> None:
    """Remove an evidence item of a realisation the actor may still write; audit
    `evidence.removed` (the stored file is deleted after the commit)."""
    raise NotImplementedError
