"""Background tasks of the employee import: validate a file, then apply it, each with a Job.

The pages start them with `employee_import_validation_start` and `employee_import_apply_start`
(create the Job, keep the file, enqueue); the tasks report progress to that Job and leave their
report in `Job.result` (see `ImportReport.as_result`), which the preview page reads.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.urls import reverse
from django_tasks import task

from kinerja.accounts.models import User
from kinerja.accounts.permissions import require
from kinerja.core.jobs import job_attach_task, job_create, job_fail, job_running, job_succeed
from kinerja.core.models import Job
from kinerja.people.imports import (
    ImportFile,
    ImportFileError,
    ImportRejected,
    can_import_employees,
    employee_import_apply,
    employee_import_validate,
    import_file_store,
)

VALIDATE_KIND = "employee_import.validate"
APPLY_KIND = "employee_import.apply"
_REFUSED = "Hanya Admin BKPSDM dan Admin OPD yang dapat mengimpor pegawai."


def employee_import_validation_start(*, actor: Any, content: bytes, file_name: str) -> Job:
    """Keep the uploaded file privately and check it in the background; returns the Job."""
    require(can_import_employees(actor), _REFUSED)
    job = job_create(owner=actor, kind=VALIDATE_KIND, title=f"Pemeriksaan impor {file_name}"[:200])
    stored = import_file_store(content=content, file_name=file_name, stored_name=str(job.pk))
    result = employee_import_validate_task.enqueue(
        job_id=str(job.pk), actor_id=actor.pk, file=asdict(stored)
    )
    job_attach_task(job=job, task_result_id=str(result.id))
    return job


def employee_import_apply_start(*, actor: Any, validation_job: Job) -> Job:
    """Apply a file whose validation finished clean; the task validates it once more."""
    require(can_import_employees(actor), _REFUSED)
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
    job = job_create(owner=actor, kind=APPLY_KIND, title=f"Impor {file['file_name']}"[:200])
    result = employee_import_apply_task.enqueue(
        job_id=str(job.pk), actor_id=actor.pk, file=file, validation_job_id=str(validation_job.pk)
    )
    job_attach_task(job=job, task_result_id=str(result.id))
    return job


@task()
def employee_import_validate_task(
    job_id: str, actor_id: int, file: dict[str, Any]
) -> dict[str, Any]:
    import_file = ImportFile(**file)
    with job_running(job_id) as report:
        report(1, "Membaca berkas…")
        actor = User.objects.get(pk=actor_id)
        try:
            checked = employee_import_validate(
                actor=actor,
                content=import_file.read_bytes(),
                file_name=import_file.file_name,
                progress=report,
            )
            result = checked.as_result(file=import_file)
        except ImportFileError as unreadable:
            result = {
                "file": file,
                "total_rows": 0,
                "clean": False,
                "error_count": 1,
                "error_rows": 1,
                "errors": [{"row": 0, "column": "Berkas", "value": "", "reason": str(unreadable)}],
                "errors_truncated": False,
                "counts": {},
            }
    if result["clean"]:
        message = f"Berkas bersih: {result['total_rows']:,} baris siap disimpan.".replace(",", ".")
    else:
        message = (
            f"Ditemukan {result['error_count']:,} kesalahan pada {result['error_rows']:,} baris; "
            "tidak ada yang disimpan."
        ).replace(",", ".")
    job_succeed(
        job_id=job_id,
        message=message,
        result_url=reverse("people_import:preview", kwargs={"job_id": job_id}),
        result=result,
    )
    return {"clean": result["clean"], "error_count": result["error_count"]}


@task()
def employee_import_apply_task(
    job_id: str, actor_id: int, file: dict[str, Any], validation_job_id: str
) -> dict[str, Any]:
    import_file = ImportFile(**file)
    rejected: ImportRejected | None = None
    with job_running(job_id) as report:
        report(5, "Memeriksa ulang dan menyimpan dalam satu transaksi…")
        actor = User.objects.get(pk=actor_id)
        try:
            outcome = employee_import_apply(
                actor=actor,
                content=import_file.read_bytes(),
                file_name=import_file.file_name,
                expected_sha256=import_file.sha256,
                job=Job.objects.get(pk=job_id),
            )
        except ImportRejected as refusal:
            rejected = refusal
    if rejected is not None:
        job_fail(job_id=job_id, error=rejected.message)
        return {"applied": False, "error_count": len(rejected.report.errors)}
    counts = asdict(outcome.counts)
    result = {
        "applied": True,
        "total_rows": outcome.total_rows,
        "counts": counts,
        "file": file,
        "validation_job_id": validation_job_id,
    }
    if outcome.counts.changes:
        message = (
            f"Tersimpan: {counts['employees_created']:,} pegawai baru, "
            f"{counts['employees_updated']:,} diperbarui, {counts['positions_created']:,} "
            f"jabatan baru, {counts['assignments_created']:,} penugasan baru."
        ).replace(",", ".")
    else:
        message = "Tidak ada perubahan: semua data di berkas sudah sama dengan yang tersimpan."
    job_succeed(
        job_id=job_id,
        message=message,
        result_url=reverse("people_import:result", kwargs={"job_id": job_id}),
        result=result,
    )
    return result
