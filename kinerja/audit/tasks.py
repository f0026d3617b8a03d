"""Background task: verify the whole audit chain with a progress bar."""

from __future__ import annotations

from django.urls import reverse
from django_tasks import task

from kinerja.audit.chain import chain_verify
from kinerja.core.jobs import job_running, job_succeed


@task()
def audit_verify_task(job_id: str) -> dict[str, object]:
    with job_running(job_id) as report:
        report(1, "Memulai verifikasi…")

        def progress(checked: int, total: int) -> None:
            percent = int(checked * 99 / total) if total else 99
            report(percent, f"{checked:,} dari {total:,} peristiwa diperiksa".replace(",", "."))

        result = chain_verify(progress)
    if result.ok:
        message = f"Rantai utuh: {result.checked:,} peristiwa cocok.".replace(",", ".")
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
