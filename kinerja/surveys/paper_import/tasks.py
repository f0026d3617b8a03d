"""The background job of the paper import: keep the upload, check it, save it if clean.

`paper_import_start` authorises, stores the file privately (the employee import's storage),
notes the unit in `Job.result` (so the job page of another unit's URL is a 404 even while it
runs) and enqueues `paper_import_task`, which checks the file with progress, saves a clean one
and leaves the report in `Job.result` (the keys every import shares, see
`PaperImportReport.as_result`). The file is deleted when the task ends.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from django.urls import reverse
from django_tasks import task

from kinerja.accounts.models import User
from kinerja.accounts.permissions import require
from kinerja.core.jobs import Origin, job_create, job_running, job_start, job_succeed
from kinerja.core.models import Job
from kinerja.organization.models import ServiceUnit
from kinerja.people.imports import ImportFile, ImportFileError, import_file_store
from kinerja.people.imports.report import unreadable_result
from kinerja.scoring.formatting import format_decimal
from kinerja.surveys.paper_import.apply import paper_import_apply
from kinerja.surveys.paper_import.validation import PAPER_IMPORT_REFUSED, paper_import_validate
from kinerja.surveys.permissions import can_import_paper

PAPER_IMPORT_KIND = "survey_paper_import.apply"


def paper_import_start(
    *,
    actor: User,
    service_unit: ServiceUnit,
    content: bytes | Iterable[bytes],
    file_name: str,
) -> Job:
    """Keep the uploaded file privately and import it in the background; returns the Job."""
    require(can_import_paper(actor, service_unit), PAPER_IMPORT_REFUSED)
    job = job_create(
        owner=actor,
        kind=PAPER_IMPORT_KIND,
        title=f"Impor survei kertas {service_unit.name}: {file_name}",
        result={"service_unit_id": service_unit.pk},
    )
    chunks = [content] if isinstance(content, bytes) else content
    stored = import_file_store(chunks=chunks, file_name=file_name, stored_name=str(job.pk))
    return job_start(
        job=job,
        task=paper_import_task,
        actor_id=actor.pk,
        service_unit_id=service_unit.pk,
        file=asdict(stored),
    )


def _count(number: int) -> str:
    return format_decimal(number, 0)


@task()
def paper_import_task(
    job_id: str, origin: Origin, actor_id: int, service_unit_id: int, file: dict[str, Any]
) -> dict[str, Any]:
    import_file = ImportFile(**file)
    try:
        with job_running(job_id, origin) as progress:
            progress(1, "Membaca berkas…")
            actor = User.objects.get(pk=actor_id)
            unit = ServiceUnit.objects.select_related("unit").get(pk=service_unit_id)
            try:
                report = paper_import_validate(
                    actor=actor,
                    service_unit=unit,
                    content=import_file.read_bytes(),
                    file_name=import_file.file_name,
                    progress=progress,
                )
            except ImportFileError as unreadable:
                result = unreadable_result(file=import_file, reason=str(unreadable))
            else:
                result = report.as_result(file=import_file, service_unit_id=service_unit_id)
                if report.is_clean:
                    progress(85, "Semua baris benar; menyimpan jawaban…")
                    paper_import_apply(
                        actor=actor,
                        service_unit=unit,
                        report=report,
                        file_name=import_file.file_name,
                        sha256=import_file.sha256,
                        job_id=job_id,
                    )
            result["service_unit_id"] = service_unit_id
    finally:
        import_file.delete()
    if result["clean"]:
        message = f"Tersimpan: {_count(result['counts']['responses'])} jawaban survei kertas."
    else:
        message = (
            f"Ditemukan {_count(result['error_count'])} kesalahan pada "
            f"{_count(result['error_rows'])} baris; tidak ada yang disimpan."
        )
    job_succeed(
        job_id=job_id,
        message=message,
        result_url=reverse(
            "surveys:paper_import_job", kwargs={"slug": unit.slug, "job_id": job_id}
        ),
        result=result,
    )
    return {"clean": result["clean"], "error_count": result["error_count"]}
