"""An agency's evaluation documents in one ZIP, kept in the storage alias "documents" (never
served directly: only by the download view, to the job's owner). The ZIP is spooled to disk
past a few megabytes, so an agency of a thousand employees does not sit in memory."""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterator
from typing import IO

from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db.models import QuerySet

from kinerja.core.jobs import Progress
from kinerja.evaluation.documents.content import evaluation_document_build
from kinerja.evaluation.documents.pdf import evaluation_pdf_render
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import group_evaluations

STORAGE_ALIAS = "documents"
PRINTABLE_STATES = (EvaluationState.RATED, EvaluationState.ACKNOWLEDGED)
SPOOL_BYTES = 8 * 1024 * 1024


def documents_storage() -> Storage:
    return storages[STORAGE_ALIAS]


def printable_evaluations(*, agency_id: int, scope: Scope) -> QuerySet[Evaluation]:
    """Rated or acknowledged evaluations of the group, by employee name: what a batch holds."""
    return (
        group_evaluations(agency_id=agency_id, scope=scope)
        .filter(state__in=PRINTABLE_STATES)
        .order_by("plan__employee__name", "pk")
    )


def stored_name(job_id: str) -> str:
    """The ZIP's name in the storage: the job's id (a UUID), nothing a person typed."""
    return f"evaluation-documents/{job_id}.zip"


def documents_zip_store(
    *, evaluations: list[Evaluation], name: str, progress: Progress
) -> tuple[str, int]:
    """Render one PDF per evaluation into a ZIP saved under `name`; returns the stored name
    (the storage may change it) and its size in bytes."""
    total = len(evaluations)
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for done, evaluation in enumerate(evaluations):
                document = evaluation_document_build(evaluation=evaluation)
                archive.writestr(document.file_name, evaluation_pdf_render(document=document))
                progress.count(done + 1, total, "dokumen dibuat", start=5, end=95)
        size = spool.tell()
        spool.seek(0)
        saved = documents_storage().save(name, File(spool, name=name))
    return saved, size


def documents_zip_chunks(name: str, chunk_size: int = 64 * 1024) -> Iterator[bytes]:
    """The stored ZIP, read in chunks for a streaming response."""
    handle: IO[bytes] = documents_storage().open(name, "rb")
    with handle:
        while chunk := handle.read(chunk_size):
            yield chunk
