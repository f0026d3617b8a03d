"""Background jobs of learning: the catalogue import.

`training_courses_import_start` authorises, keeps the upload privately (the employee import's
storage) and enqueues `training_courses_import_task`, which reports progress to the Job and
leaves the report in `Job.result` (the same keys as the employee import's, so the same error
table shows it). The file is deleted when the task ends.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.urls import reverse
from django_tasks import task

from kinerja.accounts.actors import Actor
from kinerja.accounts.models import User
from kinerja.accounts.permissions import require
from kinerja.core.jobs import Origin, job_create, job_running, job_start, job_succeed
from kinerja.core.models import Job
from kinerja.learning.catalogue_import import CourseImportRejected, training_courses_apply
from kinerja.learning.permissions import NOT_CATALOGUE_MANAGER, can_manage_catalogue
from kinerja.people.imports import (
    ImportFile,
    ImportFileError,
    import_file_problem,
    import_file_store,
)
from kinerja.people.imports.report import unreadable_result
from kinerja.scoring.formatting import format_decimal

TRAINING_COURSES_IMPORT_KIND = "training_courses.import"


def training_courses_import_start(*, actor: Actor, file: File[bytes]) -> Job:
    """Keep the uploaded XLSX/CSV privately and import it in the background; returns the Job.
    403 unless Admin BKPSDM; a file with a wrong name or size is refused on `file` before it is
    kept."""
    require(can_manage_catalogue(actor), NOT_CATALOGUE_MANAGER)
    assert actor is not None
    name = file.name or ""
    problem = import_file_problem(file_name=name, size=int(file.size or 0))
    if problem:
        raise ValidationError({"file": [problem]})
    job = job_create(
        owner=actor, kind=TRAINING_COURSES_IMPORT_KIND, title=f"Impor katalog pelatihan {name}"
    )
    file.seek(0)
    stored = import_file_store(chunks=file.chunks(), file_name=name, stored_name=str(job.pk))
    return job_start(
        job=job, task=training_courses_import_task, actor_id=actor.pk, file=asdict(stored)
    )


def _count(number: int) -> str:
    return format_decimal(number, 0)


@task()
def training_courses_import_task(
    job_id: str, origin: Origin, actor_id: int, file: dict[str, Any]
) -> dict[str, Any]:
    import_file = ImportFile(**file)
    try:
        with job_running(job_id, origin) as progress:
            progress(1, "Membaca berkas…")
            actor = User.objects.get(pk=actor_id)
            try:
                report = training_courses_apply(
                    actor=actor,
                    content=import_file.read_bytes(),
                    file_name=import_file.file_name,
                    sha256=import_file.sha256,
                )
                result = report.as_result(file=import_file)
            except CourseImportRejected as rejected:
                result = rejected.report.as_result(file=import_file)
            except ImportFileError as unreadable:
                result = unreadable_result(file=import_file, reason=str(unreadable))
    finally:
        import_file.delete()
    if result["clean"]:
        counts = result["counts"]
        message = (
            f"Tersimpan: {_count(counts['created'])} pelatihan baru dan "
            f"{_count(counts['updated'])} pelatihan diperbarui."
        )
    else:
        message = (
            f"Ditemukan {_count(result['error_count'])} kesalahan pada "
            f"{_count(result['error_rows'])} baris; tidak ada yang disimpan."
        )
    job_succeed(
        job_id=job_id,
        message=message,
        result_url=reverse("learning:course_import_job", kwargs={"job_id": job_id}),
        result=result,
    )
    return {"clean": result["clean"], "error_count": result["error_count"]}
