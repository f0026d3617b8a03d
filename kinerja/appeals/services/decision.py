"""The decision of the appraiser's superior: final, and the evaluation locked again."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.appeals.models import Objection, ObjectionState
from kinerja.appeals.permissions import is_objection_decider
from kinerja.appeals.rules import NOT_DECIDER, decision_ready_refusal, text_errors
from kinerja.appeals.services.common import (
    objection_locked,
    objection_notify,
    objection_snapshot,
)
from kinerja.audit.services import audit_record
from kinerja.evaluation.hooks import predikat_hooks_run
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.rules import predikat_for, rating_errors
from kinerja.notifications.models import NotificationKind
from kinerja.people.holdings import employee_user_ids, today
from kinerja.scoring.ratings import Predikat, Rating


def _label(value: str, kind: type[Rating] | type[Predikat]) -> str:
    return kind(value).label if value else "-"


def _lowered_errors(results: tuple[str, str], behavior: tuple[str, str]) -> dict[str, list[str]]:
    """An accepted objection never lowers a rating: the objection is the employee's remedy,
    so accepting it may only raise the contested ratings (to lower them, reject)."""
    errors: dict[str, list[str]] = {}
    for field, label, (before, after) in (
        ("results_rating", "rating hasil kerja", results),
        ("behavior_rating", "rating perilaku kerja", behavior),
    ):
        if before and after and Rating(after).rank < Rating(before).rank:
            errors[field] = [
                f"Menerima keberatan tidak dapat menurunkan {label} dari "
                f"{Rating(before).label} ke {Rating(after).label}; pilih rating yang sama atau "
                "lebih tinggi, atau tolak keberatan."
            ]
    return errors


def objection_decide(
    *,
    actor: Actor,
    objection: Objection,
    accepted: bool,
    reason: str,
    results_rating: str = "",
    behavior_rating: str = "",
) -> Objection:
    """The decider accepts or rejects [objection.decided].

    Refused: 403 unless `permissions.is_objection_decider` (never the appraiser); `state` with
    `rules.decision_ready_refusal` (decided, withdrawn, explanation awaited and not overdue);
    `decision_reason` empty or longer than `TEXT_MAX`; accepting: `results_rating` /
    `behavior_rating` each blank (unchanged) or one of the ratings
    (`evaluation.rules.rating_errors`), at least one of them different from the evaluation's
    (otherwise "accept" changes nothing: refused keyed `results_rating`), and none lower than
    the evaluation's (an objection is the employee's remedy: refused keyed by the rating).

    In one transaction, the objection and its evaluation locked: the ratings before (and after)
    and the predikat before and after stored on the objection. Accepting: the evaluation's
    ratings changed, the predikat recomputed through the matrix (`evaluation.rules.
    predikat_for`), `locked_at` set (now) whether or not calibration had locked it, and an
    audit event `evaluation.changed_by_objection` on the evaluation with before/after and the
    objection id. Rejecting: the evaluation locked (`locked_at`, now) with its ratings as they
    are. Both: the audit event on the objection, notifications to the employee and the
    appraiser (OBJECTION_DECIDED). This is the one path that changes a locked evaluation or one
    of a closed period (`evaluation.rules.evaluation_change_refusal` is not asked): the decision
    is final (PP 30/2019 Pasal 59). The evaluation page, PDF and exports read the evaluation, so
    they show the new predikat from then on.

    Only the overall ratings (rating hasil kerja, rating perilaku kerja) and the predikat
    change: the per-result rows (`ResultRating`) and per-value rows (`BehaviorRating`) keep what
    the appraiser set, so the record shows both the appraiser's judgement and the decision that
    overruled it.
    """
    if actor is None or not is_objection_decider(actor, objection):
        raise PermissionDenied(NOT_DECIDER)
    errors = text_errors("decision_reason", "pertimbangan keputusan", reason)
    if accepted:
        errors |= rating_errors(
            "results_rating", "rating hasil kerja", results_rating, required=False
        )
        errors |= rating_errors(
            "behavior_rating", "rating perilaku kerja", behavior_rating, required=False
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = objection_locked(objection)
        refusal = decision_ready_refusal(locked, day=today())
        if refusal:
            raise ValidationError({"state": [refusal]})
        evaluation = Evaluation.objects.select_for_update().get(pk=locked.evaluation_id)
        results_before = evaluation.results_rating
        behavior_before = evaluation.behavior_rating
        predikat_before = evaluation.predikat
        results_after, behavior_after, predikat_after = (
            results_before,
            behavior_before,
            predikat_before,
        )
        if accepted:
            results_after = results_rating or results_before
            behavior_after = behavior_rating or behavior_before
            if (results_after, behavior_after) == (results_before, behavior_before):
                raise ValidationError(
                    {
                        "results_rating": [
                            "Menerima keberatan berarti mengubah hasil penilaian: pilih rating "
                            "hasil kerja atau rating perilaku kerja yang berbeda dari yang "
                            f"ditetapkan ({_label(results_before, Rating)} dan "
                            f"{_label(behavior_before, Rating)}), atau tolak keberatan."
                        ]
                    }
                )
            lowered = _lowered_errors(
                (results_before, results_after), (behavior_before, behavior_after)
            )
            if lowered:
                raise ValidationError(lowered)
            found = predikat_for(results_after, behavior_after)
            predikat_after = found.value if found else ""
        now = timezone.now()
        evaluation.results_rating = results_after
        evaluation.behavior_rating = behavior_after
        evaluation.predikat = predikat_after
        locked_before = evaluation.locked_at
        evaluation.locked_at = now
        evaluation.save(
            update_fields=[
                "results_rating",
                "behavior_rating",
                "predikat",
                "locked_at",
                "updated_at",
            ]
        )
        before = objection_snapshot(locked)
        locked.state = ObjectionState.ACCEPTED if accepted else ObjectionState.REJECTED
        locked.decision_reason = reason.strip()
        locked.decided_at = now
        locked.decided_by = actor
        locked.results_before = results_before
        locked.behavior_before = behavior_before
        locked.predikat_before = predikat_before
        locked.results_after = results_after
        locked.behavior_after = behavior_after
        locked.predikat_after = predikat_after
        locked.save()
        ratings_before = {
            "results_rating": results_before,
            "behavior_rating": behavior_before,
            "predikat": predikat_before,
        }
        ratings_after = {
            "results_rating": results_after,
            "behavior_rating": behavior_after,
            "predikat": predikat_after,
        }
        audit_record(
            actor=actor,
            action="objection.decided",
            obj=locked,
            before=before,
            after={
                **objection_snapshot(locked),
                "results_after": results_after,
                "behavior_after": behavior_after,
                "predikat_after": predikat_after,
            },
        )
        # The evaluation's own history: changed (accepted) or locked as it is (rejected).
        audit_record(
            actor=actor,
            action=(
                "evaluation.changed_by_objection" if accepted else "evaluation.locked_by_objection"
            ),
            obj=evaluation,
            before={
                **ratings_before,
                "locked_at": locked_before.isoformat() if locked_before else None,
            },
            after={**ratings_after, "locked_at": now.isoformat(), "objection_id": locked.pk},
        )
        if accepted:
            predikat_hooks_run(actor=actor, evaluation=evaluation)
        verdict = "diterima" if accepted else "ditolak"
        outcome = (
            f"Predikat kinerja menjadi {_label(predikat_after, Predikat)} "
            f"(sebelumnya {_label(predikat_before, Predikat)})."
            if accepted
            else f"Hasil penilaian tetap: predikat kinerja {_label(predikat_after, Predikat)}."
        )
        name = locked.employee.name
        objection_notify(
            objection=locked,
            recipient_ids=employee_user_ids([locked.employee_id]),
            kind=NotificationKind.OBJECTION_DECIDED,
            title=f"Keberatan Anda {verdict}",
            text=f"{outcome} Keputusan atasan pejabat penilai bersifat final.",
        )
        objection_notify(
            objection=locked,
            recipient_ids=employee_user_ids([locked.appraiser_id]),
            kind=NotificationKind.OBJECTION_DECIDED,
            title=f"Keberatan {name} {verdict}",
            text=f"{outcome} Keputusan atasan pejabat penilai bersifat final.",
        )
    return locked
