"""Calibration services: open a session, move a rating with a reason, lock the group."""

from __future__ import annotations

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.audit.models import AuditEvent
from kinerja.evaluation.models import (
    CalibrationMove,
    CalibrationSession,
    CalibrationState,
    Evaluation,
    EvaluationState,
)
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.services.calibration import (
    calibration_lock,
    calibration_move,
    calibration_open,
)
from kinerja.evaluation.testing import make_bulk_group, make_group, make_org_rating
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.organization.models import Position
from kinerja.organization.testing import make_agency
from kinerja.people.testing import Personas
from kinerja.periods.models import PeriodState
from kinerja.planning.testing import make_open_period
from kinerja.scoring.ratings import Predikat

pytestmark = pytest.mark.django_db


def annual(state: str = PeriodState.EVALUATION) -> Scope:
    return Scope(make_open_period(state=state), None)


def messages_of(error: ValidationError, key: str) -> str:
    return " ".join(error.message_dict[key])


def with_user(evaluation: Evaluation, personas: Personas) -> Evaluation:
    """Give the evaluated employee the outsider's login, so notifications have a recipient."""
    employee = evaluation.plan.employee
    employee.user = personas.outsider
    employee.save(update_fields=["user"])
    return evaluation


# --- open -------------------------------------------------------------------------------


def test_bkpsdm_opens_a_session_once_and_it_is_audited(personas: Personas) -> None:
    scope = annual()
    session = calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    again = calibration_open(actor=personas.leader, agency=personas.agency, scope=scope)

    assert again.pk == session.pk
    assert session.state == CalibrationState.OPEN
    assert session.opened_by == personas.hr_admin
    events = AuditEvent.objects.filter(action="calibration.opened")
    assert events.count() == 1
    assert events.get().object_id == str(session.pk)


def test_a_window_and_the_year_have_their_own_sessions(personas: Personas) -> None:
    scope = annual()
    window = scope.period.windows.order_by("number").first()
    year_session = calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    window_session = calibration_open(
        actor=personas.hr_admin, agency=personas.agency, scope=Scope(scope.period, window)
    )
    assert year_session.pk != window_session.pk
    assert window_session.window == window


@pytest.mark.parametrize(
    "name", ["employee", "supervisor", "appraiser_superior", "agency_admin", "auditor", "outsider"]
)
def test_only_bkpsdm_and_the_leader_open_a_session(personas: Personas, name: str) -> None:
    with pytest.raises(PermissionDenied, match="Hanya Admin BKPSDM dan Pimpinan"):
        calibration_open(actor=personas.all()[name], agency=personas.agency, scope=annual())
    assert not CalibrationSession.objects.exists()


def test_a_closed_period_is_not_calibrated(personas: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        calibration_open(
            actor=personas.hr_admin, agency=personas.agency, scope=annual(PeriodState.CLOSED)
        )
    assert "sudah ditutup" in messages_of(caught.value, NON_FIELD_ERRORS)


def test_a_locked_session_is_not_opened_again(personas: Personas) -> None:
    scope = annual()
    calibration_lock(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    with pytest.raises(ValidationError) as caught:
        calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    assert "sudah dikunci" in messages_of(caught.value, NON_FIELD_ERRORS)


# --- move -------------------------------------------------------------------------------


def open_with(personas: Personas, predikats: list[Predikat]) -> tuple[Scope, list[Evaluation]]:
    scope = annual()
    evaluations = make_group(agency=personas.agency, scope=scope, predikats=predikats)
    return scope, evaluations


def test_a_move_changes_the_rating_and_predikat_keeps_who_and_why_and_tells_the_employee(
    personas: Personas,
) -> None:
    scope, (evaluation,) = open_with(personas, [Predikat.BAIK])
    with_user(evaluation, personas)
    session = calibration_open(actor=personas.leader, agency=personas.agency, scope=scope)

    move = calibration_move(
        actor=personas.leader,
        session=session,
        evaluation=evaluation,
        field="RESULTS",
        after="BELOW",
        reason="  Target layanan daring tidak tercapai.  ",
    )

    evaluation.refresh_from_db()
    assert evaluation.results_rating == "BELOW"
    assert evaluation.predikat == "BUTUH_PERBAIKAN"
    assert (move.before, move.after) == ("MEETS", "BELOW")
    assert (move.predikat_before, move.predikat_after) == ("BAIK", "BUTUH_PERBAIKAN")
    assert move.moved_by == personas.leader
    assert move.reason == "Target layanan daring tidak tercapai."
    event = AuditEvent.objects.get(action="calibration.moved")
    assert event.object_type == "evaluation.Evaluation"
    assert event.object_id == str(evaluation.pk)
    assert event.actor_id == personas.leader.pk
    assert event.before == {"results_rating": "MEETS", "predikat": "BAIK"}
    assert event.after == {
        "results_rating": "BELOW",
        "predikat": "BUTUH_PERBAIKAN",
        "reason": "Target layanan daring tidak tercapai.",
    }
    note = Notification.objects.get(kind=NotificationKind.EVALUATION_CHANGED)
    assert note.recipient == personas.outsider
    assert "Sesuai Ekspektasi" in note.text
    assert "Butuh Perbaikan" in note.text
    assert note.url == f"/penilaian/{evaluation.pk}/"


def test_a_behaviour_move_recomputes_the_predikat(personas: Personas) -> None:
    scope, (evaluation,) = open_with(personas, [Predikat.BAIK])
    session = calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    calibration_move(
        actor=personas.hr_admin,
        session=session,
        evaluation=evaluation,
        field="BEHAVIOR",
        after="BELOW",
        reason="Catatan disiplin dari Inspektorat.",
    )
    evaluation.refresh_from_db()
    assert evaluation.behavior_rating == "BELOW"
    assert evaluation.predikat == "KURANG"
    assert AuditEvent.objects.get(action="calibration.moved").before == {
        "behavior_rating": "MEETS",
        "predikat": "BAIK",
    }


@pytest.mark.parametrize(
    ("field", "after", "reason", "key", "words"),
    [
        ("RESULTS", "ABOVE", "   ", "reason", "Alasan wajib diisi"),
        ("RESULTS", "ABOVE", "x" * 2001, "reason", "paling banyak 2000"),
        ("RESULTS", "MEETS", "Tetap.", "after", "sudah Sesuai Ekspektasi"),
        ("RESULTS", "", "Alasan.", "after", "Pilih rating hasil kerja baru"),
        ("RESULTS", "TINGGI", "Alasan.", "after", "'TINGGI' tidak dikenal"),
        ("SALARY", "ABOVE", "Alasan.", "field", "'SALARY' tidak dikenal"),
    ],
)
def test_a_move_with_bad_input_is_refused_naming_the_field(
    personas: Personas, field: str, after: str, reason: str, key: str, words: str
) -> None:
    scope, (evaluation,) = open_with(personas, [Predikat.BAIK])
    session = calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    with pytest.raises(ValidationError) as caught:
        calibration_move(
            actor=personas.hr_admin,
            session=session,
            evaluation=evaluation,
            field=field,
            after=after,
            reason=reason,
        )
    assert words in messages_of(caught.value, key)
    assert not CalibrationMove.objects.exists()
    assert not AuditEvent.objects.filter(action="calibration.moved").exists()


def test_only_calibrators_move(personas: Personas) -> None:
    scope, (evaluation,) = open_with(personas, [Predikat.BAIK])
    session = calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    for name in ("agency_admin", "auditor", "supervisor", "employee"):
        with pytest.raises(PermissionDenied):
            calibration_move(
                actor=personas.all()[name],
                session=session,
                evaluation=evaluation,
                field="RESULTS",
                after="ABOVE",
                reason="Alasan.",
            )
    assert Evaluation.objects.get(pk=evaluation.pk).results_rating == "MEETS"


def test_a_draft_is_not_calibrated(personas: Personas) -> None:
    scope = annual()
    (draft,) = make_group(
        agency=personas.agency, scope=scope, predikats=[Predikat.BAIK], state=EvaluationState.DRAFT
    )
    session = calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    with pytest.raises(ValidationError) as caught:
        calibration_move(
            actor=personas.hr_admin, session=session, evaluation=draft, field="RESULTS",
            after="ABOVE", reason="Alasan.",
        )  # fmt: skip
    assert "masih draf" in messages_of(caught.value, "evaluation")


def test_an_evaluation_of_another_agency_or_window_is_not_in_the_session(
    personas: Personas,
) -> None:
    scope = annual()
    (elsewhere,) = make_group(agency=make_agency(), scope=scope, predikats=[Predikat.BAIK])
    window = scope.period.windows.order_by("number").first()
    (monthly,) = make_group(
        agency=personas.agency, scope=Scope(scope.period, window), predikats=[Predikat.BAIK]
    )
    session = calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    for evaluation in (elsewhere, monthly):
        with pytest.raises(ValidationError) as caught:
            calibration_move(
                actor=personas.hr_admin, session=session, evaluation=evaluation,
                field="RESULTS", after="ABOVE", reason="Alasan.",
            )  # fmt: skip
        assert "bukan bagian kelompok" in messages_of(caught.value, "evaluation")


def test_the_head_of_agency_results_rating_follows_the_organisation(personas: Personas) -> None:
    scope, (evaluation,) = open_with(personas, [Predikat.BAIK])
    Position.objects.filter(pk=evaluation.plan.position_id).update(is_head_of_agency=True)
    evaluation = Evaluation.objects.get(pk=evaluation.pk)
    session = calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    with pytest.raises(ValidationError) as caught:
        calibration_move(
            actor=personas.hr_admin, session=session, evaluation=evaluation, field="RESULTS",
            after="ABOVE", reason="Alasan.",
        )  # fmt: skip
    assert "mengikuti predikat kinerja organisasi" in messages_of(caught.value, "field")
    calibration_move(
        actor=personas.hr_admin, session=session, evaluation=evaluation, field="BEHAVIOR",
        after="ABOVE", reason="Teladan dalam pelayanan.",
    )  # fmt: skip
    assert Evaluation.objects.get(pk=evaluation.pk).behavior_rating == "ABOVE"


def test_a_locked_session_moves_nothing(personas: Personas) -> None:
    scope, (evaluation,) = open_with(personas, [Predikat.BAIK])
    session = calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    calibration_lock(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    with pytest.raises(ValidationError) as caught:
        calibration_move(
            actor=personas.hr_admin, session=session, evaluation=evaluation, field="RESULTS",
            after="ABOVE", reason="Alasan.",
        )  # fmt: skip
    assert "keputusan keberatan" in messages_of(caught.value, NON_FIELD_ERRORS)


# --- lock -------------------------------------------------------------------------------


def test_locking_fixes_every_rated_evaluation_in_one_update_and_tells_everyone_once(
    personas: Personas,
) -> None:
    scope = annual()
    evaluations = make_group(
        agency=personas.agency, scope=scope, predikats=[Predikat.BAIK, Predikat.SANGAT_BAIK]
    )
    with_user(evaluations[0], personas)
    (elsewhere,) = make_group(agency=make_agency(), scope=scope, predikats=[Predikat.BAIK])

    with CaptureQueriesContext(connection) as queries:
        session = calibration_lock(actor=personas.leader, agency=personas.agency, scope=scope)

    assert session.state == CalibrationState.LOCKED
    assert session.locked_by == personas.leader
    assert session.locked_at is not None
    assert session.violations == []
    locked = Evaluation.objects.filter(calibration=session, locked_at=session.locked_at)
    assert set(locked.values_list("pk", flat=True)) == {e.pk for e in evaluations}
    assert Evaluation.objects.get(pk=elsewhere.pk).locked_at is None
    sqls = [q["sql"] for q in queries.captured_queries]
    updates = [sql for sql in sqls if sql.startswith('UPDATE "evaluation_evaluation"')]
    assert len(updates) == 1
    event = AuditEvent.objects.get(action="calibration.locked")
    assert event.after is not None
    assert event.after["locked"] == 2
    assert event.after["state"] == "LOCKED"
    notes = Notification.objects.filter(kind=NotificationKind.EVALUATION_LOCKED)
    assert list(notes.values_list("recipient_id", flat=True)) == [personas.outsider.pk]


def test_locking_uses_the_opened_session(personas: Personas) -> None:
    scope, _ = open_with(personas, [Predikat.BAIK])
    opened = calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    locked = calibration_lock(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    assert locked.pk == opened.pk
    assert CalibrationSession.objects.count() == 1


def test_a_locked_evaluation_then_changes_only_through_an_objection(personas: Personas) -> None:
    from kinerja.evaluation.rules import evaluation_change_refusal

    scope, (evaluation,) = open_with(personas, [Predikat.BAIK])
    calibration_lock(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    evaluation = Evaluation.objects.select_related("plan__period").get(pk=evaluation.pk)
    assert "keputusan keberatan" in (evaluation_change_refusal(evaluation) or "")


def test_drafts_in_the_group_block_the_lock_and_are_counted(personas: Personas) -> None:
    scope = annual()
    make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK])
    make_bulk_group(agency=personas.agency, scope=scope, count=3, state=EvaluationState.DRAFT)
    with pytest.raises(ValidationError) as caught:
        calibration_lock(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    assert "Masih ada 3 penilaian berstatus draf" in messages_of(caught.value, NON_FIELD_ERRORS)
    assert not Evaluation.objects.exclude(locked_at=None).exists()
    assert not AuditEvent.objects.filter(action="calibration.locked").exists()


def test_a_spread_against_the_guidance_needs_a_justification_listing_the_violations(
    personas: Personas,
) -> None:
    scope = annual()
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK] * 5)

    with pytest.raises(ValidationError) as caught:
        calibration_lock(
            actor=personas.hr_admin, agency=personas.agency, scope=scope, justification="  "
        )
    text = messages_of(caught.value, "justification")
    assert "menyimpang dari pedoman distribusi" in text
    assert "Butuh Perbaikan atau Kurang/Misconduct 0 dari 5" in text
    assert "Tuliskan justifikasi" in text

    session = calibration_lock(
        actor=personas.hr_admin,
        agency=personas.agency,
        scope=scope,
        justification="Seluruh pegawai mencapai target layanan daring.",
    )
    assert session.justification == "Seluruh pegawai mencapai target layanan daring."
    assert any("0 dari 5" in v for v in session.violations)
    event = AuditEvent.objects.get(action="calibration.locked")
    assert event.after is not None
    assert event.after["justification"] == session.justification


def test_a_locked_group_is_not_locked_again(personas: Personas) -> None:
    scope, _ = open_with(personas, [Predikat.BAIK])
    calibration_lock(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    with pytest.raises(ValidationError) as caught:
        calibration_lock(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    assert "sudah dikunci pada" in messages_of(caught.value, NON_FIELD_ERRORS)
    assert AuditEvent.objects.filter(action="calibration.locked").count() == 1


@pytest.mark.parametrize("name", ["agency_admin", "auditor", "supervisor", "outsider"])
def test_only_calibrators_lock(personas: Personas, name: str) -> None:
    scope, _ = open_with(personas, [Predikat.BAIK])
    with pytest.raises(PermissionDenied):
        calibration_lock(actor=personas.all()[name], agency=personas.agency, scope=scope)
    assert not CalibrationSession.objects.exists()


def test_a_closed_period_is_not_locked(personas: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        calibration_lock(
            actor=personas.hr_admin, agency=personas.agency, scope=annual(PeriodState.CLOSED)
        )
    assert "sudah ditutup" in messages_of(caught.value, NON_FIELD_ERRORS)


def test_a_too_long_justification_is_refused(personas: Personas) -> None:
    scope, _ = open_with(personas, [Predikat.BAIK])
    with pytest.raises(ValidationError) as caught:
        calibration_lock(
            actor=personas.hr_admin, agency=personas.agency, scope=scope, justification="x" * 2001
        )
    assert "paling banyak 2000" in messages_of(caught.value, "justification")
