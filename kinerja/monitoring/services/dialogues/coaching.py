"""The coaching feedback form: its nine statements and five answers, the check of a set of
answers, and the employee's one submission."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import refuse
from kinerja.audit.services import audit_record
from kinerja.monitoring.dialogue_permissions import coaching_feedback_refusal
from kinerja.monitoring.models import COACHING_ITEMS, CoachingFeedback, PerformanceDialogue
from kinerja.monitoring.services.dialogues.common import (
    AGENDA_MAX,
    Errors,
    _raise,
    _text_errors,
)

ANSWER_LABELS = {
    1: "Sangat tidak setuju",
    2: "Tidak setuju",
    3: "Ragu-ragu",
    4: "Setuju",
    5: "Sangat setuju",
}
"""The five answers of every coaching feedback item, value first."""
COACHING_STATEMENTS = {
    "heard": "Saya merasa didengarkan selama bimbingan.",
    "appreciated": "Tindakan dan usaha saya dihargai.",
    "free_to_speak": "Saya bebas menyampaikan pendapat.",
    "accurate_data": "Pandangan atasan didasarkan pada data yang akurat.",
    "positive": "Pandangan atasan disampaikan secara positif.",
    "more_questions": "Atasan lebih banyak bertanya daripada menggurui.",
    "found_solutions": "Saya dibantu menemukan solusi.",
    "knows_next": "Saya tahu apa yang harus saya lakukan selanjutnya.",
    "understands_purpose": "Saya memahami tujuan bimbingan ini.",
}
"""The nine statements of the coaching feedback form (REGULATIONS.md), in `COACHING_ITEMS`
order; the employee answers each from 1 (sangat tidak setuju) to 5 (sangat setuju)."""


def coaching_answers_errors(answers: Mapping[str, object]) -> Errors:
    """Every one of the nine items answered 1..5, nothing else; errors under each item's name
    (unknown names under `answers`)."""
    errors: Errors = {}
    accepted = "1 (Sangat tidak setuju) sampai 5 (Sangat setuju)"
    for item in COACHING_ITEMS:
        value = answers.get(item)
        statement = COACHING_STATEMENTS[item].rstrip(".")
        if value is None or value == "":
            errors[item] = [f"Butir “{statement}” belum dijawab; pilih {accepted}."]
        elif isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            errors[item] = [
                f"Jawaban “{value}” untuk butir “{statement}” tidak diterima; pilih {accepted}."
            ]
    unknown = sorted(set(answers) - set(COACHING_ITEMS))
    if unknown:
        errors["answers"] = [
            f"Butir {', '.join(unknown)} tidak ada pada formulir; butir yang dikenal: "
            f"{', '.join(COACHING_ITEMS)}."
        ]
    return errors


def coaching_feedback_submit(
    *,
    actor: Actor,
    dialogue: PerformanceDialogue,
    answers: Mapping[str, int],
    comment: str = "",
) -> CoachingFeedback:
    """The employee's 9-item feedback on a coaching dialogue that took place, once
    [coaching_feedback.submitted]."""
    refuse(coaching_feedback_refusal(actor, dialogue))
    errors = coaching_answers_errors(answers)
    errors |= _text_errors(comment, field="comment", label="Komentar", max_length=AGENDA_MAX)
    _raise(errors)
    with transaction.atomic():
        PerformanceDialogue.objects.select_for_update().filter(pk=dialogue.pk).first()
        if CoachingFeedback.objects.filter(dialogue_id=dialogue.pk).exists():
            raise ValidationError(
                {"dialogue": ["Umpan balik bimbingan untuk dialog ini sudah diisi; hanya sekali."]}
            )
        feedback = CoachingFeedback.objects.create(
            dialogue=dialogue,
            comment=comment.strip(),
            **{item: int(answers[item]) for item in COACHING_ITEMS},
        )
        audit_record(
            actor=actor,
            action="coaching_feedback.submitted",
            obj=feedback,
            after={item: getattr(feedback, item) for item in COACHING_ITEMS}
            | {"comment": feedback.comment},
        )
    return feedback
