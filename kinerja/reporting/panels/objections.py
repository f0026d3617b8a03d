"""Objections (`appeals.Objection`) to evaluations of the period and their age, in the agency
and unit the objection records (the post of the plan at filing).

The states follow `appeals.selectors.statistics`: open = FILED or EXPLAINED, decided =
ACCEPTED or REJECTED (with a decision time), withdrawn = WITHDRAWN. Days are calendar days in
Asia/Jakarta, as the deadlines are counted: an open objection's age is today minus its filing
day, a decision's length is its decision day minus its filing day.

One GROUP BY query per (agency, unit, state, filing day, decision day); the days are summed
over those groups. Categories: `FILED` (all), `OPEN` (amount = sum of days open), `OPEN_OVER_14`
(open more than 14 days), `DECIDED` (amount = sum of days to decision), `ACCEPTED`,
`REJECTED`, `WITHDRAWN`.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Panel
from kinerja.reporting.panels.base import (
    Amounts,
    Cell,
    Figure,
    Level,
    PanelData,
    PanelSpec,
    PanelView,
    Row,
)
from kinerja.reporting.panels.common import bars, count_cell, decimal_cell, total_row
from kinerja.scoring.formatting import format_decimal

FILED = "FILED"
OPEN = "OPEN"
OPEN_OVER_14 = "OPEN_OVER_14"
DECIDED = "DECIDED"
ACCEPTED = "ACCEPTED"
REJECTED = "REJECTED"
WITHDRAWN = "WITHDRAWN"
OLD_AFTER_DAYS = 14
ANCHOR = "keberatan"


def compute(period: PerformancePeriod) -> list[Figure]:
    from kinerja.appeals.models import DECIDED_STATES, OPEN_STATES, Objection, ObjectionState

    tz = timezone.get_current_timezone()
    today = timezone.localdate()
    rows = (
        Objection.objects.filter(evaluation__plan__period=period)
        .annotate(
            filed_day=TruncDate("filed_at", tzinfo=tz),
            decided_day=TruncDate("decided_at", tzinfo=tz),
        )
        .values("agency_id", "unit_id", "state", "filed_day", "decided_day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    found: dict[tuple[int, int | None], dict[str, Amounts]] = defaultdict(
        lambda: defaultdict(Amounts)
    )
    for r in rows:
        bucket = found[(r["agency_id"], r["unit_id"])]
        n, state = r["n"], r["state"]
        bucket[FILED] += Amounts(n)
        if state in OPEN_STATES:
            days = (today - r["filed_day"]).days
            bucket[OPEN] += Amounts(n, Decimal(days * n))
            if days > OLD_AFTER_DAYS:
                bucket[OPEN_OVER_14] += Amounts(n)
        elif state in DECIDED_STATES:
            bucket[ACCEPTED if state == ObjectionState.ACCEPTED else REJECTED] += Amounts(n)
            if r["decided_day"] is not None:
                days = (r["decided_day"] - r["filed_day"]).days
                bucket[DECIDED] += Amounts(n, Decimal(days * n))
        elif state == ObjectionState.WITHDRAWN:
            bucket[WITHDRAWN] += Amounts(n)
    return [
        Figure(agency, unit, category, amounts.count, amounts.amount)
        for (agency, unit), bucket in sorted(found.items(), key=lambda i: (i[0][0], i[0][1] or 0))
        for category, amounts in bucket.items()
        if amounts.count
    ]


COLUMNS = (
    "Keberatan",
    "Masih terbuka",
    "Terbuka > 14 hari",
    "Rata-rata umur terbuka (hari)",
    "Diputus",
    "Rata-rata lama putusan (hari)",
    "Dicabut",
)


def _mean(amounts: Amounts) -> Decimal | None:
    return amounts.amount / amounts.count if amounts.count else None


def _cells(data: PanelData, key: int | None, url: str, *, total: bool = False) -> list[Cell]:
    get = data.total_of if total else (lambda category: data.get(key, category))
    return [
        count_cell(get(FILED).count, url, ANCHOR),
        count_cell(get(OPEN).count, url, ANCHOR),
        count_cell(get(OPEN_OVER_14).count, url, ANCHOR),
        decimal_cell(_mean(get(OPEN)), url, ANCHOR, places=1),
        count_cell(get(DECIDED).count, url, ANCHOR),
        decimal_cell(_mean(get(DECIDED)), url, ANCHOR, places=1),
        count_cell(get(WITHDRAWN).count, url, ANCHOR),
    ]


def present(data: PanelData) -> PanelView:
    children = [child for child in data.children if data.get(child.key, FILED).count]
    rows = tuple(
        Row(label=child.label, url=child.url, cells=tuple(_cells(data, child.key, child.url)))
        for child in children
    )
    filed = data.total_of(FILED).count
    still_open = data.total_of(OPEN)
    old = data.total_of(OPEN_OVER_14).count
    where = "perangkat daerah" if data.level == Level.CITY else "unit kerja"
    return PanelView(
        panel=Panel.OBJECTIONS,
        title="Keberatan dan umurnya",
        lede="Keberatan atas hasil penilaian periode ini: yang masih terbuka dan berapa lama "
        "sudah menunggu, yang sudah diputus dan berapa lama putusannya.",
        columns=COLUMNS,
        rows=rows,
        total=total_row(_cells(data, None, "", total=True)) if rows else None,
        chart_svg=bars(
            data=data,
            title="Keberatan masih terbuka",
            series="Masih terbuka",
            values=[data.get(child.key, OPEN).count for child in data.children],
        ),
        chart_summary=(
            f"{format_decimal(filed, 0)} keberatan, {format_decimal(still_open.count, 0)} masih "
            f"terbuka ({format_decimal(old, 0)} lebih dari {OLD_AFTER_DAYS} hari); grafik "
            f"menunjukkan keberatan yang masih terbuka per {where}."
            if filed
            else ""
        ),
    )


SPEC = PanelSpec(panel=Panel.OBJECTIONS, compute=compute, present=present)
