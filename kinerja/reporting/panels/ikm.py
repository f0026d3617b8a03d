"""Citizen satisfaction (IKM): the SKM responses of the period's year per unit, so that any
scope's IKM and grade (mutu) come from pooled answers by the surveys app's own rule
(`kinerja.surveys.aggregation.Totals.ikm`, i.e. `kinerja.scoring.ikm.ikm_from_totals`), never
a mean of the units' IKMs. A response counts in the unit of its service unit.

Categories: `RESPONSES` (respondents: responses with at least one answer) and one per element
`U1`..`U9` (count = answers, amount = their sum). The trend compares the scope's IKM of the
earlier real periods (`with_history`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.safestring import SafeString

from kinerja.core.charts import line_chart_svg
from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.charts import hbar_svg
from kinerja.reporting.models import Panel
from kinerja.reporting.panels.base import (
    Cell,
    Counts,
    Figure,
    PanelData,
    PanelSpec,
    PanelView,
    Row,
    cell_link,
)
from kinerja.reporting.panels.common import count_cell, decimal_cell, total_row
from kinerja.scoring.formatting import format_decimal
from kinerja.scoring.ikm import Element, IkmResult
from kinerja.surveys.aggregation import Totals

RESPONSES = "RESPONSES"
ANCHOR = "ikm"
COLUMNS = ("Responden", "IKM", "Mutu", "Tren dari tahun sebelumnya")


def compute(period: PerformancePeriod) -> list[Figure]:
    from kinerja.surveys.aggregation import totals_by_keys
    from kinerja.surveys.models import SurveyResponse

    responses = SurveyResponse.objects.filter(survey_date__year=period.year)
    grouped = totals_by_keys(responses, "service_unit__unit__agency_id", "service_unit__unit_id")
    figures: list[Figure] = []
    for (agency, unit), totals in grouped.items():
        if totals.respondents:
            figures.append(Figure(agency, unit, RESPONSES, totals.respondents))
        for element in Element:
            answers = totals.counts.get(element, 0)
            if answers:
                amount = Decimal(totals.sums.get(element, 0))
                figures.append(Figure(agency, unit, element.value, answers, amount))
    return figures


def totals_from(counts: Counts) -> Totals:
    """The surveys app's totals back from a scope's or a child's summary rows."""
    empty = Decimal(0)
    return Totals(
        respondents=counts[RESPONSES].count if RESPONSES in counts else 0,
        sums={e: int(counts[e.value].amount if e.value in counts else empty) for e in Element},
        counts={e: counts[e.value].count if e.value in counts else 0 for e in Element},
    )


def result_of(counts: Counts) -> IkmResult | None:
    """The IKM and grade of these rows by the surveys rule; None without enough answers (no
    respondent, or an element nobody answered: the surveys reports then show no figure)."""
    return totals_from(counts).ikm()


def grade_text(result: IkmResult | None) -> str:
    return "-" if result is None else f"{result.grade} ({result.label})"


def _cells(
    counts: Counts, url: str, history: Sequence[tuple[str, Counts]] = ()
) -> tuple[Cell, ...]:
    result = result_of(counts)
    respondents = counts[RESPONSES].count if RESPONSES in counts else 0
    return (
        count_cell(respondents, url, ANCHOR),
        decimal_cell(None if result is None else result.value, url, ANCHOR),
        Cell(text=grade_text(result), url=cell_link(url, ANCHOR)),
        trend_cell(points_of(history), url),
    )


def points_of(history: Sequence[tuple[str, Counts]]) -> list[tuple[str, Decimal]]:
    """(year, IKM) of the periods of a history that have an IKM, oldest first."""
    points = []
    for label, counts in history:
        result = result_of(counts)
        if result is not None:
            points.append((label, result.value))
    return points


def trend_points(data: PanelData) -> list[tuple[str, Decimal]]:
    """(year, IKM) of the scope in the periods of `data.history` that have an IKM."""
    return points_of(data.history)


def trend_cell(points: Sequence[tuple[str, Decimal]], url: str) -> Cell:
    """The change of IKM between the last two years with one ("naik 0,63 sejak 2025")."""
    if len(points) < 2:
        return Cell(text="-")
    (before_label, before), (_, now) = points[-2], points[-1]
    change = now - before
    if change > 0:
        text = f"naik {format_decimal(change, 2)} sejak {before_label}"
    elif change < 0:
        text = f"turun {format_decimal(-change, 2)} sejak {before_label}"
    else:
        text = f"tetap sejak {before_label}"
    return Cell(text=text, url=cell_link(url, ANCHOR), value=change)


def trend_text(points: Sequence[tuple[str, Decimal]]) -> str:
    """ "IKM naik 2,31 poin dari 80,00 (2025) menjadi 82,31 (2026)." from the last two years."""
    if len(points) < 2:
        return ""
    (before_label, before), (now_label, now) = points[-2], points[-1]
    change = now - before
    if change > 0:
        verb = f"naik {format_decimal(change, 2)} poin"
    elif change < 0:
        verb = f"turun {format_decimal(-change, 2)} poin"
    else:
        verb = "tetap"
    return (
        f"IKM {verb} dari {format_decimal(before, 2)} ({before_label}) menjadi "
        f"{format_decimal(now, 2)} ({now_label})."
    )


def _line(points: Sequence[tuple[str, Decimal]]) -> SafeString | str:
    if len(points) < 2:
        return ""
    return line_chart_svg(
        title="IKM per tahun",
        labels=[label for label, _ in points],
        values=[value for _, value in points],
        series_name="IKM",
        value_range=(25, 100),
    )


def present(data: PanelData) -> PanelView:
    rows = tuple(
        Row(
            label=child.label,
            url=child.url,
            cells=_cells(
                data.by_child[child.key], child.url, data.history_by_child.get(child.key, ())
            ),
        )
        for child in data.children
        if child.key in data.by_child and RESPONSES in data.by_child[child.key]
    )
    total = result_of(data.total)
    points = trend_points(data)
    trend = trend_text(points)
    bar_svg = _bars(rows) if len(rows) > 1 else ""
    line_svg = _line(points)
    if bar_svg:
        chart: SafeString | str = bar_svg
        summary = (
            f"IKM tiap {'perangkat daerah' if data.level == 'city' else 'unit kerja'}; "
            f"IKM seluruhnya {format_decimal(total.value, 2)}, mutu {grade_text(total)}."
            if total is not None
            else ""
        )
    else:
        chart = line_svg
        summary = (
            f"IKM per tahun dari {points[0][0]} sampai {points[-1][0]}. {trend}" if line_svg else ""
        )
    notes: list[str] = []
    if trend and bar_svg:
        notes.append(f"Tren: {trend}")
    elif not trend and rows:
        notes.append("Tren: belum ada IKM tahun sebelumnya untuk dibandingkan.")
    return PanelView(
        panel=Panel.IKM,
        title="Indeks Kepuasan Masyarakat",
        lede="IKM dari jawaban SKM tahun periode ini, dihitung dari gabungan jawaban unit "
        "layanan (PermenPANRB 14/2017); mutu A-D. Tanpa angka bila ada unsur yang belum "
        "dijawab.",
        columns=COLUMNS,
        rows=rows,
        total=total_row(_cells(data.total, "", data.history)) if rows else None,
        chart_svg=chart,
        chart_summary=summary,
        notes=tuple(notes),
    )


def _bars(rows: Sequence[Row]) -> SafeString | str:
    """A bar per child that has an IKM."""
    shown = [(row.label, row.cells[1].value) for row in rows if row.cells[1].value is not None]
    if not shown:
        return ""
    return hbar_svg(
        title="IKM",
        labels=[label for label, _ in shown],
        values=[Decimal(value) for _, value in shown],
        texts=[format_decimal(Decimal(value), 2) for _, value in shown],
        maximum=100,
    )


SPEC = PanelSpec(panel=Panel.IKM, compute=compute, present=present, with_history=True)
