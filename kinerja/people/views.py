"""Pages about people: the employee list, profiles with their chain of command, admin forms,
and the organisation chart of an agency (here because it shows who holds which post)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import is_hr_admin, managed_agency_id
from kinerja.core.rendering import render_page_or_fragment
from kinerja.organization.selectors import agency_list_for_actor
from kinerja.people.agencies import agency_overview_for_actor
from kinerja.people.forms import (
    ActingStartForm,
    AgencySearchForm,
    AssignmentEndForm,
    EmployeeCreateForm,
    EmployeeFilterForm,
    EmployeeMoveForm,
)
from kinerja.people.holdings import today
from kinerja.people.list_rows import employee_rows
from kinerja.people.models import Employee
from kinerja.people.permissions import can_manage_employee, require_manage_employee
from kinerja.people.post_tree import supervisor_posts_for_actor, supervisor_tree_for_actor
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
    move_closing_day,
)
from kinerja.people.team import definitive_posts_on, team_for_actor

PAGE_SIZE = 50


@require_GET
def employee_list(request: HttpRequest) -> HttpResponse:
    agencies = agency_list_for_actor(actor=request_actor(request))
    form = EmployeeFilterForm(request.GET or None, agencies=agencies)
    employees = employee_list_for_actor(actor=request_actor(request), filters=form.to_filters())
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
    context = {
        "employee": employee,
        "history": assignment_history(employee=employee),
        "chain": chain_of_command_view(employee=employee),
        "own": own,
        "can_manage": can_manage_employee(request_actor(request), employee),
    }
    return render(request, "people/employee_detail.html", context)


@require_GET
def employee_detail(request: HttpRequest, employee_id: int) -> HttpResponse:
    employee = employee_get_for_actor(actor=request_actor(request), employee_id=employee_id)
    return _profile(request, employee, own=employee.user_id == request.user.pk)


@require_GET
def my_profile(request: HttpRequest) -> HttpResponse:
    employee = employee_for_user(user=request_actor(request))
    if employee is None:
        return render(request, "people/no_employee.html")
    return _profile(request, employee, own=True)


def _form_page(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    return render(request, "people/employee_form.html", context)


def _placement(request: HttpRequest) -> dict[str, Any]:
    """Vacant posts and, for a new post, the tree of posts it may sit under."""
    return {
        "positions": position_vacant_list_for_actor(actor=request_actor(request)),
        "supervisors": supervisor_posts_for_actor(actor=request_actor(request)),
        "supervisor_tree": supervisor_tree_for_actor(actor=request_actor(request)),
    }


def _placement_context(form: Any) -> dict[str, Any]:
    field = form.fields["position"]
    return {"form": form, "no_vacancy": not field.queryset.exists()}


@require_http_methods(["GET", "POST"])
def employee_add(request: HttpRequest) -> HttpResponse:
    form = EmployeeCreateForm(request.POST or None, **_placement(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            employee = employee_create(
                actor=request_actor(request),
                nip=data["nip"],
                employment_type=data["employment_type"],
                name=data["name"],
                title_prefix=data["title_prefix"],
                title_suffix=data["title_suffix"],
                gender=data["gender"],
                birth_date=data["birth_date"],
                grade=data["grade"],
                position=data["position"],
                new_post=form.new_post(),
                start_date=data["start_date"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Pegawai {employee.full_name} ditambahkan.")
            return redirect("people:employee_detail", employee_id=employee.pk)
    context = {**_placement_context(form), "title": "Tambah pegawai", "submit": "Simpan"}
    return _form_page(request, context)


def _managed_employee(request: HttpRequest, employee_id: int) -> Employee:
    employee = employee_get_for_actor(actor=request_actor(request), employee_id=employee_id)
    require_manage_employee(request_actor(request), employee)
    return employee


@require_http_methods(["GET", "POST"])
def employee_move_page(request: HttpRequest, employee_id: int) -> HttpResponse:
    """Mutasi in two steps: the form, then a confirmation naming the post that ends and the
    post that starts; only the confirmed POST (`konfirmasi`) moves the employee."""
    employee = _managed_employee(request, employee_id)
    form = EmployeeMoveForm(request.POST or None, **_placement(request))
    current = definitive_posts_on(employee=employee)
    context = {
        **_placement_context(form),
        "title": f"Mutasi {employee.full_name}",
        "submit": "Lanjut ke konfirmasi",
        "employee": employee,
        "current": current,
    }
    if request.method == "POST" and "ubah" not in request.POST and form.is_valid():
        data = form.cleaned_data
        new_post = form.new_post()
        if "konfirmasi" not in request.POST:
            context["ends_on"] = move_closing_day(data["start_date"])
            context["new_post"] = new_post
            return render(request, "people/employee_move_confirm.html", context)
        try:
            assignment = employee_move(
                actor=request_actor(request),
                employee=employee,
                position=data["position"],
                new_post=new_post,
                start_date=data["start_date"],
                note=data["note"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request, f"{employee.full_name} dimutasi ke {assignment.position.name}."
            )
            return redirect("people:employee_detail", employee_id=employee.pk)
    return _form_page(request, context)


@require_http_methods(["GET", "POST"])
def acting_add(request: HttpRequest, employee_id: int) -> HttpResponse:
    employee = _managed_employee(request, employee_id)
    positions = position_vacant_list_for_actor(actor=request_actor(request))
    form = ActingStartForm(request.POST or None, positions=positions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assignment_start(
                actor=request_actor(request),
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


@require_http_methods(["GET", "POST"])
def assignment_end_page(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """Ending an assignment asks first: the page names the employee, the post and since when."""
    assignment = assignment_get_for_actor(actor=request_actor(request), assignment_id=assignment_id)
    form = AssignmentEndForm(request.POST or None, initial={"end_date": today()})
    if request.method == "POST" and form.is_valid():
        try:
            assignment_end(
                actor=request_actor(request),
                assignment=assignment,
                end_date=form.cleaned_end_date(),
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("end_date", message)
        else:
            messages.success(
                request,
                f"Penugasan {assignment.employee.full_name} sebagai "
                f"{assignment.position.name} diakhiri.",
            )
            return redirect("people:employee_detail", employee_id=assignment.employee_id)
    return render(
        request, "people/assignment_end_confirm.html", {"form": form, "assignment": assignment}
    )


@require_GET
def agency_list(request: HttpRequest) -> HttpResponse:
    form = AgencySearchForm(request.GET or None)
    agencies = agency_overview_for_actor(actor=request_actor(request), query=form.query())
    page = Paginator(agencies, PAGE_SIZE).get_page(request.GET.get("halaman"))
    params = request.GET.copy()
    params.pop("halaman", None)
    return render_page_or_fragment(
        request,
        page="people/agency_list.html",
        fragment="people/_agency_table_part.html",
        context={"form": form, "page": page, "q": form.query(), "query": params.urlencode()},
    )


@require_GET
def org_chart(request: HttpRequest, agency_id: int) -> HttpResponse:
    chart = org_chart_for_actor(actor=request_actor(request), agency_id=agency_id)
    return render(request, "people/org_chart.html", {"chart": chart})


@require_GET
def my_team(request: HttpRequest) -> HttpResponse:
    team = team_for_actor(actor=request_actor(request))
    if team is None:
        return render(request, "people/no_employee.html", {"title": "Tim saya"})
    return render(request, "people/my_team.html", {"team": team})
