"""Results of one employee (/360/<cycle>/hasil/<employee>/), quality signals for BKPSDM
(/360/<cycle>/mutu/) and the export of aggregates (/360/<cycle>/ekspor/).

No query parameter changes what a page shows: every figure is a whole (relation, core value)
group of `summary.py`, so no filter can narrow a group under k."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.assessment.charts import results_chart_svg, results_chart_words
from kinerja.assessment.exports import assessment_export_download, export_cycle_get_for_actor
from kinerja.assessment.selectors.quality import quality_report_for_actor
from kinerja.assessment.selectors.results import result_page_for_actor
from kinerja.core.exports import FORMAT_PARAM, export_format


@require_GET
def results(request: HttpRequest, cycle_id: int, employee_id: int) -> HttpResponse:
    page = result_page_for_actor(
        actor=request_actor(request), cycle_id=cycle_id, employee_id=employee_id
    )
    return render(
        request,
        "assessment/results/results.html",
        {
            "page": page,
            "cycle": page.cycle,
            "employee": page.reviewer_list.employee,
            "summary": page.summary,
            "svg": results_chart_svg(page.summary),
            "chart_words": results_chart_words(page.summary),
        },
    )


@require_GET
def quality(request: HttpRequest, cycle_id: int) -> HttpResponse:
    report = quality_report_for_actor(actor=request_actor(request), cycle_id=cycle_id)
    return render(
        request, "assessment/results/quality.html", {"report": report, "cycle": report.cycle}
    )


@require_GET
def export(request: HttpRequest, cycle_id: int) -> HttpResponse:
    actor = request_actor(request)
    cycle = export_cycle_get_for_actor(actor=actor, cycle_id=cycle_id)
    try:
        file_format = export_format(request.GET.get(FORMAT_PARAM))
        found = assessment_export_download(actor=actor, cycle=cycle, file_format=file_format)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("assessment:cycle_detail", cycle_id=cycle.pk)
    response = HttpResponse(found.content, content_type=found.content_type)
    response["Content-Disposition"] = f'attachment; filename="{found.file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response
