"""Indicators most often below target: per scope (the city, each agency, each unit with its
sub-units), the individual indicators (`planning.Indicator`) of the period with the most
submitted or accepted realisations whose achievement is below 100% (`scoring.achievement`'s
MEETS_FROM), top 10.

Label = the indicator's text; detail = "<employee> · <unit>"; count = times below target;
value = the mean achievement of the indicator's realisations; target = the employee (the
person page). One GROUP BY query (one row per indicator with at least one miss) and one of the
units; the ordering per scope runs over those aggregated rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db.models import Avg, Count, Q
from django.urls import reverse

from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Ranking
from kinerja.reporting.panels.base import Figure, RankedRow, RankingSpec, each
from kinerja.reporting.rankings.scopes import top_per_scope
from kinerja.scoring.achievement import MEETS_FROM


def compute(
    period: PerformancePeriod, panels: Mapping[str, list[Figure]] | None = None
) -> list[RankedRow]:
    from kinerja.monitoring.models import Realization, RealizationState
    from kinerja.organization.models import Unit

    rows = list(
        Realization.objects.filter(
            plan__period=period,
            state__in=[RealizationState.SUBMITTED, RealizationState.ACCEPTED],
            achievement__isnull=False,
        )
        .values(
            "indicator_id",
            "indicator__text",
            "plan__employee_id",
            "plan__employee__name",
            "plan__position__agency_id",
            "plan__position__agency__name",
            "plan__position__unit_id",
            "plan__position__unit__name",
        )
        .annotate(
            misses=Count("pk", filter=Q(achievement__lt=MEETS_FROM)),
            mean=Avg("achievement"),
        )
        .filter(misses__gt=0)
        .order_by()
    )
    if not rows:
        return []
    parents = dict(
        Unit.objects.filter(agency_id__in={r["plan__position__agency_id"] for r in rows})
        .values_list("id", "parent_id")
        .order_by()
    )

    def row(r: dict[str, Any]) -> dict[str, Any]:
        where = r["plan__position__unit__name"] or r["plan__position__agency__name"]
        return {
            "label": r["indicator__text"][:500],
            "detail": f"{r['plan__employee__name']} · {where}"[:500],
            "value": Decimal(r["mean"]).quantize(Decimal("0.01")),
            "count": r["misses"],
            "target_id": r["plan__employee_id"],
        }

    return top_per_scope(
        rows,
        place=lambda r: (r["plan__position__agency_id"], r["plan__position__unit_id"]),
        parent=parents,
        order=lambda r: (-r["misses"], r["mean"], r["indicator__text"], r["indicator_id"]),
        row=row,
    )


def link(target_id: int) -> str:
    return reverse("reporting:person", args=[target_id])


SPEC = RankingSpec(
    ranking=Ranking.BELOW_TARGET,
    compute=compute,
    links=each(link),
    value_heading="Rata-rata capaian (%)",
    count_heading="Kali di bawah target",
    empty_text="Belum ada realisasi yang capaiannya di bawah target.",
    help_text="Indikator kinerja individu yang paling sering capaiannya di bawah 100% pada "
    "realisasi yang diajukan atau diterima periode ini.",
)
