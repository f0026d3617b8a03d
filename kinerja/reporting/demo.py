"""Demo data of the dashboards: the summary of every real period, computed from the other
apps' demo data by the same refresh the job runs (derived rows: recomputing is idempotent)."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions
from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.services import summary_refresh
from kinerja.scoring.formatting import format_decimal


def demo_seed(options: DemoOptions) -> list[str]:
    lines = []
    for period in PerformancePeriod.objects.filter(is_trial=False).order_by("year"):
        record = summary_refresh(actor=None, period=period)
        lines.append(
            f"Dasbor {period.name}: {format_decimal(record.figures, 0)} angka ringkasan "
            f"({format_decimal(record.seconds, 1)} detik)."
        )
    return lines
