"""Objection statistics per agency (/keberatan/statistik/), for Admin BKPSDM and Pimpinan:
the page, and the same per-agency table as CSV or XLSX (`?format=csv|xlsx`).

Query: `periode` (a period id; empty: every period), `perangkat` (an agency id whose units
are broken down). An id that is not a number is a 404, like an unknown one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.appeals.selectors.statistics import (
    EXPORT_HEADER,
    ObjectionStatistics,
    objection_statistics_for_actor,
    statistics_export_rows,
)
from kinerja.core.charts import bar_chart_svg
from kinerja.core.exports import FORMAT_PARAM, export_format, table_file
from kinerja.core.params import id_param

PERIOD_PARAM = "periode"
AGENCY_PARAM = "perangkat"
CHART_AGENCIES = 12


def _id(request: HttpRequest, name: str, label: str) -> int | None:
    try:
        return id_param(request.GET.get(name), label=label)
    except ValidationError:
        raise Http404 from None


def _query(found: ObjectionStatistics) -> str:
    parts = []
    if found.period is not None:
        parts.append(f"{PERIOD_PARAM}={found.period.pk}")
    if found.agency is not None:
        parts.append(f"{AGENCY_PARAM}={found.agency.pk}")
    return "&".join(parts)


def _export(request: HttpRequest, found: ObjectionStatistics) -> HttpResponse:
    try:
        file_format = export_format(request.GET.get(FORMAT_PARAM))
    except ValidationError:
        raise Http404 from None
    stem = "statistik-keberatan" + (f"-{found.period.year}" if found.period else "")
    export = table_file(
        header=EXPORT_HEADER,
        rows=statistics_export_rows(found),
        file_format=file_format,
        file_stem=stem,
        sheet_title="Statistik keberatan",
        widths={"A": 40, "H": 18},
    )
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def objection_statistics(request: HttpRequest) -> HttpResponse:
    found = objection_statistics_for_actor(
        actor=request_actor(request),
        period_id=_id(request, PERIOD_PARAM, "Periode"),
        agency_id=_id(request, AGENCY_PARAM, "Perangkat daerah"),
    )
    if FORMAT_PARAM in request.GET:
        return _export(request, found)
    shown = found.by_agency[:CHART_AGENCIES]
    query = _query(found)
    context = {
        "stats": found,
        "action": reverse("appeals:objection_statistics"),
        "query": query,
        "export_base": f"?{query + '&' if query else ''}{FORMAT_PARAM}=",
        "chart": bar_chart_svg(
            title="Keberatan diajukan per perangkat daerah",
            labels=[row.label for row in shown],
            values=[row.filed for row in shown],
            series_name="Diajukan",
        )
        if shown
        else None,
        "chart_data": [(row.label, row.filed) for row in shown],
    }
    return render(request, "appeals/statistics/statistics.html", context)
