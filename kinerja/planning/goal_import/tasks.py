"""The background job of the goal import: keep the upload, check it, save it if clean.

`goal_import_start` authorises, stores the file privately (the employee import's storage) and
enqueues `goal_import_task`, which reports progress to the Job and leaves the report in
`Job.result` (the same keys as the employee import's, see `GoalImportReport.as_result`). The
file is deleted when the task ends.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse
from django_tasks import task

from kinerja.accounts.models import User
from kinerja.core.jobs import Origin, job_create, job_running, job_start, job_succeed
from kinerja.core.models import Job
from kinerja.organization.models import Agency
from kinerja.people.imports import ImportFile, ImportFileError, import_file_store
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.goal_import.apply import GoalImportRejected, goal_import_apply
from kinerja.planning.goals import goal_period_refusal, require_goal_manager
from kinerja.scoring.formatting import format_decimal

GOAL_IMPORT_KIND = "goal_import.apply"


def goal_import_start(
    *,
    actor: User,
    agency: Agency,
    period: PerformancePeriod,
    content: bytes | Iterable[bytes],
    file_name: str,
) -> Job:
    """Keep the uploaded file privately and import it in the background; returns the Job."""
    require_goal_manager(actor, agency.pk)
    refusal = goal_period_refusal(period)
    if refusal:
        raise ValidationError({"period": [refusal]})
    job = job_create(
        owner=actor, kind=GOAL_IMPORT_KIND, title=f"Impor sasaran strategis {file_name}"
    )
    chunks = [content] if isinstance(content, bytes) else content
    stored = import_file_store(chunks=chunks, file_name=file_name, stored_name=str(job.pk))
    return job_start(
        job=job,
        task=goal_import_task,
        actor_id=actor.pk,
        agency_id=agency.pk,
        period_id=period.pk,
        file=asdict(stored),
    )


def _count(number: int) -> str:
    return format_decimal(number, 0)


@task()
def goal_import_task(
    job_id: str,
    origin: Origin,
    actor_id: int,
    agency_id: int,
    period_id: int,
    file: dict[str, Any],
) -> dict[str, Any]:
    import_file = ImportFile(**file)
    try:
        with job_running(job_id, origin) as progress:
            progress(1, "Membaca berkas…")
            actor = User.objects.get(pk=actor_id)
            agency = Agency.objects.get(pk=agency_id)
            period = PerformancePeriod.objects.get(pk=period_id)
            try:
                report = goal_import_apply(
                    actor=actor,
                    agency=agency,
                    period=period,
                    content=import_file.read_bytes(),
                    file_name=import_file.file_name,
                    sha256=import_file.sha256,
                )
                result = report.as_result(
                    file=import_file, agency_id=agency_id, period_id=period_id
                )
            except GoalImportRejected as rejected:
                result = rejected.report.as_result(
                    file=import_file, agency_id=agency_id, period_id=period_id
                )
            except ImportFileError as unreadable:
                result = {
                    "file": asdict(import_file),
                    "agency_id": agency_id,
                    "period_id": period_id,
                    "total_rows": 0,
                    "clean": False,
                    "error_count": 1,
                    "error_rows": 1,
                    "errors": [
                        {"row": 0, "column": "Berkas", "value": "", "reason": str(unreadable)}
                    ],
                    "errors_truncated": False,
                    "counts": {},
                }
    finally:
        import_file.delete()
    if result["clean"]:
        counts = result["counts"]
        message = (
            f"Tersimpan: {_count(counts['goals'])} sasaran strategis dengan "
            f"{_count(counts['indicators'])} indikator."
        )
    else:
        message = (
            f"Ditemukan {_count(result['error_count'])} kesalahan pada "
            f"{_count(result['error_rows'])} baris; tidak ada yang disimpan."
        )
    job_succeed(
        job_id=job_id,
        message=message,
        result_url=reverse(
            "planning:goal_import_job", kwargs={"agency_id": agency_id, "job_id": job_id}
        ),
        result=result,
    )
    return {"clean": result["clean"], "error_count": result["error_count"]}
