"""The organisation predikat (`evaluation.OrganizationRating`) of each agency for the period:
the annual rating when the agency has one, else the rating of its latest window.

One figure per rated agency with `unit` null: category = the predikat (`OrganizationPredikat`
value), count 1, amount = the window's number (0 for the annual rating).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.charts import hbar_svg
from kinerja.reporting.models import Panel
from kinerja.reporting.panels.base import (
    Cell,
    Counts,
    Figure,
    Level,
    PanelData,
    PanelSpec,
    PanelView,
    Row,
    cell_link,
)
from kinerja.reporting.panels.common import total_row
from kinerja.scoring.formatting import format_decimal
from kinerja.scoring.ratings import OrganizationPredikat

ANCHOR = "predikat-organisasi"
ANNUAL = 0


def compute(period: PerformancePeriod) -> list[Figure]:
    from kinerja.evaluation.models import OrganizationRating

    chosen: dict[int, tuple[int, str]] = {}
    for agency, number, predikat in (
        OrganizationRating.objects.filter(period=period)
        .values_list("agency_id", "window__number", "predikat")
        .order_by()
    ):
        number = number or ANNUAL
        current = chosen.get(agency)
        if current is None or (current[0] != ANNUAL and (number == ANNUAL or number > current[0])):
            chosen[agency] = (number, predikat)
    return [
        Figure(agency, None, predikat, 1, Decimal(number))
        for agency, (number, predikat) in sorted(chosen.items())
    ]


def rating_of(counts: Counts) -> OrganizationPredikat | None:
    """The agency's predikat from its figures (None when it is not rated)."""
    for category, amounts in counts.items():
        if amounts.count and category in OrganizationPredikat.__members__:
            return OrganizationPredikat(category)
    return None


def _time_text(counts: Counts) -> str:
    for category, amounts in counts.items():
        if amounts.count and category in OrganizationPredikat.__members__:
            return "Tahunan" if amounts.amount == ANNUAL else f"Evaluasi ke-{amounts.amount:.0f}"
    return "-"


def _row(label: str, url: str, counts: Counts) -> Row:
    rating = rating_of(counts)
    return Row(
        label=label,
        url=url,
        cells=(
            Cell(
                text=rating.label if rating else "Belum ditetapkan",
                url=cell_link(url, ANCHOR),
            ),
            Cell(text=_time_text(counts), url=cell_link(url, ANCHOR)),
        ),
    )


def present(data: PanelData) -> PanelView:
    rated: Counter[OrganizationPredikat] = Counter()
    if data.level == Level.CITY:
        rows = tuple(
            _row(child.label, child.url, data.by_child.get(child.key, {}))
            for child in data.children
        )
        for child in data.children:
            rating = rating_of(data.by_child.get(child.key, {}))
            if rating is not None:
                rated[rating] += 1
    else:
        # on an agency or unit page the children are units; the agency's figure is its total
        rating = rating_of(data.total)
        rows = (
            (_row(data.agency_name or "Perangkat daerah ini", "", data.total),)
            if rating is not None
            else ()
        )
        if rating is not None:
            rated[rating] += 1
    ordered = list(OrganizationPredikat)
    chart = ""
    if rated:
        chart = hbar_svg(
            title="Perangkat daerah per predikat kinerja organisasi",
            labels=[str(p.label) for p in ordered],
            values=[rated.get(p, 0) for p in ordered],
            texts=[format_decimal(rated.get(p, 0), 0) for p in ordered],
        )
    summary = ", ".join(f"{format_decimal(rated[p], 0)} {p.label}" for p in ordered if rated.get(p))
    total = None
    if data.level == Level.CITY and rows:
        count = sum(rated.values())
        total = total_row(
            [Cell(text=f"{format_decimal(count, 0)} ditetapkan", value=count), Cell(text="")]
        )
    return PanelView(
        panel=Panel.ORG_RATING,
        title="Predikat kinerja organisasi",
        lede="Predikat kinerja organisasi yang ditetapkan Pimpinan: tahunan, atau evaluasi "
        "periodik terakhir bila predikat tahunan belum ada.",
        columns=("Predikat", "Evaluasi"),
        rows=rows,
        total=total,
        chart_svg=chart,
        chart_summary=(
            f"Jumlah perangkat daerah per predikat kinerja organisasi: {summary}." if rated else ""
        ),
        label_heading="Perangkat daerah",
    )


SPEC = PanelSpec(panel=Panel.ORG_RATING, compute=compute, present=present)
