"""Background tasks of the 360° round: the roster sync job and the daily closing of rounds
past their due date."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_tasks import task

from kinerja.accounts.models import User
from kinerja.assessment.models import ReviewCycle
from kinerja.assessment.services.cycles import cycles_close_due
from kinerja.assessment.services.roster import RosterReport, cycle_roster_sync
from kinerja.core.jobs import Origin, job_fail, job_running, job_succeed
from kinerja.people.holdings import today
from kinerja.scoring.formatting import format_decimal


@task()
def cycles_close_due_task() -> int:
    """Close the rounds whose due date has passed (idempotent)."""
    return cycles_close_due(day=today())


@task()
def cycle_roster_sync_task(
    job_id: str, origin: Origin, actor_id: int | None, cycle_id: int
) -> dict[str, Any]:
    """The roster sync job (`services.roster.cycle_roster_sync_start`)."""
    refusal = ""
    with job_running(job_id, origin) as progress:
        progress(1, "Menyiapkan sinkron daftar penilai…")
        actor = User.objects.filter(pk=actor_id).first() if actor_id else None
        cycle = ReviewCycle.objects.get(pk=cycle_id)
        try:
            report = cycle_roster_sync(actor=actor, cycle=cycle, progress=progress)
        except (PermissionDenied, ValidationError) as refused:
            refusal = (
                " ".join(refused.messages) if isinstance(refused, ValidationError) else str(refused)
            )
    if refusal:
        job_fail(job_id=job_id, error=refusal, result={"cycle_id": cycle_id})
        return {"synced": False}
    result = {"cycle_id": cycle_id, **report.as_dict()}
    job_succeed(
        job_id=job_id,
        message=sync_message(report),
        result_url=reverse("assessment:cycle_detail", args=[cycle_id]),
        result=result,
    )
    return result


def sync_message(report: RosterReport) -> str:
    """The job's closing sentence."""
    return (
        f"{format_decimal(report.lists_created, 0)} daftar penilai baru dengan "
        f"{format_decimal(report.reviews_created, 0)} penilai; "
        f"{format_decimal(report.reviews_withdrawn, 0)} penilai ditarik; "
        f"{format_decimal(report.lists_left, 0)} pegawai keluar."
    )
