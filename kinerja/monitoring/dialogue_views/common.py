"""What the dialogue pages share: the tone of each state, the row of an agreed action, the
posted data of a form and the way back to the dialogue page."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse

from kinerja.monitoring.models import DialogueAction, DialogueState, PerformanceDialogue

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


@dataclass(frozen=True)
class ActionRow:
    action: DialogueAction
    dialogue_url: str
    overdue: bool
    may_mark: bool
