"""What apps above evaluation add to one evaluation's page: links and short notes.

The appeals app (how the result was reached, its history, the objection and its decision) sits
above evaluation, so evaluation never imports it: it registers a provider in its
`AppConfig.ready()`, as apps do for "Tugas saya" (`kinerja.core.my_tasks`). A provider gets the
actor and the evaluation (already authorised by the page's selector) and returns what that
actor should see, in a constant number of queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kinerja.accounts.actors import Actor

if TYPE_CHECKING:
    from kinerja.evaluation.models import Evaluation


@dataclass(frozen=True)
class EvaluationNote:
    """A link (`url`) with its `label`, or a sentence (`text`), or both."""

    label: str = ""
    url: str = ""
    text: str = ""
    icon: str = ""
    tone: str = "neutral"  # the badge tone of a sentence: neutral, info, success, warning, danger
    test_id: str = ""


EvaluationNoteProvider = Callable[[Actor, "Evaluation"], list[EvaluationNote]]

_providers: list[EvaluationNoteProvider] = []


def evaluation_note_provider_register(provider: EvaluationNoteProvider) -> EvaluationNoteProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def evaluation_notes(actor: Actor, evaluation: Evaluation) -> list[EvaluationNote]:
    """Every registered provider's notes for this actor and evaluation, in registration order."""
    return [note for provider in _providers for note in provider(actor, evaluation)]
