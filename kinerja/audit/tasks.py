"""Background task: verify the whole audit chain with a progress bar."""

from __future__ import annotations

from django.urls import reverse
from django_tasks import task

from kinerja.audit.chain import chain_verify
from kinerja.core.jobs import Origin, job_running, job_succeed
from kinerja.scoring.formatting import format_decimal


@task()
def audit_verify_task(job_id: str, origin: Origin | None = None) -> dict[str, object]:
    with job_running(job_id, origin) as progress:
        progress(1, "Memulai verifikasi…")

        def checked(done: int, total: int) -> None:
            progress.count(done, total, "peristiwa diperiksa")

        result = chain_verify(checked)
    if result.ok:
        message = f"Rantai utuh: {format_decimal(result.checked, 0)} peristiwa cocok."
    else:
        message = f"Rantai RUSAK pada peristiwa #{result.first_bad_id}: {result.reason}."
    summary: dict[str, object] = {
        "ok": result.ok,
        "checked": result.checked,
        "first_bad_id": result.first_bad_id,
        "reason": result.reason,
    }
    job_succeed(
        job_id=job_id, message=message, result_url=reverse("audit:event_list"), result=summary
    )
    return summary
