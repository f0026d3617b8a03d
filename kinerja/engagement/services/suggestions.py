"""The suggestion box: anyone signed in sends a suggestion about Kinerja; Admin BKPSDM answers
it publicly (ANSWERED, shown to everyone without the author's name) or to the author only
(DECLINED: a personal matter, a duplicate). The author is told either way."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.engagement.models import Suggestion, SuggestionState
from kinerja.engagement.permissions import can_answer_suggestions
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import notify

TITLE_MAX = 150
BODY_MAX = 4000
ANSWER_MAX = 4000
PAGE_MAX = 200
NOT_SIGNED_IN = "Saran hanya dapat dikirim oleh pengguna yang masuk."
NOT_ANSWERER = "Saran dijawab oleh Admin BKPSDM."


def suggestion_url(suggestion: Suggestion) -> str:
    return reverse("engagement:suggestion_detail", kwargs={"suggestion_id": suggestion.pk})


def suggestion_snapshot(suggestion: Suggestion) -> dict[str, Any]:
    return {
        "title": suggestion.title,
        "state": suggestion.state,
        "answer": suggestion.answer,
    }


def _text_error(field: str, label: str, value: str, maximum: int) -> list[str]:
    if not value:
        return [f"{label} wajib diisi (1 sampai {maximum} karakter)."]
    if len(value) > maximum:
        return [f"{label} berisi {len(value)} karakter; paling banyak {maximum} karakter."]
    return []


def suggestion_submit(*, actor: Actor, title: str, body: str, page: str = "") -> Suggestion:
    """A new suggestion [suggestion.submitted]. Refused: 403 when not signed in; `title` empty
    or over 150 characters, `body` empty or over 4.000, `page` over 200."""
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise PermissionDenied(NOT_SIGNED_IN)
    title, body, page = (title or "").strip(), (body or "").strip(), (page or "").strip()
    errors = {
        "title": _text_error("title", "Judul", title, TITLE_MAX),
        "body": _text_error("body", "Saran", body, BODY_MAX),
        "page": (
            [f"Halaman terkait berisi {len(page)} karakter; paling banyak {PAGE_MAX} karakter."]
            if len(page) > PAGE_MAX
            else []
        ),
    }
    errors = {key: value for key, value in errors.items() if value}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        suggestion = Suggestion.objects.create(author=actor, title=title, body=body, page=page)
        audit_record(
            actor=actor,
            action="suggestion.submitted",
            obj=suggestion,
            after=suggestion_snapshot(suggestion),
        )
    return suggestion


def suggestion_answer(
    *, actor: Actor, suggestion: Suggestion, answer: str, publish: bool
) -> Suggestion:
    """BKPSDM answers [suggestion.answered → ANSWERED, public; suggestion.declined → DECLINED,
    to the author only]; the author is told (SUGGESTION_ANSWERED). Refused: 403 unless Admin
    BKPSDM; `state` unless SUBMITTED (answered once); `answer` empty or over 4.000 characters."""
    if not can_answer_suggestions(actor):
        raise PermissionDenied(NOT_ANSWERER)
    answer = (answer or "").strip()
    errors = _text_error("answer", "Jawaban", answer, ANSWER_MAX)
    if errors:
        raise ValidationError({"answer": errors})
    with transaction.atomic():
        locked = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
        if locked.state != SuggestionState.SUBMITTED:
            raise ValidationError(
                {
                    "state": [
                        f"Saran berstatus {locked.get_state_display()} sudah dijawab; saran "
                        "dijawab sekali, selagi berstatus Diterima."
                    ]
                }
            )
        before = suggestion_snapshot(locked)
        locked.state = SuggestionState.ANSWERED if publish else SuggestionState.DECLINED
        locked.answer = answer
        locked.answered_by = actor
        locked.answered_at = timezone.now()
        locked.save(update_fields=["state", "answer", "answered_by", "answered_at", "updated_at"])
        audit_record(
            actor=actor,
            action="suggestion.answered" if publish else "suggestion.declined",
            obj=locked,
            before=before,
            after=suggestion_snapshot(locked),
        )
        notify(
            recipient_ids=[locked.author_id],
            kind=NotificationKind.SUGGESTION_ANSWERED,
            title=f"Saran Anda “{locked.title}” sudah dijawab BKPSDM",
            text=(
                "Jawabannya ditayangkan di kotak saran tanpa nama Anda."
                if publish
                else "Jawabannya hanya untuk Anda; saran ini tidak ditayangkan."
            ),
            url=suggestion_url(locked),
        )
    return locked
