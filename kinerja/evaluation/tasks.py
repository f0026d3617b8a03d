"""Background work of evaluation: an agency's evaluation documents as one ZIP.

`kinerja.evaluation.services.documents.evaluation_documents_start` creates the Job and
enqueues `evaluation_documents_task`, which asks the same right again (a right may be withdrawn
while the job waits), renders one PDF per rated evaluation with progress, stores the ZIP in the
"documents" storage and ends with the download address.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django_tasks import task

from kinerja.accounts.models import User
from kinerja.core.jobs import Origin, job_fail, job_running, job_succeed
from kinerja.evaluation.documents.batch import (
    documents_zip_store,
    printable_evaluations,
    stored_name,
)
from kinerja.evaluation.permissions import NOT_AGENCY_READER, can_view_agency_group
from kinerja.evaluation.rules import Scope
from kinerja.periods.models import EvaluationWindow, PerformancePeriod
from kinerja.scoring.formatting import format_decimal

DOCUMENTS_KIND = "evaluation_documents"


@task()
def evaluation_documents_task(
    job_id: str,
    origin: Origin,
    actor_id: int | None,
    agency_id: int,
    period_id: int,
    window_id: int | None,
) -> dict[str, Any]:
    refusal = ""
    with job_running(job_id, origin) as progress:
        progress(1, "Mengumpulkan penilaian…")
        actor = User.objects.filter(pk=actor_id).first() if actor_id else None
        if actor is None or not can_view_agency_group(actor, agency_id):
            refusal = NOT_AGENCY_READER
        else:
            period = PerformancePeriod.objects.get(pk=period_id)
            window = EvaluationWindow.objects.get(pk=window_id) if window_id else None
            evaluations = list(
                printable_evaluations(agency_id=agency_id, scope=Scope(period, window))
            )
            name, size = documents_zip_store(
                evaluations=evaluations, name=stored_name(job_id), progress=progress
            )
    if refusal:
        job_fail(job_id=job_id, error=refusal)
        return {"count": 0}
    result = {
        "agency_id": agency_id,
        "period_id": period_id,
        "window_id": window_id,
        "count": len(evaluations),
        "stored_name": name,
        "size": size,
    }
    job_succeed(
        job_id=job_id,
        message=f"{format_decimal(len(evaluations), 0)} dokumen penilaian siap diunduh.",
        result_url=reverse("evaluation:document_batch_download", kwargs={"job_id": job_id}),
        result=result,
    )
    return {"count": len(evaluations)}
