"""Pages of the employee import: upload, preview of the check, confirm, result, downloads.

Only Admin BKPSDM and Admin OPD reach these pages (403 for everyone else). A preview or result
belongs to the person who uploaded the file: to anyone else it does not exist (404).
"""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.core.exports import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from kinerja.core.models import Job
from kinerja.core.rendering import render_page_or_fragment
from kinerja.core.selectors import job_get_for_actor
from kinerja.people.imports.access import IMPORT_REFUSED, can_import_employees
from kinerja.people.imports.columns import COLUMNS
from kinerja.people.imports.files import MAX_ROWS
from kinerja.people.imports.report import MAX_STORED_ERRORS
from kinerja.people.imports.tasks import (
    APPLY_KIND,
    VALIDATE_KIND,
    employee_import_apply_start,
    employee_import_validation_start,
)
from kinerja.people.imports.templates import (
    import_errors_csv,
    import_template_csv,
    import_template_examples,
    import_template_xlsx,
)
from kinerja.people.imports.upload import ImportUploadForm, upload_too_large
from kinerja.scoring.formatting import format_decimal


def _require_importer(request: HttpRequest) -> None:
    require(can_import_employees(request.user), IMPORT_REFUSED)


def _own_job(request: HttpRequest, job_id: UUID, kind: str) -> Job:
    job = job_get_for_actor(actor=request_actor(request), job_id=job_id)
    if job.kind != kind:
        raise Http404
    return job


def _upload_page(
    request: HttpRequest, form: ImportUploadForm, status: int, refusal: str = ""
) -> HttpResponse:
    context = {
        "form": form,
        "refusal": refusal,
        "columns": COLUMNS,
        "max_rows": format_decimal(MAX_ROWS, 0),
    }
    return render(request, "people/import_upload.html", context, status=status)


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    _require_importer(request)
    if problem := upload_too_large(request):
        return _upload_page(request, ImportUploadForm(), 400, refusal=problem)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        job = employee_import_validation_start(
            actor=request_actor(request), content=berkas.chunks(), file_name=berkas.name
        )
        return redirect("people_import:preview", job_id=job.pk)
    return _upload_page(request, form, 400 if form.is_bound else 200)


@require_GET
@never_cache
def preview(request: HttpRequest, job_id: UUID) -> HttpResponse:
    _require_importer(request)
    job = _own_job(request, job_id, VALIDATE_KIND)
    context = {"job": job, "report": job.result or {}, "max_errors": MAX_STORED_ERRORS}
    return render_page_or_fragment(
        request,
        page="people/import_preview.html",
        fragment="people/_import_preview_part.html",
        context=context,
    )


@require_POST
def apply(request: HttpRequest, job_id: UUID) -> HttpResponse:
    _require_importer(request)
    validation_job = _own_job(request, job_id, VALIDATE_KIND)
    job = employee_import_apply_start(actor=request_actor(request), validation_job=validation_job)
    return redirect("people_import:result", job_id=job.pk)


@require_GET
@never_cache
def result(request: HttpRequest, job_id: UUID) -> HttpResponse:
    _require_importer(request)
    job = _own_job(request, job_id, APPLY_KIND)
    return render_page_or_fragment(
        request,
        page="people/import_result.html",
        fragment="people/_import_result_part.html",
        context={"job": job, "outcome": job.result or {}},
    )


def _download(content: bytes, content_type: str, file_name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


@require_GET
def errors_csv(request: HttpRequest, job_id: UUID) -> HttpResponse:
    _require_importer(request)
    job = _own_job(request, job_id, VALIDATE_KIND)
    errors = (job.result or {}).get("errors", [])
    return _download(import_errors_csv(errors=errors), CSV_CONTENT_TYPE, "kesalahan-impor.csv")


@require_GET
def template_xlsx(request: HttpRequest) -> HttpResponse:
    _require_importer(request)
    content = import_template_xlsx(examples=import_template_examples(actor=request_actor(request)))
    return _download(content, XLSX_CONTENT_TYPE, "templat-impor-pegawai.xlsx")


@require_GET
def template_csv(request: HttpRequest) -> HttpResponse:
    _require_importer(request)
    return _download(import_template_csv(), CSV_CONTENT_TYPE, "templat-impor-pegawai.csv")
