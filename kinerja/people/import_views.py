"""Pages of the employee import: upload, preview of the check, confirm, result, templates.

Only Admin BKPSDM and Admin OPD reach these pages (403 for everyone else). A preview or result
belongs to the person who uploaded the file: to anyone else it does not exist (404).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.core.models import Job
from kinerja.core.rendering import render_page_or_fragment
from kinerja.core.selectors import job_get_for_actor
from kinerja.people.imports import (
    COLUMNS,
    MAX_STORED_ERRORS,
    can_import_employees,
    import_file_problem,
    import_template_csv,
    import_template_xlsx,
)
from kinerja.people.tasks import (
    APPLY_KIND,
    VALIDATE_KIND,
    employee_import_apply_start,
    employee_import_validation_start,
)

_REFUSED = "Hanya Admin BKPSDM dan Admin OPD yang dapat mengimpor pegawai."
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportUploadForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas",
        help_text="Format .xlsx atau .csv (UTF-8, pemisah ; atau ,), paling besar 10 MB.",
        error_messages={
            "required": "Berkas wajib dipilih: unggah berkas .csv atau .xlsx.",
            "empty": "Berkas kosong; unggah berkas .csv atau .xlsx yang berisi judul dan data.",
            "invalid": "Berkas tidak terbaca sebagai unggahan; pilih ulang berkasnya.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_berkas(self) -> Any:
        upload = self.cleaned_data["berkas"]
        problem = import_file_problem(file_name=upload.name or "", size=upload.size or 0)
        if problem:
            raise forms.ValidationError(problem)
        return upload


def _require_importer(request: HttpRequest) -> None:
    require(can_import_employees(request.user), _REFUSED)


def _own_job(request: HttpRequest, job_id: UUID, kind: str) -> Job:
    job = job_get_for_actor(actor=request_actor(request), job_id=job_id)
    if job.kind != kind:
        raise Http404
    return job


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    _require_importer(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        job = employee_import_validation_start(
            actor=request_actor(request), content=berkas.read(), file_name=berkas.name
        )
        return redirect("people_import:preview", job_id=job.pk)
    status = 400 if form.is_bound else 200
    context = {"form": form, "columns": COLUMNS}
    return render(request, "people/import_upload.html", context, status=status)


@require_GET
@never_cache
def preview(request: HttpRequest, job_id: UUID) -> HttpResponse:
    _require_importer(request)
    job = _own_job(request, job_id, VALIDATE_KIND)
    report = job.result or {}
    context = {"job": job, "report": report, "max_errors": MAX_STORED_ERRORS}
    return render_page_or_fragment(
        request,
        page="people/import_preview.html",
        fragment="people/import_preview_part.html",
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
        fragment="people/import_result_part.html",
        context={"job": job, "outcome": job.result or {}},
    )


@require_GET
def template_xlsx(request: HttpRequest) -> HttpResponse:
    _require_importer(request)
    response = HttpResponse(import_template_xlsx(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="templat-impor-pegawai.xlsx"'
    return response


@require_GET
def template_csv(request: HttpRequest) -> HttpResponse:
    _require_importer(request)
    response = HttpResponse(import_template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="templat-impor-pegawai.csv"'
    return response
