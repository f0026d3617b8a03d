"""Background work of the dashboards: the on-demand refresh (a Job with progress) and the
periodic refresh of the periods still in progress (`PERIODIC_TASKS`)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django_tasks import task

from kinerja.accounts.models import User
from kinerja.core.jobs import Origin, job_running, job_succeed
from kinerja.people.holdings import employee_homes_refresh
from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.services import periods_to_refresh, summary_refresh
from kinerja.scoring.formatting import format_decimal


@task()
def summary_refresh_task(
    job_id: str, origin: Origin, actor_id: int | None, period_id: int
) -> dict[str, Any]:
    with job_running(job_id, origin) as progress:
        actor = User.objects.filter(pk=actor_id).first() if actor_id else None
        period = PerformancePeriod.objects.get(pk=period_id)
        record = summary_refresh(actor=actor, period=period, progress=progress)
        result = {"period_id": period_id, "figures": record.figures, "seconds": str(record.seconds)}
        job_succeed(
            job_id=job_id,
            message=(
                f"Ringkasan {period.name} diperbarui: {format_decimal(record.figures, 0)} angka "
                f"dalam {format_decimal(record.seconds, 1)} detik."
            ),
            result_url=reverse("reporting:city") + f"?periode={period_id}",
            result=result,
        )
    return result


@task()
def summaries_refresh_task() -> list[int]:
    """Refresh every period still in progress (idempotent: a rerun recomputes the same rows).

    First re-derive every employee's stored home agency and unit (`employee_homes_refresh`,
    about a second at 100,000 employees, 0 rows when nothing drifted): a post moved to another
    unit below people's services is caught within the hour."""
    employee_homes_refresh()
    done = []
    for period in periods_to_refresh():
        summary_refresh(actor=None, period=period)
        done.append(period.pk)
    return done
