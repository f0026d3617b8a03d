"""The e-Kinerja/SIASN export pages: the index of an agency (group picker, counts, links) and
the file itself (CSV or XLSX). BKPSDM for every agency, an Admin OPD for their own."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.core.exports import FORMAT_PARAM, export_format
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import (
    PERIOD_PARAM,
    SCOPE_PARAM,
    scope_choices,
    scope_from_query,
)
from kinerja.evaluation.selectors.exports import (
    EKINERJA_HEADER,
    export_agency_get_for_actor,
    export_counts,
    period_code,
    trial_refusal,
)
from kinerja.evaluation.services.exports import evaluation_export_download
from kinerja.organization.models import Agency
from kinerja.periods.models import PerformancePeriod


def _index_page(
    request: HttpRequest, agency: Agency, scope: Scope | None, error: str, status: int
) -> HttpResponse:
    context: dict[str, Any] = {
        "agency": agency,
        "scope": scope,
        "error": error,
        "periods": list(PerformancePeriod.objects.order_by("-year").values_list("pk", "name")),
        "columns": EKINERJA_HEADER,
        "period_param": PERIOD_PARAM,
        "scope_param": SCOPE_PARAM,
        "format_param": FORMAT_PARAM,
    }
    if scope is not None:
        context.update(
            choices=scope_choices(scope.period),
            counts=export_counts(agency=agency, scope=scope),
            trial=trial_refusal(scope),
            period_code=period_code(scope),
            query=f"?{PERIOD_PARAM}={scope.period.pk}&{SCOPE_PARAM}={scope.param}",
        )
    return render(request, "evaluation/export/index.html", context, status=status)


@require_GET
def export_index(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = export_agency_get_for_actor(actor=request_actor(request), agency_id=agency_id)
    try:
        scope = scope_from_query(request.GET)
    except ValidationError as error:
        return _index_page(request, agency, scope_from_query({}), " ".join(error.messages), 400)
    return _index_page(request, agency, scope, "", 200)


@require_GET
def export_ekinerja(request: HttpRequest, agency_id: int) -> HttpResponse:
    actor = request_actor(request)
    agency = export_agency_get_for_actor(actor=actor, agency_id=agency_id)
    try:
        scope = scope_from_query(request.GET)
        file_format = export_format(request.GET.get(FORMAT_PARAM))
        if scope is None:
            raise ValidationError({PERIOD_PARAM: ["Belum ada periode penilaian untuk diekspor."]})
        export = evaluation_export_download(
            actor=actor, agency=agency, scope=scope, file_format=file_format
        )
    except ValidationError as error:
        fallback = None
        try:
            fallback = scope_from_query(request.GET)
        except ValidationError:
            fallback = scope_from_query({})
        return _index_page(request, agency, fallback, " ".join(error.messages), 400)
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response
