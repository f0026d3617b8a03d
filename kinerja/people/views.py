"""Pages about people: the employee list, profiles with their chain of command, admin forms,
and the organisation chart of an agency (here because it shows who holds which post)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.accounts.permissions import can_manage_agency, is_hr_admin, managed_agency_id, require
from kinerja.core.rendering import render_page_or_fragment
from kinerja.organization.selectors import agency_list_for_actor
from kinerja.people.forms import (
    ActingStartForm,
    AssignmentEndForm,
    EmployeeCreateForm,
    EmployeeFilterForm,
    EmployeeMoveForm,
)
from kinerja.people.list_rows import employee_rows
from kinerja.people.models import Employee
from kinerja.people.selectors import (
    assignment_get_for_actor,
    assignment_history,
    chain_of_command_view,
    employee_for_user,
    employee_get_for_actor,
    employee_list_for_actor,
    org_chart_for_actor,
    position_vacant_list_for_actor,
)
from kinerja.people.services import (
    assignment_end,
    assignment_start,
    employee_create,
    employee_move,
)

PAGE_SIZE = 50


@require_GET
def employee_list(request: HttpRequest) -> HttpResponse:
    agencies = agency_list_for_actor(actor=request.user)
    form = EmployeeFilterForm(request.GET or None, agencies=agencies)
    employees = employee_list_for_actor(actor=request.user, filters=form.to_filters())
    page = Paginator(employees, PAGE_SIZE).get_page(request.GET.get("halaman"))
    query = request.GET.copy()
    query.pop("halaman", None)
    can_add = is_hr_admin(request.user) or managed_agency_id(request.user) is not None
    context = {
        "form": form,
        "page": page,
        "rows": employee_rows(page),
        "query": query.urlencode(),
        "can_add": can_add,
    }
    return render_page_or_fragment(
        request,
        page="people/employee_list.html",
        fragment="people/_employee_table_part.html",
        context=context,
    )


def _profile(request: HttpRequest, employee: Employee, *, own: bool) -> HttpResponse:
    # Both selectors that fetch the employee annotate `home_agency_id`.
    home: int | None = getattr(employee, "home_agency_id", None)
    context = {
        "employee": employee,
        "history": assignment_history(employee=employee),
        "chain": chain_of_command_view(employee=employee),
        "own": own,
        "can_manage": can_manage_agency(request.user, home),
    }
    return render(request, "people/employee_detail.html", context)


@require_GET
def employee_detail(request: HttpRequest, employee_id: int) -> HttpResponse:
    employee = employee_get_for_actor(actor=request.user, employee_id=employee_id)
    return _profile(request, employee, own=employee.user_id == request.user.pk)


@require_GET
def my_profile(request: HttpRequest) -> HttpResponse:
    employee = employee_for_user(user=request.user)
    if employee is None:
        return render(request, "people/no_employee.html")
    return _profile(request, employee, own=True)


def _form_page(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    return render(request, "people/employee_form.html", context)


@require_http_methods(["GET", "POST"])
def employee_add(request: HttpRequest) -> HttpResponse:
    positions = position_vacant_list_for_actor(actor=request.user)
    form = EmployeeCreateForm(request.POST or None, positions=positions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            employee = employee_create(
                actor=request.user,
                nip=data["nip"],
                employment_type=data["employment_type"],
                name=data["name"],
                title_prefix=data["title_prefix"],
                title_suffix=data["title_suffix"],
                gender=data["gender"],
                birth_date=data["birth_date"],
                grade=data["grade"],
                position=data["position"],
                start_date=data["start_date"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Pegawai {employee.full_name} ditambahkan.")
            return redirect("people:employee_detail", employee_id=employee.pk)
    return _form_page(request, {"form": form, "title": "Tambah pegawai", "submit": "Simpan"})


def _managed_employee(request: HttpRequest, employee_id: int) -> Employee:
    employee = employee_get_for_actor(actor=request.user, employee_id=employee_id)
    home: int | None = getattr(employee, "home_agency_id", None)
    require(
        can_manage_agency(request.user, home),
        "Anda hanya dapat mengubah data pegawai perangkat daerah Anda sendiri.",
    )
    return employee


@require_http_methods(["GET", "POST"])
def employee_move_page(request: HttpRequest, employee_id: int) -> HttpResponse:
    employee = _managed_employee(request, employee_id)
    positions = position_vacant_list_for_actor(actor=request.user)
    form = EmployeeMoveForm(request.POST or None, positions=positions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            employee_move(
                actor=request.user,
                employee=employee,
                position=data["position"],
                start_date=data["start_date"],
                note=data["note"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"{employee.full_name} dimutasi ke {data['position'].name}.")
            return redirect("people:employee_detail", employee_id=employee.pk)
    title = f"Mutasi {employee.full_name}"
    return _form_page(
        request, {"form": form, "title": title, "submit": "Mutasi", "employee": employee}
    )


@require_http_methods(["GET", "POST"])
def acting_add(request: HttpRequest, employee_id: int) -> HttpResponse:
    employee = _managed_employee(request, employee_id)
    positions = position_vacant_list_for_actor(actor=request.user)
    form = ActingStartForm(request.POST or None, positions=positions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assignment_start(
                actor=request.user,
                employee=employee,
                position=data["position"],
                start_date=data["start_date"],
                end_date=data["end_date"],
                is_acting=True,
                acting_kind=data["acting_kind"],
                note=data["note"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"{employee.full_name} ditugaskan sebagai Plt/Plh.")
            return redirect("people:employee_detail", employee_id=employee.pk)
    title = f"Tugaskan {employee.full_name} sebagai Plt/Plh"
    return _form_page(
        request, {"form": form, "title": title, "submit": "Tugaskan", "employee": employee}
    )


@require_POST
def assignment_end_page(request: HttpRequest, assignment_id: int) -> HttpResponse:
    assignment = assignment_get_for_actor(actor=request.user, assignment_id=assignment_id)
    form = AssignmentEndForm(request.POST)
    if form.is_valid():
        try:
            assignment_end(
                actor=request.user, assignment=assignment, end_date=form.cleaned_end_date()
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"Penugasan {assignment.position.name} diakhiri.")
    else:
        for errors in form.errors.values():
            for text in errors:
                messages.error(request, str(text))
    return redirect("people:employee_detail", employee_id=assignment.employee_id)


@require_GET
def org_chart(request: HttpRequest, agency_id: int) -> HttpResponse:
    chart = org_chart_for_actor(actor=request.user, agency_id=agency_id)
    return render(request, "people/org_chart.html", {"chart": chart})
