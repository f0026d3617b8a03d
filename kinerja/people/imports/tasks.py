"""Background work of the employee import: check a file, apply it, purge old uploads.

The pages start the jobs with `employee_import_validation_start` and
`employee_import_apply_start` (the core job pattern: create the Job, keep the file, enqueue
with the request's origin); the tasks report progress to that Job and leave their report in
`Job.result` (see `ImportReport.as_result`). A file is deleted as soon as no job needs it (a
file with errors after its check, any file after its import); `import_uploads_purge_task`
deletes the rest after IMPORT_RETENTION_HOURS.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from django.urls import reverse
from django_tasks import task

from kinerja.accounts.models import User
from kinerja.accounts.permissions import require
from kinerja.core.jobs import Origin, job_create, job_fail, job_running, job_start, job_succeed
from kinerja.core.models import Job
from kinerja.people.imports.access import IMPORT_REFUSED, can_import_employees
from kinerja.people.imports.apply import employee_import_apply
from kinerja.people.imports.files import (
    ImportFile,
    ImportFileError,
    import_file_store,
    import_uploads_purge,
)
from kinerja.people.imports.report import ImportRejected, unreadable_result
from kinerja.people.imports.validation import employee_import_validate
from kinerja.scoring.formatting import format_decimal

VALIDATE_KIND = "employee_import.validate"
APPLY_KIND = "employee_import.apply"


def employee_import_validation_start(
    *, actor: User, content: bytes | Iterable[bytes], file_name: str
) -> Job:
    """Keep the uploaded file privately and check it in the background; returns the Job."""
    require(can_import_employees(actor), IMPORT_REFUSED)
    job = job_create(owner=actor, kind=VALIDATE_KIND, title=f"Pemeriksaan impor {file_name}")
    chunks = [content] if isinstance(content, bytes) else content
    stored = import_file_store(chunks=chunks, file_name=file_name, stored_name=str(job.pk))
    return job_start(
        job=job, task=employee_import_validate_task, actor_id=actor.pk, file=asdict(stored)
    )


def employee_import_apply_start(*, actor: User, validation_job: Job) -> Job:
    """Apply a file whose validation finished clean; the task validates it once more."""
    require(can_import_employees(actor), IMPORT_REFUSED)
    report = validation_job.result or {}
    require(
        validation_job.kind == VALIDATE_KIND
        and validation_job.owner_id == actor.pk
        and validation_job.status == Job.Status.SUCCEEDED
        and bool(report.get("clean"))
        and report.get("file") is not None,
        "Hanya berkas yang sudah diperiksa tanpa kesalahan yang dapat disimpan.",
    )
    file = report["file"]
    job = job_create(owner=actor, kind=APPLY_KIND, title=f"Impor {file['file_name']}")
    return job_start(
        job=job,
        task=employee_import_apply_task,
        actor_id=actor.pk,
        file=file,
        validation_job_id=str(validation_job.pk),
    )


def _count(number: int) -> str:
    return format_decimal(number, 0)


@task()
def employee_import_validate_task(
    job_id: str, origin: Origin, actor_id: int, file: dict[str, Any]
) -> dict[str, Any]:
    import_file = ImportFile(**file)
    with job_running(job_id, origin) as progress:
        progress(1, "Membaca berkas…")
        actor = User.objects.get(pk=actor_id)
        try:
            checked = employee_import_validate(
                actor=actor,
                content=import_file.read_bytes(),
                file_name=import_file.file_name,
                progress=progress,
            )
            result = checked.as_result(file=import_file)
        except ImportFileError as unreadable:
            result = unreadable_result(file=import_file, reason=str(unreadable))
    if result["clean"]:
        message = f"Berkas bersih: {_count(result['total_rows'])} baris siap disimpan."
    else:
        import_file.delete()  # nothing more will read it
        message = (
            f"Ditemukan {_count(result['error_count'])} kesalahan pada "
            f"{_count(result['error_rows'])} baris; tidak ada yang disimpan."
        )
    job_succeed(
        job_id=job_id,
        message=message,
        result_url=reverse("people_import:preview", kwargs={"job_id": job_id}),
        result=result,
    )
    return {"clean": result["clean"], "error_count": result["error_count"]}


@task()
def employee_import_apply_task(
    job_id: str, origin: Origin, actor_id: int, file: dict[str, Any], validation_job_id: str
) -> dict[str, Any]:
    import_file = ImportFile(**file)
    refusal = ""
    try:
        with job_running(job_id, origin) as progress:
            progress(5, "Memeriksa ulang dan menyimpan dalam satu transaksi…")
            actor = User.objects.get(pk=actor_id)
            try:
                outcome = employee_import_apply(
                    actor=actor,
                    content=import_file.read_bytes(),
                    file_name=import_file.file_name,
                    expected_sha256=import_file.sha256,
                    job=Job.objects.get(pk=job_id),
                )
            except (ImportRejected, ImportFileError) as refused:
                refusal = refused.message if isinstance(refused, ImportRejected) else str(refused)
    finally:
        import_file.delete()
    if refusal:
        job_fail(job_id=job_id, error=refusal)
        return {"applied": False}
    counts = asdict(outcome.counts)
    result = {
        "applied": True,
        "total_rows": outcome.total_rows,
        "counts": counts,
        "file": file,
        "validation_job_id": validation_job_id,
        "changed": [asdict(person) for person in outcome.changed],
    }
    if outcome.counts.changes:
        message = (
            f"Tersimpan: {_count(counts['employees_created'])} pegawai baru, "
            f"{_count(counts['employees_updated'])} diperbarui, "
            f"{_count(counts['positions_created'])} jabatan baru, "
            f"{_count(counts['assignments_created'])} penugasan baru."
        )
    else:
        message = "Tidak ada perubahan: semua data di berkas sudah sama dengan yang tersimpan."
    job_succeed(
        job_id=job_id,
        message=message,
        result_url=reverse("people_import:result", kwargs={"job_id": job_id}),
        result=result,
    )
    return result


@task()
def import_uploads_purge_task() -> int:
    """Periodic (config.settings.PERIODIC_TASKS): delete uploads past their retention."""
    return import_uploads_purge()
