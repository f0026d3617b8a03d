"""The summary refresh: every panel's `compute` and every ranking's, written in one
transaction that replaces the period's rows (`summary_refresh`); started on demand as a job
(`summary_refresh_start`) or by the periodic task for the periods still in progress."""

from __future__ import annotations

import time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import refuse
from kinerja.audit.services import audit_record
from kinerja.core.jobs import Progress, job_create, job_start, progress_ignore
from kinerja.core.models import Job
from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import RankedItem, SummaryRefresh, UnitFigure
from kinerja.reporting.panels.base import Figure
from kinerja.reporting.panels.registry import PANELS, RANKINGS
from kinerja.reporting.permissions import summary_refresh_refusal

REFRESH_KIND = "reporting.refresh"
TRIAL_REFUSAL = (
    "Periode uji coba tidak masuk dasbor: hasilnya tidak dihitung. Pilih periode penilaian resmi."
)


def _period_checked(period: PerformancePeriod) -> None:
    if period.is_trial:
        raise ValidationError({"periode": [TRIAL_REFUSAL]})


def summary_refresh(
    *, actor: Actor, period: PerformancePeriod, progress: Progress = progress_ignore
) -> SummaryRefresh:
    """Recompute the period's summary rows (panels and rankings) and replace the stored ones
    in one transaction, so a page reads either the old or the new summary, never half."""
    refuse(summary_refresh_refusal(actor))
    _period_checked(period)
    started = time.monotonic()
    figures: list[UnitFigure] = []
    steps = len(PANELS) + len(RANKINGS)
    computed: dict[str, list[Figure]] = {}
    for done, spec in enumerate(PANELS):
        progress.count(done, steps, f"Menghitung {spec.panel.label}")
        computed[spec.panel] = spec.compute(period)
        figures.extend(
            UnitFigure(
                period=period,
                agency_id=f.agency_id,
                unit_id=f.unit_id,
                panel=spec.panel,
                category=f.category,
                count=f.count,
                amount=f.amount,
            )
            for f in computed[spec.panel]
        )
    ranked: list[RankedItem] = []
    for done, ranking in enumerate(RANKINGS, start=len(PANELS)):
        progress.count(done, steps, "Menyusun peringkat")
        ranked.extend(
            RankedItem(
                period=period,
                ranking=ranking.ranking,
                agency_id=r.agency_id,
                unit_id=r.unit_id,
                position=r.position,
                label=r.label[:500],
                detail=r.detail[:500],
                value=r.value,
                count=r.count,
                target_id=r.target_id,
            )
            for r in ranking.compute(period, computed)
        )
    with transaction.atomic():
        UnitFigure.objects.filter(period=period).delete()
        RankedItem.objects.filter(period=period).delete()
        UnitFigure.objects.bulk_create(figures, batch_size=2000)
        RankedItem.objects.bulk_create(ranked, batch_size=2000)
        seconds = Decimal(f"{time.monotonic() - started:.2f}")
        record, _ = SummaryRefresh.objects.update_or_create(
            period=period,
            defaults={
                "refreshed_at": timezone.now(),
                "seconds": seconds,
                "figures": len(figures),
                "ranked": len(ranked),
            },
        )
        audit_record(
            actor=actor,
            action="dashboard_summary.refreshed",
            obj=period,
            after={"figures": len(figures), "ranked": len(ranked), "seconds": str(seconds)},
        )
    return record


def summary_refresh_start(*, actor: Actor, period: PerformancePeriod) -> Job:
    """Authorise and enqueue a refresh of the period's summary; returns the Job the page
    follows."""
    refuse(summary_refresh_refusal(actor))
    _period_checked(period)
    job = job_create(
        owner=actor,
        kind=REFRESH_KIND,
        title=f"Pembaruan ringkasan dasbor {period.name}",
        result={"period_id": period.pk},
    )
    from kinerja.reporting.tasks import summary_refresh_task

    return job_start(
        job=job,
        task=summary_refresh_task,
        actor_id=actor.pk if actor else None,
        period_id=period.pk,
    )


def periods_to_refresh() -> list[PerformancePeriod]:
    """The real periods whose figures still move (not closed), and any real period never
    summarised."""
    from kinerja.periods.models import PeriodState

    summarised = set(SummaryRefresh.objects.values_list("period_id", flat=True))
    return [
        period
        for period in PerformancePeriod.objects.filter(is_trial=False).order_by("year")
        if period.state != PeriodState.CLOSED or period.pk not in summarised
    ]
