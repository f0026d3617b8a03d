"""The background job of the bulk preparation (`services/bulk.py`): started by
`evaluations_prepare_start`, it reports progress to its Job and leaves the counts in
`Job.result` for the page /penilaian/siapkan/."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_tasks import task

from kinerja.accounts.models import User
from kinerja.core.jobs import Origin, job_fail, job_running, job_succeed
from kinerja.evaluation.rules import ANNUAL_PARAM, Scope
from kinerja.evaluation.services.bulk import PrepareCounts, evaluations_prepare
from kinerja.organization.models import Agency
from kinerja.periods.models import EvaluationWindow, PerformancePeriod
from kinerja.scoring.formatting import format_decimal


def prepare_message(counts: PrepareCounts) -> str:
    """The job's closing sentence."""
    if not counts.plans:
        return "Tidak ada SKP yang perlu disiapkan: setiap SKP disetujui sudah punya penilaian."
    message = (
        f"{format_decimal(counts.created, 0)} penilaian disiapkan dari "
        f"{format_decimal(counts.plans, 0)} SKP yang belum punya penilaian"
    )
    if counts.skipped:
        message += f"; {format_decimal(counts.skipped, 0)} sudah dimulai di tempat lain"
    return message + "."


@task()
def evaluations_prepare_task(
    job_id: str,
    origin: Origin,
    actor_id: int | None,
    period_id: int,
    window_id: int | None,
    agency_id: int | None,
) -> dict[str, Any]:
    refusal = ""
    with job_running(job_id, origin) as progress:
        progress(1, "Mencari SKP disetujui yang belum punya penilaian…")
        actor = User.objects.filter(pk=actor_id).first() if actor_id else None
        period = PerformancePeriod.objects.get(pk=period_id)
        window = EvaluationWindow.objects.get(pk=window_id) if window_id else None
        agency = Agency.objects.get(pk=agency_id) if agency_id else None
        try:
            counts = evaluations_prepare(
                actor=actor, scope=Scope(period, window), agency=agency, progress=progress
            )
        except (PermissionDenied, ValidationError) as refused:
            refusal = (
                " ".join(refused.messages) if isinstance(refused, ValidationError) else str(refused)
            )
    ids = {"period_id": period_id, "window_id": window_id, "agency_id": agency_id}
    if refusal:
        job_fail(job_id=job_id, error=refusal, result=ids)
        return {"prepared": False}
    result = {**ids, **counts.as_dict()}
    job_succeed(
        job_id=job_id,
        message=prepare_message(counts),
        result_url=reverse("evaluation:evaluation_list")
        + f"?periode={period_id}&evaluasi={window_id or ANNUAL_PARAM}",
        result=result,
    )
    return result
