"""Paper survey import: upload, job progress with the row-level report, template.

The pages are for whoever may import the unit's paper surveys (`permissions.can_import_paper`:
the unit's staff and the Admin OPD of its agency, and Admin BKPSDM); an unknown unit is a 404,
anyone else gets 403. A job page belongs to the person who uploaded the file and to the unit
it was started for: to anyone else, or under another unit's address, it does not exist (404).
"""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.core.exports import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from kinerja.core.models import Job
from kinerja.core.rendering import render_page_or_fragment
from kinerja.core.selectors import job_get_for_actor
from kinerja.organization.models import ServiceUnit
from kinerja.people.imports import (
    MAX_ROWS,
    MAX_STORED_ERRORS,
    import_errors_csv,
)
from kinerja.people.imports.upload import ImportUploadForm, upload_too_large
from kinerja.scoring.formatting import format_decimal
from kinerja.surveys.models import Service
from kinerja.surveys.paper_import import (
    PAPER_IMPORT_KIND,
    PAPER_IMPORT_REFUSED,
    paper_columns,
    paper_import_start,
    paper_import_template_xlsx,
)
from kinerja.surveys.permissions import can_import_paper
from kinerja.surveys.selectors import service_unit_get_for_actor


def _importable_unit(request: HttpRequest, slug: str) -> ServiceUnit:
    """The unit of the URL, if the actor may import its paper surveys (404 / 403 otherwise)."""
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    require(can_import_paper(actor, unit), PAPER_IMPORT_REFUSED)
    return unit


def _service_names(unit: ServiceUnit) -> list[str]:
    return list(
        Service.objects.filter(service_unit=unit, is_active=True)
        .order_by("position", "name")
        .values_list("name", flat=True)
    )


def _upload_page(
    request: HttpRequest, unit: ServiceUnit, form: ImportUploadForm, status: int, refusal: str = ""
) -> HttpResponse:
    context = {
        "unit": unit,
        "form": form,
        "refusal": refusal,
        "columns": paper_columns(services=_service_names(unit), today=timezone.localdate()),
        "max_rows": format_decimal(MAX_ROWS, 0),
        "unit_url": reverse("surveys:unit_report", kwargs={"slug": unit.slug}),
    }
    return render(request, "surveys/paper_import.html", context, status=status)


@require_http_methods(["GET", "POST"])
def paper_import(request: HttpRequest, slug: str) -> HttpResponse:
    unit = _importable_unit(request, slug)
    if problem := upload_too_large(request):
        return _upload_page(request, unit, ImportUploadForm(), 400, refusal=problem)
    posted = request.method == "POST"
    form = ImportUploadForm(request.POST, request.FILES) if posted else ImportUploadForm()
    if posted and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        job = paper_import_start(
            actor=request_actor(request),
            service_unit=unit,
            content=berkas.chunks(),
            file_name=berkas.name,
        )
        return redirect("surveys:paper_import_job", slug=unit.slug, job_id=job.pk)
    return _upload_page(request, unit, form, 400 if form.is_bound else 200)


def _own_job(request: HttpRequest, slug: str, job_id: UUID) -> tuple[ServiceUnit, Job]:
    unit = _importable_unit(request, slug)
    job = job_get_for_actor(actor=request_actor(request), job_id=job_id)
    if job.kind != PAPER_IMPORT_KIND or (job.result or {}).get("service_unit_id") != unit.pk:
        raise Http404
    return unit, job


@require_GET
@never_cache
def paper_import_job(request: HttpRequest, slug: str, job_id: UUID) -> HttpResponse:
    unit, job = _own_job(request, slug, job_id)
    context = {
        "unit": unit,
        "job": job,
        "report": job.result or {},
        "max_errors": MAX_STORED_ERRORS,
        "unit_url": reverse("surveys:unit_report", kwargs={"slug": unit.slug}),
    }
    return render_page_or_fragment(
        request,
        page="surveys/paper_import_job.html",
        fragment="surveys/_paper_import_job_part.html",
        context=context,
    )


def _download(content: bytes, content_type: str, file_name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


@require_GET
def paper_import_errors(request: HttpRequest, slug: str, job_id: UUID) -> HttpResponse:
    _unit, job = _own_job(request, slug, job_id)
    errors = (job.result or {}).get("errors", [])
    return _download(
        import_errors_csv(errors=errors), CSV_CONTENT_TYPE, "kesalahan-impor-survei-kertas.csv"
    )


@require_GET
def paper_template(request: HttpRequest, slug: str) -> HttpResponse:
    unit = _importable_unit(request, slug)
    content = paper_import_template_xlsx(services=_service_names(unit), today=timezone.localdate())
    return _download(content, XLSX_CONTENT_TYPE, f"templat-survei-kertas-{unit.slug}.xlsx")
