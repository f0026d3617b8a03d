"""A dashboard panel's table as an XLSX sheet: a title row (panel and scope), the period and
when the figures were refreshed, the heading row (the children's heading and the panel's
columns), one row per child and the total; numbers stored as numbers (`Cell.value`), every
cell through `kinerja.core.exports.xlsx_append`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.text import slugify

from kinerja.core.exports import XLSX_CONTENT_TYPE, xlsx_append, xlsx_bytes
from kinerja.reporting.panels.base import Cell, PanelView, Row
from kinerja.reporting.selectors.dashboard import Dashboard
from kinerja.scoring.formatting import format_date_id

__all__ = ["XLSX_CONTENT_TYPE", "PanelSheet", "panel_sheet_build", "panel_xlsx_bytes"]


@dataclass(frozen=True)
class PanelSheet:
    title: str
    period: str
    refreshed: str
    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    total: tuple[Any, ...] | None
    file_name: str


def _value(cell: Cell) -> Any:
    return cell.value if cell.value is not None else cell.text


def _line(row: Row) -> tuple[Any, ...]:
    return (row.label, *(_value(cell) for cell in row.cells))


def refreshed_text(dashboard: Dashboard) -> str:
    if dashboard.refreshed is None:
        return "Ringkasan periode ini belum dihitung."
    moment = timezone.localtime(dashboard.refreshed.refreshed_at)
    return f"Diperbarui {format_date_id(moment.date())}, {moment:%H.%M} WIB"


def panel_sheet_build(*, dashboard: Dashboard, view: PanelView) -> PanelSheet:
    """The sheet's values (no query); `dashboard` has a period."""
    assert dashboard.period is not None
    scope = dashboard.scope
    stem = slugify(f"dasbor {scope.title} {view.title} {dashboard.period.year}")
    return PanelSheet(
        title=f"{view.title} — {scope.title}",
        period=dashboard.period.name,
        refreshed=refreshed_text(dashboard),
        header=(dashboard.children_heading, *view.columns),
        rows=tuple(_line(row) for row in view.rows),
        total=_line(view.total) if view.total is not None else None,
        file_name=f"{stem}.xlsx",
    )


def panel_xlsx_bytes(sheet: PanelSheet) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = "Dasbor"
    xlsx_append(ws, [sheet.title])
    ws["A1"].font = Font(bold=True, size=13)
    xlsx_append(ws, [sheet.period])
    xlsx_append(ws, [sheet.refreshed])
    ws.append([])
    xlsx_append(ws, sheet.header)
    for cell in ws[5]:
        cell.font = Font(bold=True)
    for row in sheet.rows:
        xlsx_append(ws, row)
    if sheet.total is not None:
        xlsx_append(ws, sheet.total)
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
    ws.column_dimensions["A"].width = 48
    for index in range(2, len(sheet.header) + 1):
        ws.column_dimensions[get_column_letter(index)].width = 16
    return xlsx_bytes(workbook)
