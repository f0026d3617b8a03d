"""Dashboard pages: the city (/dasbor/), an agency (/dasbor/opd/<id>/), a unit
(/dasbor/unit/<id>/), and the on-demand refresh of the summary (a job followed on the page).
People and exports are in `people_views.py` and `export_views.py`."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import can_read_all_agencies, managed_agency_id
from kinerja.core.params import id_param
from kinerja.core.rendering import render_page_or_fragment
from kinerja.core.selectors import job_get_for_actor
from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.permissions import summary_refresh_refusal
from kinerja.reporting.selectors.dashboard import Dashboard, dashboard_for_actor
from kinerja.reporting.services import REFRESH_KIND, summary_refresh_start

PERIOD_PARAM = "periode"
JOB_PARAM = "tugas"


def period_id_from(request: HttpRequest) -> int | None:
    try:
        return id_param(request.GET.get(PERIOD_PARAM, ""), label="Periode")
    except ValidationError as error:
        raise Http404(" ".join(error.messages)) from error


def _job(request: HttpRequest) -> Any:
    raw = request.GET.get(JOB_PARAM, "")
    if not raw:
        return None
    try:
        job_id = UUID(raw)
    except ValueError as error:
        raise Http404 from error
    job = job_get_for_actor(actor=request_actor(request), job_id=job_id)
    if job.kind != REFRESH_KIND:
        raise Http404
    return job


def _render(request: HttpRequest, dashboard: Dashboard) -> HttpResponse:
    actor = request_actor(request)
    job = _job(request)
    context = {
        "dashboard": dashboard,
        "can_refresh": summary_refresh_refusal(actor) is None and actor is not None,
        "job": job,
        "poll_url": f"{request.path}?{request.GET.urlencode()}" if job else "",
        "period_param": PERIOD_PARAM,
    }
    return render_page_or_fragment(
        request,
        page="reporting/dashboard.html",
        fragment="reporting/_refresh_part.html",
        context=context,
    )


@require_GET
def city(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    own = managed_agency_id(actor)
    if own is not None and not can_read_all_agencies(actor):
        url = reverse("reporting:agency", args=[own])
        query = request.GET.urlencode()
        return redirect(f"{url}?{query}" if query else url)
    dashboard = dashboard_for_actor(actor=actor, period_id=period_id_from(request))
    return _render(request, dashboard)


@require_GET
def agency(request: HttpRequest, agency_id: int) -> HttpResponse:
    dashboard = dashboard_for_actor(
        actor=request_actor(request), period_id=period_id_from(request), agency_id=agency_id
    )
    return _render(request, dashboard)


@require_GET
def unit(request: HttpRequest, unit_id: int) -> HttpResponse:
    dashboard = dashboard_for_actor(
        actor=request_actor(request), period_id=period_id_from(request), unit_id=unit_id
    )
    return _render(request, dashboard)


@require_POST
@never_cache
def refresh(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    try:
        period_id = id_param(request.POST.get(PERIOD_PARAM, ""), label="Periode")
    except ValidationError as error:
        raise Http404(" ".join(error.messages)) from error
    period = PerformancePeriod.objects.filter(pk=period_id).first() if period_id else None
    if period is None:
        raise Http404
    back = request.POST.get("kembali", "")
    if not back.startswith("/dasbor/") or "//" in back:
        back = reverse("reporting:city")
    back = back.split("?")[0]
    try:
        job = summary_refresh_start(actor=actor, period=period)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    return redirect(f"{back}?{PERIOD_PARAM}={period.pk}&{JOB_PARAM}={job.pk}")
