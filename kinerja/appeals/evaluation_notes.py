"""What the evaluation page shows of appeals (`kinerja.evaluation.notes`): how the result was
reached, its history, and the objection: the link to file one while the window runs (the rated
employee only), the objection's state or decision for whoever may see it, or that the window
has passed. One query (the evaluation's objection)."""

from __future__ import annotations

from django.urls import reverse

from kinerja.accounts.actors import Actor
from kinerja.appeals.models import DECIDED_STATES, Objection, ObjectionState
from kinerja.appeals.permissions import can_view_objection, is_rated_employee
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.notes import EvaluationNote
from kinerja.evaluation.rules import objection_deadline
from kinerja.people.holdings import today
from kinerja.scoring.formatting import format_date_id
from kinerja.scoring.ratings import Predikat


def _objection_note(objection: Objection) -> EvaluationNote:
    url = reverse("appeals:objection_detail", kwargs={"objection_id": objection.pk})
    state = objection.get_state_display()
    if objection.state in DECIDED_STATES and objection.decided_at is not None:
        text = f"Keberatan {state.lower()} pada {format_date_id(objection.decided_at.date())}"
        if objection.predikat_before != objection.predikat_after and objection.predikat_after:
            before = Predikat(objection.predikat_before).label if objection.predikat_before else "-"
            text += f": predikat kinerja {before} → {Predikat(objection.predikat_after).label}"
        tone = "success" if objection.state == ObjectionState.ACCEPTED else "neutral"
        return EvaluationNote(
            label="Lihat keputusan keberatan", url=url, text=f"{text}.", icon="scale",
            tone=tone, test_id="objection-note",
        )  # fmt: skip
    return EvaluationNote(
        label="Lihat keberatan", url=url, text=f"Keberatan {state.lower()}; menunggu keputusan.",
        icon="scale", tone="info", test_id="objection-note",
    )  # fmt: skip


def appeals_evaluation_notes(actor: Actor, evaluation: Evaluation) -> list[EvaluationNote]:
    if evaluation.state == EvaluationState.DRAFT:
        return []
    mine = is_rated_employee(actor, evaluation)
    notes = [
        EvaluationNote(
            label="Bagaimana nilai saya dihitung" if mine else "Bagaimana nilai dihitung",
            url=reverse("appeals:evaluation_explanation", kwargs={"evaluation_id": evaluation.pk}),
            icon="calculator",
        ),
        EvaluationNote(
            label="Riwayat penilaian",
            url=reverse("appeals:evaluation_timeline", kwargs={"evaluation_id": evaluation.pk}),
            icon="clock",
        ),
    ]
    objection = (
        Objection.objects.filter(evaluation_id=evaluation.pk)
        .exclude(state=ObjectionState.WITHDRAWN)
        .order_by("-pk")
        .first()
    )
    if objection is not None:
        objection.evaluation = evaluation
        if can_view_objection(actor, objection):
            notes.append(_objection_note(objection))
        return notes
    deadline = objection_deadline(evaluation)
    if not mine or deadline is None:
        return notes
    if today() <= deadline:
        notes.append(
            EvaluationNote(
                label=f"Ajukan keberatan (sampai {format_date_id(deadline)})",
                url=reverse("appeals:objection_file", kwargs={"evaluation_id": evaluation.pk}),
                icon="scale",
                test_id="objection-link",
            )
        )
    else:
        notes.append(
            EvaluationNote(
                text=(
                    f"Batas pengajuan keberatan telah lewat ({format_date_id(deadline)}, 14 hari "
                    "kalender sejak hasil penilaian diterima)."
                ),
                test_id="objection-closed",
            )
        )
    return notes
