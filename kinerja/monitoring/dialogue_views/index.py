"""My dialogues (`/dialog/`): upcoming and recent dialogues as the employee and as the
appraiser, the open agreed actions and the team one may lead a dialogue with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.core.rendering import render_page_or_fragment
from kinerja.monitoring.dialogue_permissions import can_mark_dialogue_action
from kinerja.monitoring.dialogue_views.common import STATE_TONES, ActionRow, _detail_url
from kinerja.monitoring.models import DialogueKind, DialogueState, PerformanceDialogue
from kinerja.monitoring.selectors.dialogues import ROLES, dialogue_list_for_actor
from kinerja.people.holdings import today


@dataclass(frozen=True)
class DialogueRow:
    dialogue: PerformanceDialogue
    url: str
    tone: str
    late: bool
    feedback_label: str


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
