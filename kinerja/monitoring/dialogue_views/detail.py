"""One dialogue: its page (actions, coaching feedback state, what the reader may do), editing
it and cancelling a scheduled one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import refuse
from kinerja.monitoring.dialogue_forms import CancelForm, EditForm
from kinerja.monitoring.dialogue_permissions import (
    can_add_dialogue_action,
    can_cancel_dialogue,
    can_change_dialogue,
    can_fill_coaching_feedback,
    can_mark_dialogue_action,
    can_read_coaching_answers,
    can_record_dialogue,
    dialogue_change_refusal,
    dialogue_scheduled_refusal,
)
from kinerja.monitoring.dialogue_views.common import (
    STATE_TONES,
    ActionRow,
    _detail,
    _detail_url,
    _posted,
)
from kinerja.monitoring.models import DialogueKind, DialogueState
from kinerja.monitoring.selectors.dialogues import (
    coaching_feedback_of,
    dialogue_actions,
    dialogue_get_for_actor,
)
from kinerja.monitoring.services import dialogues as services
from kinerja.monitoring.services.dialogues import moment_id
from kinerja.people.holdings import today


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
    refuse(dialogue_change_refusal(actor, dialogue))
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
    refuse(dialogue_scheduled_refusal(actor, dialogue, "dibatalkan"))
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
