"""Agreed actions of a dialogue: add one, mark it done with a note, reopen it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import refuse
from kinerja.monitoring.dialogue_forms import ActionForm, DoneForm, owner_id
from kinerja.monitoring.dialogue_permissions import (
    dialogue_action_add_refusal,
    dialogue_action_mark_refusal,
)
from kinerja.monitoring.dialogue_views.common import _detail, _detail_url, _posted
from kinerja.monitoring.selectors.dialogues import (
    dialogue_action_get_for_actor,
    dialogue_get_for_actor,
)
from kinerja.monitoring.services import dialogues as services


@require_http_methods(["GET", "POST"])
def dialogue_action_add(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    actor = request_actor(request)
    dialogue = dialogue_get_for_actor(actor=actor, dialogue_id=dialogue_id)
    refuse(dialogue_action_add_refusal(actor, dialogue))
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
    refuse(dialogue_action_mark_refusal(actor, action))
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
    refuse(dialogue_action_mark_refusal(actor, action))
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
