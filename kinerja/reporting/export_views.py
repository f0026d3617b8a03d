"""Exports of the dashboards: each panel's table as XLSX (city, agency, unit) and a one-page
PDF summary per agency. The same authorisation as the pages (`dashboard_for_actor`): an Admin
OPD of another agency gets 403 here too; an unknown panel, scope or period 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.reporting.documents.pdf import (
    PDF_CONTENT_TYPE,
    agency_summary_build,
    agency_summary_pdf,
)
from kinerja.reporting.documents.xlsx import (
    XLSX_CONTENT_TYPE,
    panel_sheet_build,
    panel_xlsx_bytes,
)
from kinerja.reporting.selectors.dashboard import dashboard_for_actor, dashboard_panel_for_actor
from kinerja.reporting.views import period_id_from


def _attachment(content: bytes, content_type: str, file_name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def _panel_xlsx(request: HttpRequest, panel: str, **scope: Any) -> HttpResponse:
    dashboard, view = dashboard_panel_for_actor(
        actor=request_actor(request), panel=panel, period_id=period_id_from(request), **scope
    )
    if dashboard.period is None:
        raise Http404
    sheet = panel_sheet_build(dashboard=dashboard, view=view)
    return _attachment(panel_xlsx_bytes(sheet), XLSX_CONTENT_TYPE, sheet.file_name)


@require_GET
def city_panel_xlsx(request: HttpRequest, panel: str) -> HttpResponse:
    return _panel_xlsx(request, panel)


@require_GET
def agency_panel_xlsx(request: HttpRequest, agency_id: int, panel: str) -> HttpResponse:
    return _panel_xlsx(request, panel, agency_id=agency_id)


@require_GET
def unit_panel_xlsx(request: HttpRequest, unit_id: int, panel: str) -> HttpResponse:
    return _panel_xlsx(request, panel, unit_id=unit_id)


@require_GET
def agency_pdf(request: HttpRequest, agency_id: int) -> HttpResponse:
    dashboard = dashboard_for_actor(
        actor=request_actor(request), period_id=period_id_from(request), agency_id=agency_id
    )
    if dashboard.period is None:
        raise Http404
    summary = agency_summary_build(dashboard=dashboard)
    return _attachment(agency_summary_pdf(summary), PDF_CONTENT_TYPE, summary.file_name)
