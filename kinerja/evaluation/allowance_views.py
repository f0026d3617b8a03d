"""Allowance (TPP) pages: the index (agency and month, with the three links), the scheme
(BKPSDM), the month's attendance entered or imported, and the XLSX sheet. BKPSDM handles every
agency, an Admin OPD their own (`permissions.can_export_agency`); others are refused."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import can_manage_city
from kinerja.core.exports import XLSX_CONTENT_TYPE
from kinerja.core.params import id_param
from kinerja.evaluation.forms_allowance import AttendanceForm, SchemeForm
from kinerja.evaluation.models import AllowanceScheme
from kinerja.evaluation.selectors.allowance import (
    MONTH_PARAM,
    MULTIPLIER_FIELDS,
    Month,
    allowance_agencies_for_actor,
    allowance_agency_get_for_actor,
    allowance_scheme_list_for_actor,
    month_default,
    month_employees,
    month_from_query,
)
from kinerja.evaluation.services.allowance import allowance_scheme_save, attendance_record
from kinerja.evaluation.services.allowance_sheet import (
    allowance_sheet_download,
    allowance_sheet_prepare,
)
from kinerja.evaluation.services.attendance_import import (
    IMPORT_COLUMNS,
    AttendanceImportRejected,
)
from kinerja.evaluation.services.attendance_import import (
    attendance_import as attendance_import_service,
)
from kinerja.people.imports.upload import ImportUploadForm, upload_too_large

AGENCY_PARAM = "perangkat"


def _month(request: HttpRequest) -> tuple[Month, str]:
    """The month asked for, or the default month with the sentence refusing the value."""
    try:
        return month_from_query(request.GET), ""
    except ValidationError as error:
        return month_default(), " ".join(error.messages)


def _month_query(month: Month) -> str:
    return f"?{MONTH_PARAM}={month.param}"


def _optional_id(raw: str | None) -> int | None:
    """An id from a picker; a value that is not one just picks nothing."""
    try:
        return id_param(raw, label="Pilihan")
    except ValidationError:
        return None


def _index_page(
    request: HttpRequest,
    *,
    month: Month,
    month_error: str,
    status: int = 200,
    agency_id: int | None = None,
) -> HttpResponse:
    actor = request_actor(request)
    agencies = list(allowance_agencies_for_actor(actor=actor))
    chosen = agency_id or _optional_id(request.GET.get(AGENCY_PARAM))
    if chosen is None and len(agencies) == 1:
        chosen = agencies[0].pk
    agency = next((a for a in agencies if a.pk == chosen), None)
    context: dict[str, Any] = {
        "agencies": agencies,
        "agency": agency,
        "month": month,
        "month_error": month_error,
        "agency_param": AGENCY_PARAM,
        "month_param": MONTH_PARAM,
        "can_edit_scheme": can_manage_city(actor),
        "sheet": None,
        "query": _month_query(month),
    }
    if agency is not None and not month_error:
        try:
            context["sheet"] = allowance_sheet_prepare(actor=actor, agency=agency, month=month)
        except ValidationError as error:
            context["month_error"] = " ".join(error.messages)
    return render(request, "evaluation/allowance/index.html", context, status=status)


@require_GET
def allowance_index(request: HttpRequest) -> HttpResponse:
    month, month_error = _month(request)
    return _index_page(request, month=month, month_error=month_error)


@require_http_methods(["GET", "POST"])
def scheme_edit(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    schemes = list(allowance_scheme_list_for_actor(actor=actor))
    editing_id = _optional_id(request.GET.get("skema"))
    editing: AllowanceScheme | None = next((s for s in schemes if s.pk == editing_id), None)
    form = (
        SchemeForm(request.POST)
        if request.method == "POST"
        else (SchemeForm.for_scheme(editing) if editing else SchemeForm())
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = allowance_scheme_save(actor=actor, scheme=editing, **form.service_values())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"{saved.name} disimpan.")
            return redirect("evaluation:allowance_scheme")
    context = {
        "schemes": schemes,
        "editing": editing,
        "form": form,
        "multipliers": [(p.label, f) for p, f in MULTIPLIER_FIELDS.items()],
    }
    return render(
        request,
        "evaluation/allowance/scheme.html",
        context,
        status=400 if form.is_bound and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, agency_id: int) -> HttpResponse:
    actor = request_actor(request)
    agency = allowance_agency_get_for_actor(actor=actor, agency_id=agency_id)
    month, month_error = _month(request)
    people = month_employees(agency_id=agency.pk, month=month)
    form = AttendanceForm(request.POST or None, people=people)
    if request.method == "POST" and not month_error and form.is_valid():
        try:
            saved = attendance_record(
                actor=actor, agency=agency, month=month, entries=form.entries()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Kehadiran {month.label}: {saved} pegawai disimpan.")
            url = reverse("evaluation:allowance_attendance", kwargs={"agency_id": agency.pk})
            return redirect(f"{url}{_month_query(month)}")
    context = {
        "agency": agency,
        "month": month,
        "month_error": month_error,
        "month_param": MONTH_PARAM,
        "form": form,
        "query": _month_query(month),
    }
    status = 400 if (form.is_bound and form.errors) or month_error else 200
    return render(request, "evaluation/allowance/attendance.html", context, status=status)


@require_http_methods(["GET", "POST"])
def attendance_import(request: HttpRequest, agency_id: int) -> HttpResponse:
    actor = request_actor(request)
    agency = allowance_agency_get_for_actor(actor=actor, agency_id=agency_id)
    month, month_error = _month(request)
    context: dict[str, Any] = {
        "agency": agency,
        "month": month,
        "month_error": month_error,
        "columns": IMPORT_COLUMNS,
        "row_errors": [],
        "refusal": "",
        "query": _month_query(month),
    }
    if problem := upload_too_large(request):
        context.update(form=ImportUploadForm(), refusal=problem)
        return render(request, "evaluation/allowance/attendance_import.html", context, status=400)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and not month_error and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        try:
            saved = attendance_import_service(
                actor=actor,
                agency=agency,
                month=month,
                content=berkas.read(),
                file_name=berkas.name or "",
            )
        except AttendanceImportRejected as error:
            context["row_errors"] = error.row_errors
            form.add_error(None, "Berkas berisi kesalahan; tidak ada yang disimpan.")
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(request, f"Kehadiran {month.label}: {saved} pegawai diimpor.")
            url = reverse("evaluation:allowance_attendance", kwargs={"agency_id": agency.pk})
            return redirect(f"{url}{_month_query(month)}")
    context["form"] = form
    status = 400 if (form.is_bound and form.errors) or month_error else 200
    return render(request, "evaluation/allowance/attendance_import.html", context, status=status)


@require_GET
def allowance_sheet(request: HttpRequest, agency_id: int) -> HttpResponse:
    actor = request_actor(request)
    agency = allowance_agency_get_for_actor(actor=actor, agency_id=agency_id)
    try:
        month = month_from_query(request.GET)
        content = allowance_sheet_download(actor=actor, agency=agency, month=month)
    except ValidationError as error:
        return _index_page(
            request,
            month=month_default(),
            month_error=" ".join(error.messages),
            status=400,
            agency_id=agency.pk,
        )
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    file_name = f"tpp-{agency.code}-{month.param}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response
