"""The coaching feedback form: the employee fills the nine items once; the coach (and
Inspektorat) read the answers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import refuse
from kinerja.monitoring.dialogue_forms import CoachingFeedbackForm
from kinerja.monitoring.dialogue_permissions import (
    can_read_coaching_answers,
    coaching_feedback_refusal,
)
from kinerja.monitoring.dialogue_views.common import _detail, _detail_url, _posted
from kinerja.monitoring.models import COACHING_ITEMS
from kinerja.monitoring.selectors.dialogues import coaching_feedback_of, dialogue_get_for_actor
from kinerja.monitoring.services import dialogues as services
from kinerja.monitoring.services.dialogues import ANSWER_LABELS, COACHING_STATEMENTS


@require_http_methods(["GET", "POST"])
def coaching_feedback(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    """The employee fills the nine items once; the coach (and Inspektorat) read the answers."""
    actor = request_actor(request)
    dialogue = dialogue_get_for_actor(actor=actor, dialogue_id=dialogue_id)
    feedback = coaching_feedback_of(dialogue=dialogue)
    form = None
    if feedback is None:
        refuse(coaching_feedback_refusal(actor, dialogue))
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
