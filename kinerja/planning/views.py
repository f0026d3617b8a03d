"""SKP pages: my plans and my team's (`/skp/`), the plan page (`/skp/<id>/`), starting a
plan, copying last year's and cascading a result to subordinates.

The forms that change a plan's content are in `edit_views.py`; submit, return, approve and
revise in `decision_views.py`; comments in `comment_views.py`. Every view fetches the plan
through `plan_get_for_actor` (404 for those who may not know it) and lets the services decide.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.core.params import id_param
from kinerja.core.templatetags.kinerja_ui import sentence_end
from kinerja.discussions.selectors import comments_for, version_get, versions_for
from kinerja.discussions.subjects import subject_label
from kinerja.discussions.versions import version_diff
from kinerja.people.models import Employee
from kinerja.people.selectors import employee_for_user
from kinerja.periods.models import PerformancePeriod
from kinerja.periods.rules import period_planning_refusal
from kinerja.periods.selectors import period_current
from kinerja.planning.form_choices import own_results_for
from kinerja.planning.forms import CascadeForm
from kinerja.planning.models import PlanState
from kinerja.planning.page_rights import plan_rights
from kinerja.planning.selectors import (
    SatisfactionValue,
    indicator_target_text,
    plan_document_build,
    plan_get_for_actor,
    plan_list_for_actor,
    plan_satisfaction_values,
    plan_team_list_for_actor,
)
from kinerja.planning.services import (
    CascadeReport,
    plan_copy_previous,
    plan_start,
    previous_plan_for,
    result_cascade,
)
from kinerja.surveys.indicator_values import span_of


def _list_context(request: HttpRequest, cascade_form: CascadeForm | None = None) -> dict[str, Any]:
    actor = request_actor(request)
    me = employee_for_user(user=actor)
    period = period_current()
    period_open = period is not None and period_planning_refusal(period) is None
    plans = list(plan_list_for_actor(actor=actor))
    current = [p for p in plans if period is not None and p.period_id == period.pk]
    previous_years = {p.period.year for p in plans}
    copyable = [
        p
        for p in current
        if p.period.year - 1 in previous_years and p.state in {PlanState.DRAFT, PlanState.RETURNED}
    ]
    team = plan_team_list_for_actor(actor=actor, period_id=period.pk if period else None)
    context: dict[str, Any] = {
        "me": me,
        "period": period,
        "plans": plans,
        "period_open": period_open,
        "may_start": me is not None and period_open and not current,
        "copyable": copyable,
        "team": team,
    }
    if me is not None and period is not None and period_open and team.rows:
        results = own_results_for(employee_id=me.pk, period_id=period.pk)
        employees = Employee.objects.filter(pk__in=[row.employee.pk for row in team.rows])
        form = cascade_form or CascadeForm(results=results, employees=employees)
        context["cascade_form"] = form if results.exists() else None
    return context


@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    return render(request, "planning/plan_list.html", _list_context(request))


@require_POST
def plan_start_page(request: HttpRequest) -> HttpResponse:
    """Start a draft: for myself, or (`pegawai`) for a subordinate, in the open period."""
    actor = request_actor(request)
    period = get_object_or_404(
        PerformancePeriod, pk=id_param(request.POST.get("periode"), label="Periode")
    )
    employee_id = id_param(request.POST.get("pegawai"), label="Pegawai")
    employee = (
        get_object_or_404(Employee, pk=employee_id)
        if employee_id is not None
        else employee_for_user(user=actor)
    )
    if employee is None:
        messages.error(request, "Akun Anda tidak terhubung dengan data pegawai.")
        return redirect("planning:plan_list")
    try:
        plan = plan_start(actor=actor, employee=employee, period=period)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("planning:plan_list")
    messages.success(request, f"Draf SKP {employee.full_name} untuk {period.name} dimulai.")
    return redirect("planning:plan_detail", plan_id=plan.pk)


@require_POST
def plan_copy_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = request_actor(request)
    plan = plan_get_for_actor(actor=actor, plan_id=plan_id)
    try:
        count = plan_copy_previous(actor=actor, plan=plan)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"{count} RHK disalin dari SKP tahun lalu.")
    return redirect("planning:plan_detail", plan_id=plan.pk)


@require_POST
def result_cascade_page(request: HttpRequest) -> HttpResponse:
    """A supervisor pushes one of their results, with its indicators, to chosen subordinates."""
    actor = request_actor(request)
    me = employee_for_user(user=actor)
    period = period_current()
    if me is None or period is None:
        return redirect("planning:plan_list")
    team = plan_team_list_for_actor(actor=actor, period_id=period.pk)
    form = CascadeForm(
        request.POST,
        results=own_results_for(employee_id=me.pk, period_id=period.pk),
        employees=Employee.objects.filter(pk__in=[row.employee.pk for row in team.rows]),
    )
    if form.is_valid():
        try:
            report = result_cascade(
                actor=actor,
                result=form.cleaned_data["result"],
                employees=list(form.cleaned_data["employees"]),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            for line in cascade_lines(report):
                messages.info(request, line)
            return redirect("planning:plan_list")
    return render(
        request, "planning/plan_list.html", _list_context(request, cascade_form=form), status=400
    )


def cascade_lines(report: CascadeReport) -> list[str]:
    """What a cascade did, one sentence per outcome."""
    lines = []
    if report.added:
        names = ", ".join(result.plan.employee.full_name for result in report.added)
        lines.append(f"RHK ditambahkan ke SKP {len(report.added)} bawahan: {sentence_end(names)}")
    if report.started:
        lines.append(f"{len(report.started)} draf SKP baru dimulai untuk menampung RHK ini.")
    lines.extend(f"{employee.full_name} dilewati: {reason}." for employee, reason in report.skipped)
    return lines


def _satisfaction_rows(values: list[SatisfactionValue], slug: str) -> list[dict[str, Any]]:
    """Each window's IKM with the link to the unit's report over that window."""
    report = reverse("surveys:unit_report", kwargs={"slug": slug})
    return [
        {"value": value, "url": f"{report}?{urlencode(span_of(value.start, value.end).param)}"}
        for value in values
    ]


def _indicator_rows(
    indicators: list[Any],
    comments: dict[tuple[str, int], list[Any]],
    plan_id: int,
    satisfaction: dict[int, list[SatisfactionValue]],
) -> list[dict[str, Any]]:
    return [
        {
            "indicator": indicator,
            "target": indicator_target_text(indicator),
            "satisfaction": (
                _satisfaction_rows(satisfaction[indicator.pk], indicator.service_unit.slug)
                if indicator.pk in satisfaction
                else None
            ),
            "comments": comments.get(subject_label(indicator), []),
            "form_id": f"komentar-iki-{indicator.pk}",
            "post_url": reverse(
                "planning:indicator_comment",
                kwargs={"plan_id": plan_id, "indicator_id": indicator.pk},
            ),
        }
        for indicator in indicators
    ]


def _result_rows(
    views: list[Any],
    comments: dict[tuple[str, int], list[Any]],
    plan_id: int,
    satisfaction: dict[int, list[SatisfactionValue]],
) -> list[dict[str, Any]]:
    return [
        {
            "view": view,
            "result": view.result,
            "comments": comments.get(subject_label(view.result), []),
            "form_id": f"komentar-rhk-{view.result.pk}",
            "post_url": reverse(
                "planning:result_comment",
                kwargs={"plan_id": plan_id, "result_id": view.result.pk},
            ),
            "indicators": _indicator_rows(view.indicators, comments, plan_id, satisfaction),
        }
        for view in views
    ]


def plan_page_context(request: HttpRequest, plan: Any) -> dict[str, Any]:
    """Everything the plan page shows (also used when a form on it is refused)."""
    actor = request_actor(request)
    document = plan_document_build(plan=plan)
    results = [*document.main, *document.additional]
    subjects = [plan, *(v.result for v in results), *(i for v in results for i in v.indicators)]
    comments = comments_for(subjects)
    satisfaction = plan_satisfaction_values(
        plan=plan, indicators=(i for v in results for i in v.indicators)
    )
    versions = versions_for(plan)
    diff = None
    if len(versions) > 1:
        diff = version_diff(versions[-2], versions[-1])
    rights = plan_rights(actor, plan)
    return {
        "plan": plan,
        "document": document,
        "rights": rights,
        "previous_plan": previous_plan_for(plan) if rights.edit and not results else None,
        "groups": [
            (
                "utama",
                "A. RHK utama",
                _result_rows(document.main, comments, plan.pk, satisfaction),
            ),
            (
                "tambahan",
                "B. RHK tambahan",
                _result_rows(document.additional, comments, plan.pk, satisfaction),
            ),
        ],
        "plan_comments": comments.get(subject_label(plan), []),
        "versions": list(reversed(versions)),
        "latest_version": versions[-1] if versions else None,
        "previous_version": versions[-2] if len(versions) > 1 else None,
        "diff": diff,
    }


@require_GET
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_get_for_actor(actor=request_actor(request), plan_id=plan_id)
    return render(request, "planning/plan_detail.html", plan_page_context(request, plan))


@require_GET
def plan_version(request: HttpRequest, plan_id: int, version_number: int) -> HttpResponse:
    """One submitted version of the plan and what changed since the version before it."""
    plan = plan_get_for_actor(actor=request_actor(request), plan_id=plan_id)
    version = version_get(plan, version_number)
    previous = version_get(plan, version_number - 1) if version_number > 1 else None
    context = {
        "plan": plan,
        "title": f"Versi {version.number}",
        "version": version,
        "previous": previous,
        "diff": version_diff(previous, version),
    }
    return render(request, "planning/plan_version.html", context)
