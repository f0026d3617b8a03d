"""Pages of an agency's organisation goals (Perjanjian Kinerja, issue 10 item 3): the list with
indicators, forms to add, change and remove goals and indicators, and the XLSX import (upload,
job page with the row error report, template). Readers: as the tree; writers: the agency's
Admin OPD and BKPSDM (`goals.can_manage_goals`).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.core.exports import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from kinerja.core.rendering import render_page_or_fragment
from kinerja.core.selectors import job_get_for_actor
from kinerja.people.imports import MAX_ROWS, MAX_STORED_ERRORS, import_errors_csv
from kinerja.people.imports.upload import ImportUploadForm, upload_too_large
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.alignment import (
    alignment_agency_get_for_actor,
    period_day,
    period_for_view,
)
from kinerja.planning.alignment_views import period_choices, period_id_param, period_query
from kinerja.planning.goal_forms import GoalForm, GoalIndicatorForm
from kinerja.planning.goal_import import (
    COLUMNS,
    GOAL_IMPORT_KIND,
    goal_import_start,
    goal_import_template_xlsx,
)
from kinerja.planning.goals import (
    GOAL_REFUSED,
    can_manage_goals,
    goal_create,
    goal_get_for_actor,
    goal_indicator_add,
    goal_indicator_remove,
    goal_indicator_update,
    goal_list_for_actor,
    goal_period_refusal,
    goal_remove,
    goal_update,
)
from kinerja.planning.models import GoalIndicator, OrganizationGoal
from kinerja.scoring.formatting import format_decimal

# --- organisation goals -----------------------------------------------------------------------


def _goal_page_context(request: HttpRequest, agency_id: int) -> dict[str, Any]:
    """Agency and period of a goal page, readable by the actor (404 otherwise)."""
    period = period_for_view(period_id=period_id_param(request))
    agency = alignment_agency_get_for_actor(
        actor=request_actor(request), agency_id=agency_id, day=period_day(period)
    )
    return {
        "agency": agency,
        "period": period,
        "query": period_query(period),
        "list_url": reverse("planning:goal_list", kwargs={"agency_id": agency.pk})
        + period_query(period),
    }


def _require_goal_manager(request: HttpRequest, agency_id: int) -> None:
    require(can_manage_goals(request_actor(request), agency_id), GOAL_REFUSED)


@require_GET
def goal_list(request: HttpRequest, agency_id: int) -> HttpResponse:
    context = _goal_page_context(request, agency_id)
    actor = request_actor(request)
    context["goals"] = goal_list_for_actor(
        actor=actor, agency=context["agency"], period=context["period"]
    )
    context["may_manage"] = can_manage_goals(actor, agency_id)
    context["closed"] = goal_period_refusal(context["period"])
    context["periods"] = period_choices(context["period"])
    context["action"] = reverse("planning:goal_list", kwargs={"agency_id": agency_id})
    return render(request, "planning/goal_list.html", context)


def _goal_from_url(request: HttpRequest, agency_id: int, goal_id: int) -> OrganizationGoal:
    goal = goal_get_for_actor(actor=request_actor(request), agency_id=agency_id, goal_id=goal_id)
    _require_goal_manager(request, agency_id)
    return goal


def _back_to_goals(
    goal_or_agency: OrganizationGoal | int, period: PerformancePeriod
) -> HttpResponseRedirect:
    agency_id = (
        goal_or_agency.agency_id if isinstance(goal_or_agency, OrganizationGoal) else goal_or_agency
    )
    url = reverse("planning:goal_list", kwargs={"agency_id": agency_id})
    return redirect(f"{url}{period_query(period)}")


@require_http_methods(["GET", "POST"])
def goal_add(request: HttpRequest, agency_id: int) -> HttpResponse:
    context = _goal_page_context(request, agency_id)
    _require_goal_manager(request, agency_id)
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            goal = goal_create(
                actor=request_actor(request),
                agency=context["agency"],
                period=context["period"],
                statement=data["statement"],
                perspective=data["perspective"],
                number=data["number"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Sasaran {goal.number} ditambahkan.")
            return _back_to_goals(goal, context["period"])
    context.update(form=form, title="Tambah sasaran strategis")
    return render(request, "planning/goal_form.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, agency_id: int, goal_id: int) -> HttpResponse:
    goal = _goal_from_url(request, agency_id, goal_id)
    initial = {"number": goal.number, "statement": goal.statement, "perspective": goal.perspective}
    form = GoalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            goal_update(
                actor=request_actor(request),
                goal=goal,
                statement=data["statement"],
                perspective=data["perspective"],
                number=data["number"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Sasaran {goal.number} diubah.")
            return _back_to_goals(goal, goal.period)
    context = {
        "agency": goal.agency,
        "period": goal.period,
        "goal": goal,
        "form": form,
        "title": f"Ubah sasaran {goal.number}",
        "list_url": reverse("planning:goal_list", kwargs={"agency_id": agency_id})
        + period_query(goal.period),
    }
    return render(request, "planning/goal_form.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def goal_delete(request: HttpRequest, agency_id: int, goal_id: int) -> HttpResponse:
    goal = _goal_from_url(request, agency_id, goal_id)
    list_url = reverse("planning:goal_list", kwargs={"agency_id": agency_id}) + period_query(
        goal.period
    )
    refusal = ""
    if request.method == "POST":
        try:
            goal_remove(actor=request_actor(request), goal=goal)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            messages.success(request, f"Sasaran {goal.number} dihapus.")
            return redirect(list_url)
    context = {"goal": goal, "agency": goal.agency, "list_url": list_url, "refusal": refusal}
    return render(request, "planning/goal_delete.html", context, status=400 if refusal else 200)


def _indicator_from_url(
    request: HttpRequest, agency_id: int, goal_id: int, indicator_id: int
) -> GoalIndicator:
    goal = _goal_from_url(request, agency_id, goal_id)
    indicator = goal.indicators.filter(pk=indicator_id).first()
    if indicator is None:
        raise Http404
    indicator.goal = goal
    return indicator


def _indicator_page(
    request: HttpRequest, goal: OrganizationGoal, form: GoalIndicatorForm, title: str, **extra: Any
) -> HttpResponse:
    context = {
        "agency": goal.agency,
        "period": goal.period,
        "goal": goal,
        "form": form,
        "title": title,
        "list_url": reverse("planning:goal_list", kwargs={"agency_id": goal.agency_id})
        + period_query(goal.period),
        **extra,
    }
    status = 400 if form.errors else 200
    return render(request, "planning/goal_indicator_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def goal_indicator_new(request: HttpRequest, agency_id: int, goal_id: int) -> HttpResponse:
    goal = _goal_from_url(request, agency_id, goal_id)
    form = GoalIndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            goal_indicator_add(actor=request_actor(request), goal=goal, **form.service_values())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Indikator ditambahkan ke sasaran {goal.number}.")
            return _back_to_goals(goal, goal.period)
    return _indicator_page(request, goal, form, f"Tambah indikator sasaran {goal.number}")


@require_http_methods(["GET", "POST"])
def goal_indicator_edit(
    request: HttpRequest, agency_id: int, goal_id: int, indicator_id: int
) -> HttpResponse:
    indicator = _indicator_from_url(request, agency_id, goal_id, indicator_id)
    goal = indicator.goal
    initial = {
        "text": indicator.text,
        "target_kind": indicator.target_kind,
        "target_value": indicator.target_value,
        "target_max": indicator.target_max,
        "target_unit": indicator.target_unit,
        "target_description": indicator.target_description,
        "polarity": indicator.polarity,
    }
    form = GoalIndicatorForm(request.POST or None, initial=initial)
    if request.method == "POST" and request.POST.get("hapus"):
        goal_indicator_remove(actor=request_actor(request), indicator=indicator)
        messages.success(request, f"Indikator “{indicator.text}” dihapus.")
        return _back_to_goals(goal, goal.period)
    if request.method == "POST" and form.is_valid():
        try:
            goal_indicator_update(
                actor=request_actor(request), indicator=indicator, **form.service_values()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Indikator sasaran {goal.number} diubah.")
            return _back_to_goals(goal, goal.period)
    return _indicator_page(
        request, goal, form, f"Ubah indikator sasaran {goal.number}", indicator=indicator
    )


# --- goal import ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def goal_import(request: HttpRequest, agency_id: int) -> HttpResponse:
    context = _goal_page_context(request, agency_id)
    _require_goal_manager(request, agency_id)
    if problem := upload_too_large(request):
        context.update(form=ImportUploadForm(), refusal=problem, columns=COLUMNS)
        context.update(max_rows=format_decimal(MAX_ROWS, 0))
        return render(request, "planning/goal_import.html", context, status=400)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        try:
            job = goal_import_start(
                actor=request_actor(request),
                agency=context["agency"],
                period=context["period"],
                content=berkas.chunks(),
                file_name=berkas.name,
            )
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            url = reverse(
                "planning:goal_import_job", kwargs={"agency_id": agency_id, "job_id": job.pk}
            )
            return redirect(url)
    context.update(form=form, columns=COLUMNS, max_rows=format_decimal(MAX_ROWS, 0))
    return render(request, "planning/goal_import.html", context, status=400 if form.errors else 200)


def _own_import_job(request: HttpRequest, agency_id: int, job_id: UUID) -> Any:
    _require_goal_manager(request, agency_id)
    job = job_get_for_actor(actor=request_actor(request), job_id=job_id)
    if job.kind != GOAL_IMPORT_KIND or (job.result or {}).get("agency_id") not in (
        None,
        agency_id,
    ):
        raise Http404
    return job


@require_GET
@never_cache
def goal_import_job(request: HttpRequest, agency_id: int, job_id: UUID) -> HttpResponse:
    job = _own_import_job(request, agency_id, job_id)
    context = {
        "job": job,
        "report": job.result or {},
        "max_errors": MAX_STORED_ERRORS,
        "agency_id": agency_id,
        "list_url": reverse("planning:goal_list", kwargs={"agency_id": agency_id}),
    }
    return render_page_or_fragment(
        request,
        page="planning/goal_import_job.html",
        fragment="planning/_goal_import_job_part.html",
        context=context,
    )


def _download(content: bytes, content_type: str, file_name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


@require_GET
def goal_import_errors(request: HttpRequest, agency_id: int, job_id: UUID) -> HttpResponse:
    job = _own_import_job(request, agency_id, job_id)
    errors = (job.result or {}).get("errors", [])
    content = import_errors_csv(errors=errors)
    return _download(content, CSV_CONTENT_TYPE, "kesalahan-impor-sasaran.csv")


@require_GET
def goal_import_template(request: HttpRequest, agency_id: int) -> HttpResponse:
    _goal_page_context(request, agency_id)
    _require_goal_manager(request, agency_id)
    return _download(
        goal_import_template_xlsx(), XLSX_CONTENT_TYPE, "templat-impor-sasaran-strategis.xlsx"
    )
