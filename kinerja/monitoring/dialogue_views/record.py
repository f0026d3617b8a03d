"""Schedule a dialogue with a team member, record a scheduled one, or record one that already
took place; with no employee chosen yet, the page to pick one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import refuse
from kinerja.core.params import id_param
from kinerja.core.templatetags.kinerja_ui import sentence_end
from kinerja.monitoring.dialogue_forms import (
    OWNER_APPRAISER,
    OWNER_EMPLOYEE,
    RecordForm,
    ScheduleForm,
)
from kinerja.monitoring.dialogue_permissions import (
    dialogue_lead_refusal,
    dialogue_scheduled_refusal,
)
from kinerja.monitoring.dialogue_views.common import _detail, _detail_url, _posted
from kinerja.monitoring.models import DialogueKind, PerformanceDialogue
from kinerja.monitoring.selectors.dialogues import dialogue_get_for_actor, dialogue_list_for_actor
from kinerja.monitoring.services import dialogues as services
from kinerja.monitoring.services.dialogues import moment_id
from kinerja.people.models import Employee
from kinerja.people.selectors import employee_for_user


def _employee_param(request: HttpRequest) -> Employee | None:
    employee_id = id_param(request.GET.get("pegawai"), label="Pegawai")
    return None if employee_id is None else get_object_or_404(Employee, pk=employee_id)


def _pick_page(request: HttpRequest, title: str, url_name: str) -> HttpResponse:
    """No employee chosen yet: the team members one may lead a dialogue with."""
    overview = dialogue_list_for_actor(actor=request_actor(request), role="penilai")
    context = {"title": title, "team": overview.team, "pick_url": reverse(url_name)}
    return render(request, "monitoring/dialogues/pick_employee.html", context)


@require_http_methods(["GET", "POST"])
def dialogue_schedule(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    employee = _employee_param(request)
    if employee is None:
        return _pick_page(request, "Jadwalkan dialog", "monitoring:dialogue_schedule")
    refuse(dialogue_lead_refusal(actor, employee))
    form = ScheduleForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            dialogue = services.dialogue_schedule(
                actor=actor,
                employee=employee,
                kind=data["kind"],
                scheduled_at=form.scheduled_at(),
                place=data["place"],
                agenda=data["agenda"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                f"Dialog dengan {employee.full_name} dijadwalkan "
                f"{moment_id(dialogue.scheduled_at)}.",
            )
            return _detail(dialogue)
    context = {
        "form": form,
        "employee": employee,
        "title": "Jadwalkan dialog",
        "lede": f"Dengan {sentence_end(employee.full_name)} Pegawai menerima pemberitahuan "
        "berisi hari, tanggal, dan pukul.",
    }
    return render(request, "monitoring/dialogues/schedule.html", context)


def _parties(employee: Employee, appraiser: Employee | None) -> list[tuple[str, str]]:
    return [
        (OWNER_EMPLOYEE, f"Pegawai: {employee.full_name}"),
        (OWNER_APPRAISER, f"Pejabat penilai: {appraiser.full_name if appraiser else 'saya'}"),
    ]


def _record_page(
    request: HttpRequest,
    *,
    dialogue: PerformanceDialogue | None,
    employee: Employee,
    appraiser: Employee | None,
) -> HttpResponse:
    actor = request_actor(request)
    form = RecordForm(_posted(request), dialogue=dialogue, parties=_parties(employee, appraiser))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        appraiser_id = dialogue.appraiser_id if dialogue else (appraiser.pk if appraiser else 0)
        try:
            recorded = services.dialogue_record(
                actor=actor,
                dialogue=dialogue,
                employee=None if dialogue else employee,
                kind=data.get("kind") or DialogueKind.CHECK_IN,
                held_at=form.held_at(),
                notes=data["notes"],
                agenda=data["agenda"],
                place=data["place"],
                actions=form.action_drafts(employee.pk, appraiser_id),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Dialog dengan {employee.full_name} dicatat.")
            return _detail(recorded)
    context = {
        "form": form,
        "dialogue": dialogue,
        "employee": employee,
        "title": "Catat hasil dialog",
        "lede": f"Dengan {sentence_end(employee.full_name)} Pegawai menerima catatan ini bersama "
        "tindak lanjut yang disepakati.",
        "cancel_url": _detail_url(dialogue) if dialogue else reverse("monitoring:dialogue_index"),
    }
    return render(request, "monitoring/dialogues/record.html", context)


@require_http_methods(["GET", "POST"])
def dialogue_record(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    """Record a scheduled dialogue as done: notes and agreed actions."""
    actor = request_actor(request)
    dialogue = dialogue_get_for_actor(actor=actor, dialogue_id=dialogue_id)
    refuse(dialogue_scheduled_refusal(actor, dialogue, "dicatat"))
    return _record_page(
        request, dialogue=dialogue, employee=dialogue.employee, appraiser=dialogue.appraiser
    )


@require_http_methods(["GET", "POST"])
def dialogue_record_new(request: HttpRequest) -> HttpResponse:
    """Record a dialogue that already took place with `?pegawai=`."""
    actor = request_actor(request)
    employee = _employee_param(request)
    if employee is None:
        return _pick_page(
            request, "Catat dialog yang sudah dilaksanakan", "monitoring:dialogue_record_new"
        )
    refuse(dialogue_lead_refusal(actor, employee))
    return _record_page(
        request, dialogue=None, employee=employee, appraiser=employee_for_user(user=actor)
    )
