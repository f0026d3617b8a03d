"""Training-needs analysis per agency (`/pengembangan/analisis/`): pick an agency (an Admin OPD
goes straight to their own), then the agency's competencies most needed (table, bar chart) and
the people behind on JP this year (paginated). `?format=xlsx|csv` downloads the needs table,
`&tabel=jp` the people behind on JP; each download is audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import managed_agency_id
from kinerja.core.charts import bar_chart_svg
from kinerja.core.exports import FORMAT_PARAM, export_format, table_file
from kinerja.learning.needs_export import training_needs_download_record
from kinerja.learning.rules import JP_TARGET
from kinerja.learning.selectors.needs import (
    BEHIND_HEADER,
    EXPORT_HEADER,
    NeedsScope,
    behind_export_rows,
    jp_behind_for_agency,
    needs_agency_get_for_actor,
    needs_agency_list_for_actor,
    needs_export_rows,
    needs_scope,
    plan_state_label,
    staff_count,
    training_needs_for_agency,
)
from kinerja.organization.models import Agency

PAGE_SIZE = 25
CHART_NEEDS = 10
TABLE_PARAM = "tabel"


@require_GET
def needs_index(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    agencies = needs_agency_list_for_actor(actor=actor)
    own = managed_agency_id(actor)
    if own is not None:
        return redirect("learning:needs_agency", agency_id=own)
    rows = [
        {"name": a.name, "url": reverse("learning:needs_agency", kwargs={"agency_id": a.pk})}
        for a in agencies
    ]
    return render(request, "learning/needs/index.html", {"rows": rows})


def _export(request: HttpRequest, agency: Agency, scope: NeedsScope) -> HttpResponse:
    try:
        file_format = export_format(request.GET.get(FORMAT_PARAM))
    except ValidationError:
        raise Http404 from None
    table = "jp" if request.GET.get(TABLE_PARAM) == "jp" else "kebutuhan"
    header: tuple[str, ...]
    if table == "jp":
        header, rows = BEHIND_HEADER, behind_export_rows(jp_behind_for_agency(scope=scope))
        stem, title, widths = f"pegawai-kurang-jp-{scope.year}", "Pegawai kurang JP", {"A": 36}
    else:
        header, rows = EXPORT_HEADER, needs_export_rows(training_needs_for_agency(scope=scope))
        stem, title, widths = f"kebutuhan-pelatihan-{scope.year}", "Kebutuhan pelatihan", {"A": 40}
    export = table_file(
        header=header,
        rows=rows,
        file_format=file_format,
        file_stem=f"{stem}-{agency.pk}",
        sheet_title=title,
        widths=widths,
    )
    training_needs_download_record(
        actor=request_actor(request),
        agency=agency,
        table=table,
        file_format=file_format,
        rows=export.rows,
        year=scope.year,
    )
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _behind_rows(employees: Any) -> list[dict[str, Any]]:
    return [
        {
            "name": e.full_name,
            "nip": e.nip,
            "post": e.post_name or "—",
            "jp": e.jp,
            "plan_state": e.plan_state,
            "plan_label": plan_state_label(e.plan_state),
        }
        for e in employees
    ]


@require_GET
def needs_agency(request: HttpRequest, agency_id: int) -> HttpResponse:
    actor = request_actor(request)
    agency = needs_agency_get_for_actor(actor=actor, agency_id=agency_id)
    scope = needs_scope(agency=agency)
    if FORMAT_PARAM in request.GET:
        return _export(request, agency, scope)
    needs = training_needs_for_agency(scope=scope)
    page = Paginator(jp_behind_for_agency(scope=scope), PAGE_SIZE).get_page(
        request.GET.get("halaman")
    )
    shown = needs[:CHART_NEEDS]
    context = {
        "agency": agency,
        "scope": scope,
        "needs": needs,
        "page": page,
        "rows": _behind_rows(page.object_list),
        "query": "",
        "staff": staff_count(scope=scope),
        "jp_target": JP_TARGET,
        "may_pick": managed_agency_id(actor) is None,
        "chart": bar_chart_svg(
            title="Kompetensi paling dibutuhkan",
            labels=[r.name for r in shown],
            values=[r.total for r in shown],
            series_name="Jumlah kebutuhan",
            horizontal=True,
        )
        if shown
        else None,
        "chart_data": [(r.name, r.total) for r in shown],
    }
    return render(request, "learning/needs/agency.html", context)
