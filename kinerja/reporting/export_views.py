"""Exports of the dashboards: each panel's table as XLSX (city, agency, unit) and a one-page
PDF summary per agency. (To be built by helper H4.)"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def city_panel_xlsx(request: HttpRequest, panel: str) -> HttpResponse:
    raise Http404


def agency_panel_xlsx(request: HttpRequest, agency_id: int, panel: str) -> HttpResponse:
    raise Http404


def unit_panel_xlsx(request: HttpRequest, unit_id: int, panel: str) -> HttpResponse:
    raise Http404


def agency_pdf(request: HttpRequest, agency_id: int) -> HttpResponse:
    raise Http404
