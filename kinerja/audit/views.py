"""Inspektorat's audit trail page: filters, pagination, daily chart, chain verification."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from kinerja.audit.forms import AuditFilterForm
from kinerja.audit.selectors import audit_daily_counts_for_auditor, audit_event_list_for_auditor
from kinerja.audit.services import audit_verification_start
from kinerja.core.charts import bar_chart_svg
from kinerja.core.rendering import render_page_or_fragment
from kinerja.scoring.formatting import format_date_id

PAGE_SIZE = 50


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    events = audit_event_list_for_auditor(actor=request.user, filters=form.to_filters())
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("halaman"))
    query = request.GET.copy()
    query.pop("halaman", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    if not getattr(request, "htmx", False):
        daily = audit_daily_counts_for_auditor(actor=request.user)
        context["chart_data"] = [(format_date_id(day), n) for day, n in daily]
        context["chart"] = bar_chart_svg(
            title="Peristiwa audit per hari (14 hari terakhir)",
            labels=[day.strftime("%d/%m") for day, _ in daily],
            values=[n for _, n in daily],
            series_name="Peristiwa",
        )
    return render_page_or_fragment(
        request,
        page="audit/event_list.html",
        fragment="audit/_event_table_part.html",
        context=context,
    )


@require_POST
def verification_start(request: HttpRequest) -> HttpResponse:
    job = audit_verification_start(actor=request.user)
    messages.info(request, "Verifikasi rantai audit dimulai; kemajuan tampil di bawah ini.")
    return redirect("core:job_progress", job_id=job.pk)
