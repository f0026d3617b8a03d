"""Inspektorat's audit trail page: filters, pagination, daily chart, chain verification."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.audit.forms import AuditFilterForm
from kinerja.audit.presentation import audit_events_present
from kinerja.audit.selectors import (
    audit_action_choices,
    audit_daily_counts_for_auditor,
    audit_event_list_for_auditor,
    audit_object_type_choices,
)
from kinerja.audit.services import audit_verification_start
from kinerja.core.charts import bar_chart_svg
from kinerja.core.rendering import render_page_or_fragment
from kinerja.scoring.formatting import format_date_id

PAGE_SIZE = 50


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    form = AuditFilterForm(
        request.GET or None,
        actions=audit_action_choices(actor=actor),
        object_types=audit_object_type_choices(actor=actor),
    )
    events = audit_event_list_for_auditor(actor=actor, filters=form.to_filters())
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("halaman"))
    query = request.GET.copy()
    query.pop("halaman", None)
    context = {
        "form": form,
        "page": page,
        "events": audit_events_present(list(page.object_list)),
        "query": query.urlencode(),
    }
    if not getattr(request, "htmx", False):
        daily = audit_daily_counts_for_auditor(actor=actor)
        labels = [day.strftime("%d/%m") for day, _ in daily]
        values = [n for _, n in daily]
        context["chart_data"] = [(format_date_id(day), n) for day, n in daily]
        context["chart"] = bar_chart_svg(
            title="Peristiwa audit per hari (14 hari terakhir)",
            labels=labels,
            values=values,
            series_name="Peristiwa",
        )
        # A phone gets its own narrow chart (every other day labelled), so the text keeps its
        # size instead of shrinking with a 640-wide drawing.
        context["chart_phone"] = bar_chart_svg(
            title="Peristiwa per hari",
            labels=[label if (len(labels) - 1 - i) % 2 == 0 else ""
                    for i, label in enumerate(labels)],
            values=values,
            series_name="Peristiwa",
            width=360,
            height=260,
        )  # fmt: skip
    return render_page_or_fragment(
        request,
        page="audit/event_list.html",
        fragment="audit/_event_table_part.html",
        context=context,
    )


@require_POST
def verification_start(request: HttpRequest) -> HttpResponse:
    job = audit_verification_start(actor=request_actor(request))
    messages.info(request, "Verifikasi rantai audit dimulai; kemajuan tampil di bawah ini.")
    return redirect("core:job_progress", job_id=job.pk)
