"""The one-page A4 summary of an agency's dashboard for a period, rendered by WeasyPrint
(`kinerja.core.pdf`) from `reporting/pdf/summary.html` with `static/reporting/summary-print.css`:
the agency, the period, when the figures were refreshed, each panel's key figures (its total
row) and the first three lines of each top-and-bottom list. Built as plain values first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string

from kinerja.core.pdf import PDF_CONTENT_TYPE, PRINT_BASE, pdf_from_html
from kinerja.reporting.documents.xlsx import refreshed_text
from kinerja.reporting.selectors.dashboard import Dashboard

STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "reporting" / "summary-print.css"
TEMPLATE = "reporting/pdf/summary.html"
RANKED_LINES = 3
MAX_COLUMNS = 7

__all__ = ["PDF_CONTENT_TYPE", "AgencySummary", "agency_summary_build", "agency_summary_pdf"]


@dataclass(frozen=True)
class PanelFigures:
    title: str
    columns: tuple[str, ...]
    values: tuple[str, ...]


@dataclass(frozen=True)
class RankedFigures:
    title: str
    value_heading: str
    lines: tuple[tuple[str, str, str, str], ...]
    """(position, label, detail, value)."""
    empty_text: str


@dataclass(frozen=True)
class AgencySummary:
    agency: str
    period: str
    refreshed: str
    is_computed: bool
    panels: tuple[PanelFigures, ...]
    rankings: tuple[RankedFigures, ...]
    file_name: str


def agency_summary_build(*, dashboard: Dashboard) -> AgencySummary:
    """Plain values of an agency's dashboard (no query); panels without a figure are left
    out."""
    assert dashboard.period is not None
    panels = tuple(
        PanelFigures(
            title=view.title,
            columns=view.columns[:MAX_COLUMNS],
            values=tuple(cell.text for cell in view.total.cells[:MAX_COLUMNS]),
        )
        for view in dashboard.panels
        if view.total is not None and view.columns
    )
    rankings = tuple(
        RankedFigures(
            title=ranking.title,
            value_heading=ranking.spec.value_heading,
            lines=tuple(
                (str(line.position), line.label, line.detail, line.value_text)
                for line in ranking.lines[:RANKED_LINES]
            ),
            empty_text=ranking.spec.empty_text,
        )
        for ranking in dashboard.rankings
    )
    return AgencySummary(
        agency=dashboard.scope.title,
        period=dashboard.period.name,
        refreshed=refreshed_text(dashboard),
        is_computed=dashboard.refreshed is not None,
        panels=panels,
        rankings=rankings,
        file_name=f"ringkasan-dasbor-opd-{dashboard.scope.agency_id}-{dashboard.period.year}.pdf",
    )


def agency_summary_html(summary: AgencySummary) -> str:
    return render_to_string(TEMPLATE, {"summary": summary})


def agency_summary_pdf(summary: AgencySummary) -> bytes:
    return pdf_from_html(html=agency_summary_html(summary), stylesheets=[PRINT_BASE, STYLESHEET])
