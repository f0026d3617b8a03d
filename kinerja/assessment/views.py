"""/360/ (my tasks as a rater, my results, my team's lists, rounds I administer) and
/360/<cycle_id>/ (one round as I see it, with completion counts for admins). Thin: the
selectors read and authorise; the buttons lead to the pages of cycle_views, answer_views and
result_views, which write through the services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import is_agency_admin, is_hr_admin
from kinerja.assessment.models import CycleState, ReviewCycle, ReviewerList
from kinerja.assessment.permissions import can_manage_cycles, can_see_quality, can_track_cycle
from kinerja.assessment.selectors.completion import completion_for_actor
from kinerja.assessment.selectors.cycles import (
    cycle_agency_label,
    cycle_get_for_actor,
    cycle_list_for_actor,
    cycle_window_label,
    own_lists_for_actor,
    team_lists_in_progress_for_actor,
)
from kinerja.assessment.selectors.results import my_summaries_for_actor
from kinerja.assessment.selectors.tasks import ReviewTask, review_tasks_for_actor
from kinerja.people.holdings import employee_id_for_user

SENT = "Terkirim"
NOT_SENT = "Belum dikirim"
CLOSED = "Ditutup"


@dataclass(frozen=True)
class TaskRow:
    """One line of "Tugas saya sebagai penilai": never anyone else's status."""

    ratee_name: str
    relation_label: str
    cycle_name: str
    cycle_url: str
    due_date: Any
    status: str
    tone: str
    answer_url: str  # empty unless the answers may still be written
    answer_label: str


@dataclass(frozen=True)
class ListRow:
    """A list of raters: the actor's own or a team member's (who is asked, not who answered)."""

    employee_name: str
    unit_name: str
    cycle_name: str
    state: str
    state_label: str
    raters: int
    url: str


@dataclass(frozen=True)
class CycleRow:
    name: str
    url: str
    agency_label: str
    window_label: str
    state: str
    state_label: str
    due_date: Any


def _task_row(task: ReviewTask) -> TaskRow:
    if task.sent:
        status, tone = SENT, "success"
    elif task.may_answer:
        status, tone = NOT_SENT, "warning"
    else:
        status, tone = CLOSED, "neutral"
    url = (
        reverse("assessment:answer", kwargs={"review_id": task.review.pk})
        if task.may_answer
        else ""
    )
    return TaskRow(
        ratee_name=task.ratee_name,
        relation_label=task.relation_label,
        cycle_name=task.cycle.name,
        cycle_url=reverse("assessment:cycle_detail", kwargs={"cycle_id": task.cycle.pk}),
        due_date=task.due_date,
        status=status,
        tone=tone,
        answer_url=url,
        answer_label="Ubah jawaban" if task.sent else "Isi kuesioner",
    )


def _list_row(reviewer_list: ReviewerList, cycle: ReviewCycle, raters: int) -> ListRow:
    return ListRow(
        employee_name=reviewer_list.employee.full_name,
        unit_name=reviewer_list.unit.name if reviewer_list.unit is not None else "",
        cycle_name=cycle.name,
        state=reviewer_list.state,
        state_label=reviewer_list.get_state_display(),
        raters=raters,
        url=reverse(
            "assessment:list_detail",
            kwargs={"cycle_id": cycle.pk, "employee_id": reviewer_list.employee_id},
        ),
    )


def _rows(found: list[ReviewerList]) -> list[ListRow]:
    return [_list_row(f, f.cycle, f.raters) for f in found]  # type: ignore[attr-defined]


def _cycle_row(cycle: ReviewCycle) -> CycleRow:
    return CycleRow(
        name=cycle.name,
        url=reverse("assessment:cycle_detail", kwargs={"cycle_id": cycle.pk}),
        agency_label=cycle_agency_label(cycle),
        window_label=cycle_window_label(cycle),
        state=cycle.state,
        state_label=cycle.get_state_display(),
        due_date=cycle.due_date,
    )


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    is_admin = is_hr_admin(actor) or is_agency_admin(actor)
    is_employee = employee_id_for_user(actor) is not None
    results = [
        (
            summary.cycle,
            cycle_window_label(summary.cycle),
            reverse(
                "assessment:results",
                kwargs={"cycle_id": summary.cycle.pk, "employee_id": summary.employee_id},
            ),
        )
        for summary in my_summaries_for_actor(actor=actor)
    ]
    context = {
        "is_employee": is_employee,
        "is_admin": is_admin,
        "tasks": [_task_row(t) for t in review_tasks_for_actor(actor=actor)],
        "results": results,
        "team_lists": _rows(team_lists_in_progress_for_actor(actor=actor)),
        "own_lists": _rows(own_lists_for_actor(actor=actor, states=(CycleState.DRAFT,))),
        "cycles": [_cycle_row(c) for c in cycle_list_for_actor(actor=actor)] if is_admin else [],
        "create_url": reverse("assessment:cycle_create") if can_manage_cycles(actor) else "",
    }
    return render(request, "assessment/index.html", context)


@require_GET
def cycle_detail(request: HttpRequest, cycle_id: int) -> HttpResponse:
    actor = request_actor(request)
    cycle = cycle_get_for_actor(actor=actor, cycle_id=cycle_id)
    own = _rows(own_lists_for_actor(actor=actor, cycle=cycle))
    own_results = (
        [
            reverse("assessment:results", kwargs={"cycle_id": cycle.pk, "employee_id": me})
            for me in [employee_id_for_user(actor)]
            if me is not None
        ]
        if own and cycle.state == CycleState.CLOSED
        else []
    )
    tracking = can_track_cycle(actor, cycle)
    manage = can_manage_cycles(actor)
    closed = cycle.state == CycleState.CLOSED
    kwargs = {"cycle_id": cycle.pk}
    actions = {
        "open_url": reverse("assessment:cycle_open", kwargs=kwargs)
        if manage and cycle.state == CycleState.DRAFT
        else "",
        "close_url": reverse("assessment:cycle_close", kwargs=kwargs)
        if manage and cycle.state == CycleState.OPEN
        else "",
        "sync_url": reverse("assessment:cycle_sync", kwargs=kwargs)
        if tracking and not closed
        else "",
        "quality_url": reverse("assessment:quality", kwargs=kwargs)
        if can_see_quality(actor) and closed
        else "",
        "export_url": reverse("assessment:export", kwargs=kwargs) if manage and closed else "",
    }
    context = {
        "cycle": cycle,
        "row": _cycle_row(cycle),
        "tasks": [_task_row(t) for t in review_tasks_for_actor(actor=actor, cycle=cycle)],
        "own_lists": own,
        "own_results_url": own_results[0] if own_results else "",
        "team_lists": _rows(team_lists_in_progress_for_actor(actor=actor, cycle=cycle))
        if cycle.state != CycleState.CLOSED
        else [],
        "completion": completion_for_actor(actor=actor, cycle=cycle) if tracking else None,
        "actions": actions,
        "has_actions": any(actions.values()),
    }
    return render(request, "assessment/cycle_detail.html", context)
