"""Calibration sessions: open, move a rating with a reason, lock the group.

Only BKPSDM and the Pimpinan calibrate (`permissions.can_calibrate`). A session belongs to one
agency and one group's time (`rules.Scope`); it is opened once, moves ratings of rated or
acknowledged evaluations while it is open, and ends by locking the group: from then on an
evaluation changes only through an objection decision (`rules.evaluation_change_refusal`).
Each service audits `calibration.<verb>` and notifies the employees inside its transaction.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.evaluation.hooks import predikat_hooks_run
from kinerja.evaluation.models import (
    CalibrationField,
    CalibrationMove,
    CalibrationSession,
    CalibrationState,
    Evaluation,
    EvaluationState,
)
from kinerja.evaluation.permissions import NOT_CALIBRATOR, can_calibrate
from kinerja.evaluation.rules import (
    REASON_MAX,
    Scope,
    evaluation_change_refusal,
    predikat_for,
    rating_errors,
)
from kinerja.evaluation.selectors.common import group_evaluations, scope_filter
from kinerja.evaluation.selectors.distribution import group_distribution
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import notify
from kinerja.organization.models import Agency
from kinerja.periods.models import PeriodState
from kinerja.scoring.formatting import format_date_id
from kinerja.scoring.ratings import Predikat, Rating

DONE_STATES = (EvaluationState.RATED, EvaluationState.ACKNOWLEDGED)
FIELD_LABELS = {
    CalibrationField.RESULTS.value: "rating hasil kerja",
    CalibrationField.BEHAVIOR.value: "rating perilaku kerja",
}
RATING_FIELDS = {
    CalibrationField.RESULTS.value: "results_rating",
    CalibrationField.BEHAVIOR.value: "behavior_rating",
}


def _require_calibrator(actor: Actor) -> None:
    if not can_calibrate(actor):
        raise PermissionDenied(NOT_CALIBRATOR)


def session_scope(session: CalibrationSession) -> Scope:
    return Scope(session.period, session.window)


def _sessions(agency: Agency, scope: Scope) -> QuerySet[CalibrationSession]:
    return CalibrationSession.objects.filter(scope.period_window_q(), agency=agency).order_by()


def _period_refusal(scope: Scope) -> str | None:
    period = scope.period
    if period.state == PeriodState.CLOSED:
        return f"{period.name} sudah ditutup; kalibrasi tidak dapat dilakukan lagi."
    return None


def _locked_refusal(session: CalibrationSession, scope: Scope) -> str:
    when = format_date_id(timezone.localdate(session.locked_at)) if session.locked_at else ""
    return (
        f"Kalibrasi {session.agency.name} {scope.label} sudah dikunci"
        f"{' pada ' + when if when else ''}; perubahan hanya melalui keputusan keberatan."
    )


def calibration_url(session: CalibrationSession) -> str:
    base = reverse("evaluation:calibration", kwargs={"agency_id": session.agency_id})
    scope = session_scope(session)
    return f"{base}?periode={scope.period.pk}&evaluasi={scope.param}"


def session_snapshot(session: CalibrationSession) -> dict[str, Any]:
    return {
        "agency_id": session.agency_id,
        "period_id": session.period_id,
        "window_id": session.window_id,
        "state": session.state,
    }


def calibration_open(*, actor: Actor, agency: Agency, scope: Scope) -> CalibrationSession:
    """Open the agency's calibration session for the group's time [calibration.opened]; an
    open session is returned as it is. Refused once the period is closed or the session is
    locked."""
    _require_calibrator(actor)
    refusal = _period_refusal(scope)
    if refusal:
        raise ValidationError({NON_FIELD_ERRORS: [refusal]})
    with transaction.atomic():
        session = _sessions(agency, scope).select_for_update().first()
        if session is None:
            try:
                with transaction.atomic():
                    session = CalibrationSession.objects.create(
                        agency=agency, period=scope.period, window=scope.window, opened_by=actor
                    )
            except IntegrityError:  # opened meanwhile by someone else
                session = _sessions(agency, scope).select_for_update().get()
            else:
                audit_record(
                    actor=actor,
                    action="calibration.opened",
                    obj=session,
                    after=session_snapshot(session),
                )
                return session
        if session.state == CalibrationState.LOCKED:
            session.agency = agency
            raise ValidationError({NON_FIELD_ERRORS: [_locked_refusal(session, scope)]})
    return session


def _move_errors(
    session: CalibrationSession, evaluation: Evaluation, field: str, after: str, reason: str
) -> dict[str, list[str]]:
    scope = session_scope(session)
    plan = evaluation.plan
    in_group = (
        plan.position.agency_id == session.agency_id
        and Evaluation.objects.filter(scope_filter(scope), pk=evaluation.pk).exists()
    )
    if not in_group:
        return {
            "evaluation": [
                f"Penilaian {plan.employee.full_name} bukan bagian kelompok "
                f"{session.agency.name} {scope.label}; pilih pegawai dari kisi kalibrasi ini."
            ]
        }
    if evaluation.state not in DONE_STATES:
        return {
            "evaluation": [
                f"Penilaian {plan.employee.full_name} masih draf; kalibrasi hanya menggeser "
                "rating yang sudah ditetapkan."
            ]
        }
    refusal = evaluation_change_refusal(evaluation)
    if refusal:
        return {"evaluation": [refusal]}
    if field not in RATING_FIELDS:
        return {
            "field": [
                f"Rating {field[:20]!r} tidak dikenal; pilih RESULTS (rating hasil kerja) atau "
                "BEHAVIOR (rating perilaku kerja)."
            ]
        }
    if field == CalibrationField.RESULTS and (
        plan.position.is_head_of_agency or evaluation.results_from_organization
    ):
        return {
            "field": [
                f"Rating hasil kerja {plan.employee.full_name} sebagai kepala perangkat daerah "
                "mengikuti predikat kinerja organisasi dan tidak dapat digeser; geser rating "
                "perilaku kerja atau ubah predikat organisasinya."
            ]
        }
    label = FIELD_LABELS[field]
    errors = rating_errors("after", f"{label} baru", after, required=True)
    if errors:
        return errors
    before = getattr(evaluation, RATING_FIELDS[field])
    if after == before:
        return {
            "after": [
                f"{label.capitalize()} {plan.employee.full_name} sudah "
                f"{Rating(after).label}; pilih rating lain untuk menggesernya."
            ]
        }
    if not reason.strip():
        return {"reason": [f"Alasan wajib diisi: tuliskan mengapa {label} digeser."]}
    if len(reason) > REASON_MAX:
        return {
            "reason": [
                f"Alasan terlalu panjang ({len(reason)} karakter); paling banyak {REASON_MAX} "
                "karakter."
            ]
        }
    return {}


def _evaluation_url(evaluation: Evaluation) -> str:
    return reverse("evaluation:evaluation_detail", kwargs={"evaluation_id": evaluation.pk})


def calibration_move(
    *,
    actor: Actor,
    session: CalibrationSession,
    evaluation: Evaluation,
    field: str,
    after: str,
    reason: str,
) -> CalibrationMove:
    """Move one rating of a rated evaluation of the session's group [calibration.moved]: the
    rating and the predikat change, the move is kept with who and why, the audit event on the
    evaluation holds before and after, and the employee is told. Refused unless the session
    is open, the evaluation is rated and may change, the rating is new and a reason is given;
    a head of agency's results rating follows the organisation and is never moved."""
    _require_calibrator(actor)
    reason = reason.strip()
    with transaction.atomic():
        session = (
            CalibrationSession.objects.select_for_update(of=("self",))
            .select_related("agency", "period", "window")
            .get(pk=session.pk)
        )
        scope = session_scope(session)
        if session.state == CalibrationState.LOCKED:
            raise ValidationError({NON_FIELD_ERRORS: [_locked_refusal(session, scope)]})
        refusal = _period_refusal(scope)
        if refusal:
            raise ValidationError({NON_FIELD_ERRORS: [refusal]})
        locked = (
            Evaluation.objects.select_for_update(of=("self",))
            .select_related("plan__period", "plan__employee", "plan__position")
            .order_by()
            .get(pk=evaluation.pk)
        )
        errors = _move_errors(session, locked, field, after, reason)
        if errors:
            raise ValidationError(errors)
        attribute = RATING_FIELDS[field]
        before_rating = getattr(locked, attribute)
        before_predikat = locked.predikat
        setattr(locked, attribute, after)
        found = predikat_for(locked.results_rating, locked.behavior_rating)
        locked.predikat = found.value if found else ""
        locked.save(update_fields=[attribute, "predikat", "updated_at"])
        move = CalibrationMove.objects.create(
            session=session,
            evaluation=locked,
            field=field,
            before=before_rating,
            after=after,
            predikat_before=before_predikat,
            predikat_after=locked.predikat,
            reason=reason,
            moved_by=actor,
        )
        audit_record(
            actor=actor,
            action="calibration.moved",
            obj=locked,
            before={attribute: before_rating, "predikat": before_predikat},
            after={attribute: after, "predikat": locked.predikat, "reason": reason},
        )
        predikat_hooks_run(actor=actor, evaluation=locked)
        label = FIELD_LABELS[field]
        shown = Predikat(locked.predikat).label if locked.predikat else "-"
        notify(
            recipient_ids=[locked.plan.employee.user_id],
            kind=NotificationKind.EVALUATION_CHANGED,
            title=f"Hasil penilaian {scope.label} diubah dalam kalibrasi",
            text=(
                f"{label.capitalize()} Anda digeser dari {Rating(before_rating).label} ke "
                f"{Rating(after).label}; predikat kini {shown}. Alasan: {reason}"
            ),
            url=_evaluation_url(locked),
        )
    evaluation.refresh_from_db(fields=[attribute, "predikat"])
    return move


def _draft_refusal(count: int, agency: Agency, scope: Scope) -> str:
    return (
        f"Masih ada {count} penilaian berstatus draf di {agency.name} {scope.label}; "
        "kelompok dapat dikunci setelah semua penilaian ditetapkan pejabat penilainya."
    )


def _justification_refusal(violations: list[str]) -> str:
    listed = "; ".join(violation.rstrip(".") for violation in violations)
    return (
        f"Sebaran predikat menyimpang dari pedoman distribusi: {listed}. Tuliskan justifikasi "
        "penyimpangan ini untuk mengunci hasil penilaian."
    )


def calibration_lock(
    *, actor: Actor, agency: Agency, scope: Scope, justification: str = ""
) -> CalibrationSession:
    """Lock the group's evaluations; refused without `justification` when the spread departs
    from the distribution guidance (the curve's "finalise" calls this too).

    Refused while drafts remain or once locked or the period is closed. Creates the session
    if none was opened, keeps the violations shown, marks every rated or acknowledged
    evaluation of the group locked in one UPDATE [calibration.locked] and tells the
    employees in one notification call."""
    _require_calibrator(actor)
    justification = justification.strip()
    refusal = _period_refusal(scope)
    if refusal:
        raise ValidationError({NON_FIELD_ERRORS: [refusal]})
    if len(justification) > REASON_MAX:
        raise ValidationError(
            {
                "justification": [
                    f"Justifikasi terlalu panjang ({len(justification)} karakter); paling "
                    f"banyak {REASON_MAX} karakter."
                ]
            }
        )
    with transaction.atomic():
        session = _sessions(agency, scope).select_for_update().first()
        if session is not None and session.state == CalibrationState.LOCKED:
            session.agency = agency
            raise ValidationError({NON_FIELD_ERRORS: [_locked_refusal(session, scope)]})
        group = group_evaluations(agency_id=agency.pk, scope=scope)
        drafts = group.filter(state=EvaluationState.DRAFT).count()
        if drafts:
            raise ValidationError({NON_FIELD_ERRORS: [_draft_refusal(drafts, agency, scope)]})
        violations = group_distribution(agency=agency, scope=scope).violations
        if violations and not justification:
            raise ValidationError({"justification": [_justification_refusal(violations)]})
        now = timezone.now()
        if session is None:
            session = CalibrationSession.objects.create(
                agency=agency, period=scope.period, window=scope.window, opened_by=actor
            )
        before = session_snapshot(session)
        session.state = CalibrationState.LOCKED
        session.locked_at = now
        session.locked_by = actor
        session.justification = justification
        session.violations = violations
        session.save()
        done = Evaluation.objects.filter(
            scope_filter(scope), plan__position__agency_id=agency.pk, state__in=DONE_STATES
        )
        recipients = list(done.values_list("plan__employee__user_id", flat=True))
        count = done.update(locked_at=now, calibration=session, updated_at=now)
        audit_record(
            actor=actor,
            action="calibration.locked",
            obj=session,
            before=before,
            after={
                **session_snapshot(session),
                "locked": count,
                "justification": justification,
                "violations": violations,
            },
        )
        notify(
            recipient_ids=recipients,
            kind=NotificationKind.EVALUATION_LOCKED,
            title=f"Hasil penilaian {scope.label} dikunci",
            text=(
                f"Kalibrasi {agency.name} selesai; hasil penilaian Anda kini tetap dan hanya "
                "dapat diubah melalui keputusan keberatan."
            ),
            url=reverse("evaluation:evaluation_list"),
        )
    return session
