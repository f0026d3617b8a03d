"""Dialogue pages: my dialogues (`/dialog/`), schedule, record, edit, cancel, the dialogue page,
agreed actions (add, done, reopen) and the coaching feedback form. Each fetches through the
`_get_for_actor` selectors (404 for those who may not know the dialogue), asks
`dialogue_permissions` before showing a form (403 with the reason) and lets the services
decide; every form is a plain POST that works without JavaScript."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.core.params import id_param
from kinerja.core.rendering import render_page_or_fragment
from kinerja.core.templatetags.kinerja_ui import sentence_end
from kinerja.monitoring.dialogue_forms import (
    OWNER_APPRAISER,
    OWNER_EMPLOYEE,
    ActionForm,
    CancelForm,
    CoachingFeedbackForm,
    DoneForm,
    EditForm,
    RecordForm,
    ScheduleForm,
    owner_id,
)
from kinerja.monitoring.dialogue_permissions import (
    can_add_dialogue_action,
    can_cancel_dialogue,
    can_change_dialogue,
    can_fill_coaching_feedback,
    can_lead_dialogue,
    can_mark_dialogue_action,
    can_read_coaching_answers,
    can_record_dialogue,
    coaching_feedback_refusal,
    dialogue_action_add_refusal,
    dialogue_action_mark_refusal,
    dialogue_change_refusal,
    dialogue_lead_refusal,
    dialogue_scheduled_refusal,
)
from kinerja.monitoring.models import (
    COACHING_ITEMS,
    DialogueAction,
    DialogueKind,
    DialogueState,
    PerformanceDialogue,
)
from kinerja.monitoring.selectors.dialogues import (
    ROLES,
    coaching_feedback_of,
    dialogue_action_get_for_actor,
    dialogue_actions,
    dialogue_get_for_actor,
    dialogue_list_for_actor,
)
from kinerja.monitoring.services import dialogues as services
from kinerja.monitoring.services.dialogues import ANSWER_LABELS, COACHING_STATEMENTS, moment_id
from kinerja.people.holdings import today
from kinerja.people.models import Employee
from kinerja.people.selectors import employee_for_user

STATE_TONES = {
    DialogueState.SCHEDULED: "info",
    DialogueState.DONE: "success",
    DialogueState.CANCELLED: "neutral",
}


def _posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def _detail(dialogue: PerformanceDialogue | int) -> HttpResponse:
    pk = dialogue if isinstance(dialogue, int) else dialogue.pk
    return redirect("monitoring:dialogue_detail", dialogue_id=pk)


def _detail_url(dialogue: PerformanceDialogue) -> str:
    return reverse("monitoring:dialogue_detail", kwargs={"dialogue_id": dialogue.pk})


# --- my dialogues ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DialogueRow:
    dialogue: PerformanceDialogue
    url: str
    tone: str
    late: bool
    feedback_label: str


@dataclass(frozen=True)
class ActionRow:
    action: DialogueAction
    dialogue_url: str
    overdue: bool
    may_mark: bool


def _dialogue_rows(dialogues: list[PerformanceDialogue], actor: Any) -> list[DialogueRow]:
    now_day = today()
    rows = []
    for d in dialogues:
        feedback = ""
        if d.kind == DialogueKind.COACHING and d.state == DialogueState.DONE:
            feedback = "Sudah diisi" if getattr(d, "has_feedback", False) else "Belum diisi"
        rows.append(
            DialogueRow(
                dialogue=d,
                url=_detail_url(d),
                tone=STATE_TONES.get(DialogueState(d.state), "neutral"),
                late=d.state == DialogueState.SCHEDULED and d.scheduled_at.date() < now_day,
                feedback_label=feedback,
            )
        )
    return rows


@require_GET
def dialogue_index(request: HttpRequest) -> HttpResponse:
    """My dialogues as the employee and as the appraiser (`?peran=pegawai|penilai`)."""
    actor = request_actor(request)
    role = request.GET.get("peran") if request.GET.get("peran") in ROLES else None
    overview = dialogue_list_for_actor(actor=actor, role=role)
    day = overview.today
    context = {
        "overview": overview,
        "role": role or "",
        "upcoming": _dialogue_rows(overview.upcoming, actor),
        "recent": _dialogue_rows(overview.recent, actor),
        "actions": [
            ActionRow(
                action=a,
                dialogue_url=_detail_url(a.dialogue),
                overdue=a.due_date < day,
                may_mark=can_mark_dialogue_action(actor, a),
            )
            for a in overview.open_actions
        ],
        "team": overview.team,
    }
    return render_page_or_fragment(
        request,
        page="monitoring/dialogues/index.html",
        fragment="monitoring/dialogues/_index_part.html",
        context=context,
    )


# --- schedule and record ------------------------------------------------------------------


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
    require(can_lead_dialogue(actor, employee), dialogue_lead_refusal(actor, employee) or "")
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
    require(
        can_record_dialogue(actor, dialogue),
        dialogue_scheduled_refusal(actor, dialogue, "dicatat") or "",
    )
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
    require(can_lead_dialogue(actor, employee), dialogue_lead_refusal(actor, employee) or "")
    return _record_page(
        request, dialogue=None, employee=employee, appraiser=employee_for_user(user=actor)
    )


# --- one dialogue ---------------------------------------------------------------------------


@require_GET
def dialogue_detail(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    actor = request_actor(request)
    dialogue = dialogue_get_for_actor(actor=actor, dialogue_id=dialogue_id)
    day = today()
    actions = [
        ActionRow(
            action=a,
            dialogue_url="",
            overdue=a.done_at is None and a.due_date < day,
            may_mark=can_mark_dialogue_action(actor, a),
        )
        for a in dialogue_actions(dialogue=dialogue)
    ]
    is_coaching = dialogue.kind == DialogueKind.COACHING
    feedback = coaching_feedback_of(dialogue=dialogue) if is_coaching else None
    context = {
        "dialogue": dialogue,
        "tone": STATE_TONES.get(DialogueState(dialogue.state), "neutral"),
        "when": moment_id(dialogue.scheduled_at),
        "held": moment_id(dialogue.held_at) if dialogue.held_at else "",
        "actions": actions,
        "is_coaching": is_coaching,
        "feedback": feedback,
        "may_fill": is_coaching
        and feedback is None
        and can_fill_coaching_feedback(actor, dialogue),
        "may_read_answers": feedback is not None and can_read_coaching_answers(actor, dialogue),
        "may_record": can_record_dialogue(actor, dialogue),
        "may_edit": can_change_dialogue(actor, dialogue),
        "may_cancel": can_cancel_dialogue(actor, dialogue),
        "may_add_action": can_add_dialogue_action(actor, dialogue),
    }
    return render(request, "monitoring/dialogues/detail.html", context)


@require_http_methods(["GET", "POST"])
def dialogue_edit(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    actor = request_actor(request)
    dialogue = dialogue_get_for_actor(actor=actor, dialogue_id=dialogue_id)
    require(can_change_dialogue(actor, dialogue), dialogue_change_refusal(actor, dialogue) or "")
    form = EditForm(_posted(request), dialogue=dialogue)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.dialogue_update(
                actor=actor,
                dialogue=dialogue,
                agenda=data["agenda"],
                place=data["place"],
                notes=data["notes"],
                scheduled_at=form.scheduled_at(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Dialog diubah.")
            return _detail(dialogue)
    context = {
        "form": form,
        "dialogue": dialogue,
        "title": "Ubah dialog",
        "submit": "Simpan",
        "cancel_url": _detail_url(dialogue),
    }
    return render(request, "monitoring/dialogues/form.html", context)


@require_http_methods(["GET", "POST"])
def dialogue_cancel(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    actor = request_actor(request)
    dialogue = dialogue_get_for_actor(actor=actor, dialogue_id=dialogue_id)
    require(
        can_cancel_dialogue(actor, dialogue),
        dialogue_scheduled_refusal(actor, dialogue, "dibatalkan") or "",
    )
    form = CancelForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.dialogue_cancel(
                actor=actor, dialogue=dialogue, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Dialog dibatalkan; pegawai diberi tahu.")
            return _detail(dialogue)
    context = {
        "form": form,
        "dialogue": dialogue,
        "title": "Batalkan dialog",
        "lede": f"Dialog dengan {dialogue.employee.full_name} pada "
        f"{moment_id(dialogue.scheduled_at)} dibatalkan dan pegawai menerima alasannya.",
        "submit": "Batalkan dialog",
        "danger": True,
        "cancel_url": _detail_url(dialogue),
    }
    return render(request, "monitoring/dialogues/form.html", context)


# --- actions --------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def dialogue_action_add(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    actor = request_actor(request)
    dialogue = dialogue_get_for_actor(actor=actor, dialogue_id=dialogue_id)
    require(
        can_add_dialogue_action(actor, dialogue), dialogue_action_add_refusal(actor, dialogue) or ""
    )
    form = ActionForm(_posted(request), dialogue=dialogue)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.dialogue_action_add(
                actor=actor,
                dialogue=dialogue,
                text=data["text"],
                owner=owner_id(dialogue, data["owner"]),
                due_date=data["due_date"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Tindak lanjut ditambahkan.")
            return _detail(dialogue)
    context = {
        "form": form,
        "dialogue": dialogue,
        "title": "Tambah tindak lanjut",
        "submit": "Tambah",
        "cancel_url": _detail_url(dialogue),
    }
    return render(request, "monitoring/dialogues/form.html", context)


@require_http_methods(["GET", "POST"])
def dialogue_action_done(request: HttpRequest, action_id: int) -> HttpResponse:
    actor = request_actor(request)
    action = dialogue_action_get_for_actor(actor=actor, action_id=action_id)
    require(
        can_mark_dialogue_action(actor, action), dialogue_action_mark_refusal(actor, action) or ""
    )
    if action.done_at is not None:
        messages.info(request, "Tindak lanjut ini sudah selesai.")
        return _detail(action.dialogue_id)
    form = DoneForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.dialogue_action_done(
                actor=actor, action=action, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Tindak lanjut ditandai selesai.")
            return _detail(action.dialogue_id)
    context = {
        "form": form,
        "dialogue": action.dialogue,
        "title": "Tandai tindak lanjut selesai",
        "lede": f"“{action.text}” — penanggung jawab {action.owner.full_name}.",
        "submit": "Tandai selesai",
        "cancel_url": _detail_url(action.dialogue),
    }
    return render(request, "monitoring/dialogues/form.html", context)


@require_http_methods(["GET", "POST"])
def dialogue_action_reopen(request: HttpRequest, action_id: int) -> HttpResponse:
    actor = request_actor(request)
    action = dialogue_action_get_for_actor(actor=actor, action_id=action_id)
    require(
        can_mark_dialogue_action(actor, action), dialogue_action_mark_refusal(actor, action) or ""
    )
    if request.method == "POST":
        try:
            services.dialogue_action_reopen(actor=actor, action=action)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, "Tindak lanjut dibuka kembali.")
        return _detail(action.dialogue_id)
    context = {
        "dialogue": action.dialogue,
        "action": action,
        "cancel_url": _detail_url(action.dialogue),
    }
    return render(request, "monitoring/dialogues/action_reopen.html", context)


# --- coaching feedback ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def coaching_feedback(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    """The employee fills the nine items once; the coach (and Inspektorat) read the answers."""
    actor = request_actor(request)
    dialogue = dialogue_get_for_actor(actor=actor, dialogue_id=dialogue_id)
    feedback = coaching_feedback_of(dialogue=dialogue)
    form = None
    if feedback is None:
        require(
            can_fill_coaching_feedback(actor, dialogue),
            coaching_feedback_refusal(actor, dialogue) or "",
        )
        form = CoachingFeedbackForm(_posted(request))
        if request.method == "POST" and form.is_valid():
            try:
                services.coaching_feedback_submit(
                    actor=actor,
                    dialogue=dialogue,
                    answers=form.answers(),
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, "Terima kasih; umpan balik bimbingan tersimpan.")
                return _detail(dialogue)
    elif request.method == "POST":
        messages.info(request, "Umpan balik bimbingan untuk dialog ini sudah diisi.")
        return _detail(dialogue)
    answers = []
    if feedback is not None and can_read_coaching_answers(actor, dialogue):
        answers = [
            (
                COACHING_STATEMENTS[item],
                getattr(feedback, item),
                ANSWER_LABELS[getattr(feedback, item)],
            )
            for item in COACHING_ITEMS
        ]
    context = {
        "dialogue": dialogue,
        "form": form,
        "feedback": feedback,
        "answers": answers,
        "cancel_url": _detail_url(dialogue),
    }
    return render(request, "monitoring/dialogues/coaching_feedback.html", context)
