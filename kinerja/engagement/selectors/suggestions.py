"""Reading the suggestion box: the public answered suggestions, mine, one (public when
answered, else only its author and BKPSDM; 404 otherwise) and the BKPSDM inbox."""

from __future__ import annotations

from django.db.models import F, Q, QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.engagement.models import Suggestion, SuggestionState
from kinerja.engagement.permissions import can_answer_suggestions
from kinerja.engagement.services.suggestions import NOT_ANSWERER


def _signed_in(actor: Actor) -> bool:
    return actor is not None and getattr(actor, "is_authenticated", False) and actor.is_active


def suggestion_public_list(*, actor: Actor) -> QuerySet[Suggestion]:
    """Answered suggestions, newest answer first (never the author: the caller shows no name)."""
    if not _signed_in(actor):
        return Suggestion.objects.none()
    return Suggestion.objects.filter(state=SuggestionState.ANSWERED).order_by(
        F("answered_at").desc(nulls_last=True), "-pk"
    )


def suggestion_list_mine(*, actor: Actor) -> QuerySet[Suggestion]:
    if not _signed_in(actor):
        return Suggestion.objects.none()
    assert actor is not None
    return Suggestion.objects.filter(author_id=actor.pk).order_by("-created_at", "-pk")


def suggestion_get_for_actor(*, actor: Actor, suggestion_id: int) -> Suggestion:
    """A public answered suggestion, or my own, or any for BKPSDM; 404 otherwise."""
    if not _signed_in(actor):
        raise Http404
    assert actor is not None
    query = Q(state=SuggestionState.ANSWERED) | Q(author_id=actor.pk)
    if can_answer_suggestions(actor):
        query = Q(pk__isnull=False)
    found = Suggestion.objects.filter(query, pk=suggestion_id).first()
    if found is None:
        raise Http404
    return found


def suggestion_inbox_for_actor(*, actor: Actor, state: str = "") -> QuerySet[Suggestion]:
    """The BKPSDM inbox, oldest waiting first; filtered by `state` when given. 403 for others."""
    require(can_answer_suggestions(actor), NOT_ANSWERER)
    rows = Suggestion.objects.select_related("author").order_by("created_at", "pk")
    if state in SuggestionState.values:
        rows = rows.filter(state=state)
    return rows


def suggestion_waiting_count(*, actor: Actor) -> int:
    if not can_answer_suggestions(actor):
        return 0
    return Suggestion.objects.filter(state=SuggestionState.SUBMITTED).count()
