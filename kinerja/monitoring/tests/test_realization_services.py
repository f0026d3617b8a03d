"""Realisation services: save, submit, return, accept — happy paths, every refusal leaving
nothing changed, the audit events and the notifications."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.monitoring.models import Realization, RealizationState
from kinerja.monitoring.services.realizations import (
    realization_accept,
    realization_return,
    realization_save,
    realization_submit,
)
from kinerja.monitoring.testing import (
    make_link_evidence,
    make_realization,
    make_running_plan,
    plan_indicators,
    window_on,
)
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.people.holdings import today
from kinerja.people.testing import Personas
from kinerja.periods.models import EvaluationWindow, PeriodState
from kinerja.planning.models import IndicatorSource, PerformancePlan, PlanState, TargetKind

pytestmark = pytest.mark.django_db


def _snapshot() -> tuple[object, ...]:
    return (
        list(Realization.objects.order_by("pk").values()),
        AuditEvent.objects.count(),
        Notification.objects.count(),
    )


def _plan(personas: Personas, **kwargs: object) -> PerformancePlan:
    return make_running_plan(employee=personas.staff.employee, **kwargs)  # type: ignore[arg-type]


def _save(personas: Personas, plan: PerformancePlan, **kwargs: object) -> Realization:
    indicator = kwargs.pop("indicator", None) or plan_indicators(plan)[0]
    window = kwargs.pop("window", None) or window_on(plan)
    return realization_save(
        actor=kwargs.pop("actor", personas.employee),  # type: ignore[arg-type]
        plan=plan,
        indicator=indicator,  # type: ignore[arg-type]
        window=window,  # type: ignore[arg-type]
        **kwargs,  # type: ignore[arg-type]
    )


def _actions() -> list[str]:
    return list(
        AuditEvent.objects.filter(action__startswith="realization.")
        .order_by("pk")
        .values_list("action", flat=True)
    )


# --- save -------------------------------------------------------------------------------------


def test_the_employee_saves_a_draft_and_saving_again_updates_it(personas: Personas) -> None:
    plan = _plan(personas)
    first = _save(personas, plan, value=Decimal("3.5"), note="Bulan pertama")
    again = _save(personas, plan, value=Decimal("4"), note="Diperbaiki")
    assert first.pk == again.pk
    again.refresh_from_db()
    assert (again.value, again.note, again.state) == (Decimal("4"), "Diperbaiki", "DRAFT")
    assert _actions() == ["realization.saved", "realization.saved"]
    event = AuditEvent.objects.order_by("pk").last()
    assert event is not None
    assert event.before is not None
    assert event.after is not None
    assert Decimal(event.before["value"]) == Decimal("3.5")
    assert Decimal(event.after["value"]) == Decimal(4)


def test_a_described_target_needs_the_description_and_ignores_a_number(
    personas: Personas,
) -> None:
    plan = _plan(personas)
    indicator = plan_indicators(plan)[0]
    indicator.target_kind = TargetKind.DESCRIBED
    indicator.target_value = None
    indicator.target_description = "SOP arsip tersusun"
    indicator.save()
    with pytest.raises(ValidationError) as refused:
        _save(personas, plan, indicator=indicator, value=Decimal(3))
    assert "Uraian hasil wajib diisi" in refused.value.message_dict["description"][0]
    saved = _save(personas, plan, indicator=indicator, value=Decimal(3), description=" SOP ada ")
    assert (saved.value, saved.description) == (None, "SOP ada")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (None, "Realisasi wajib diisi"),
        (Decimal("-1"), "0 atau lebih"),
        (Decimal("1.234"), "paling banyak 2 desimal"),
        (Decimal("1e15"), "terlalu besar"),
        (Decimal("NaN"), "bukan angka"),
    ],
)
def test_a_bad_number_is_refused_naming_the_value_field_and_nothing_changes(
    personas: Personas, value: Decimal | None, words: str
) -> None:
    plan = _plan(personas)
    before = _snapshot()
    with pytest.raises(ValidationError) as refused:
        _save(personas, plan, value=value)
    assert words in refused.value.message_dict["value"][0]
    assert _snapshot() == before


@pytest.mark.parametrize("name", ["supervisor", "agency_admin", "hr_admin", "outsider"])
def test_only_the_plans_employee_may_save(personas: Personas, name: str) -> None:
    plan = _plan(personas)
    before = _snapshot()
    with pytest.raises(PermissionDenied):
        _save(personas, plan, actor=personas.all()[name], value=Decimal(1))
    assert _snapshot() == before


def test_a_plan_without_an_approved_version_is_refused(personas: Personas) -> None:
    plan = _plan(personas, state=PlanState.DRAFT)
    plan.approved_version = None
    plan.save(update_fields=["approved_version"])
    before = _snapshot()
    with pytest.raises(ValidationError) as refused:
        _save(personas, plan, value=Decimal(1))
    assert "sudah disetujui" in refused.value.message_dict["plan"][0]
    assert _snapshot() == before


def test_a_window_not_started_or_closed_is_refused_naming_the_window(personas: Personas) -> None:
    plan = _plan(personas)
    windows = list(EvaluationWindow.objects.filter(period=plan.period).order_by("number"))
    later = [w for w in windows if w.start_date > today()]
    closed = [w for w in windows if w.realization_due_date + timedelta(days=40) < today()]
    before = _snapshot()
    for window in [*later[:1], *closed[:1]]:
        with pytest.raises(ValidationError) as refused:
            _save(personas, plan, window=window, value=Decimal(1))
        assert "Evaluasi periodik" in refused.value.message_dict["window"][0]
    assert later or closed
    assert _snapshot() == before


def test_a_period_in_planning_refuses_realisations(personas: Personas) -> None:
    plan = _plan(personas)
    plan.period.state = PeriodState.PLANNING
    plan.period.save(update_fields=["state"])
    with pytest.raises(ValidationError) as refused:
        _save(personas, plan, value=Decimal(1))
    assert "Pelaksanaan atau Evaluasi" in refused.value.message_dict["window"][0]


def test_an_indicator_of_another_plan_is_refused(personas: Personas) -> None:
    plan = _plan(personas)
    other = make_running_plan(employee=personas.staff.supervisor)
    with pytest.raises(ValidationError) as refused:
        _save(personas, plan, indicator=plan_indicators(other)[0], value=Decimal(1))
    assert "bukan indikator SKP ini" in refused.value.message_dict["indicator"][0]


def test_an_index_sourced_indicator_is_never_written_by_hand(personas: Personas) -> None:
    plan = _plan(personas)
    indicator = plan_indicators(plan)[0]
    indicator.source = IndicatorSource.SATISFACTION_INDEX
    indicator.save(update_fields=["source"])
    before = _snapshot()
    with pytest.raises(ValidationError) as refused:
        _save(personas, plan, indicator=indicator, value=Decimal(80))
    assert "terisi sendiri" in refused.value.message_dict["indicator"][0]
    assert _snapshot() == before


def test_a_submitted_or_accepted_realisation_cannot_be_saved(personas: Personas) -> None:
    plan = _plan(personas)
    for state, words in [
        (RealizationState.SUBMITTED, "sudah diajukan"),
        (RealizationState.ACCEPTED, "sudah diterima"),
    ]:
        Realization.objects.all().delete()
        make_realization(plan=plan, state=state)
        before = _snapshot()
        with pytest.raises(ValidationError) as refused:
            _save(personas, plan, value=Decimal(1))
        assert words in refused.value.message_dict["state"][0]
        assert _snapshot() == before


# --- submit -----------------------------------------------------------------------------------


def test_submitting_computes_the_achievement_notifies_the_appraiser_and_is_audited(
    personas: Personas,
) -> None:
    plan = _plan(personas)  # target 12 dokumen
    realization = _save(personas, plan, value=Decimal(9))
    make_link_evidence(realization=realization)
    realization_submit(actor=personas.employee, realization=realization)
    realization.refresh_from_db()
    assert realization.state == RealizationState.SUBMITTED
    assert realization.achievement == Decimal("75.00")
    assert realization.revision == 1
    assert realization.submitted_at is not None
    assert _actions()[-1] == "realization.submitted"
    note = Notification.objects.get(kind=NotificationKind.REALIZATION_SUBMITTED)
    assert note.recipient_id == personas.supervisor.pk
    assert note.url.endswith(f"/realisasi/{realization.window_id}/{realization.indicator_id}/")


def test_an_indicator_requiring_evidence_cannot_be_submitted_without_it(
    personas: Personas,
) -> None:
    plan = _plan(personas)
    realization = _save(personas, plan, value=Decimal(9))
    before = _snapshot()
    with pytest.raises(ValidationError) as refused:
        realization_submit(actor=personas.employee, realization=realization)
    assert "bukti dukung" in refused.value.message_dict["evidence"][0]
    assert _snapshot() == before


def test_without_required_evidence_a_realisation_is_submitted_bare(personas: Personas) -> None:
    plan = _plan(personas)
    indicator = plan_indicators(plan)[0]
    indicator.evidence_required = False
    indicator.save(update_fields=["evidence_required"])
    realization = _save(personas, plan, indicator=indicator, value=Decimal(12))
    realization_submit(actor=personas.employee, realization=realization)
    assert realization.state == RealizationState.SUBMITTED
    assert realization.achievement == Decimal("100.00")


@pytest.mark.parametrize(
    ("polarity", "value", "expected"),
    [
        ("HIGHER_IS_BETTER", Decimal(10), Decimal("100.00")),  # lower bound 10
        ("LOWER_IS_BETTER", Decimal(20), Decimal("100.00")),  # upper bound 20
        ("LOWER_IS_BETTER", Decimal(10), Decimal("150.00")),
    ],
)
def test_a_range_target_is_measured_against_the_bound_its_polarity_chooses(
    personas: Personas, polarity: str, value: Decimal, expected: Decimal
) -> None:
    plan = _plan(personas)
    indicator = plan_indicators(plan)[0]
    indicator.target_kind = TargetKind.RANGE
    indicator.target_value = Decimal(10)
    indicator.target_max = Decimal(20)
    indicator.polarity = polarity
    indicator.evidence_required = False
    indicator.save()
    realization = _save(personas, plan, indicator=indicator, value=value)
    realization_submit(actor=personas.employee, realization=realization)
    assert realization.achievement == expected


def test_someone_else_cannot_submit(personas: Personas) -> None:
    plan = _plan(personas)
    realization = _save(personas, plan, value=Decimal(9))
    make_link_evidence(realization=realization)
    before = _snapshot()
    with pytest.raises(PermissionDenied):
        realization_submit(actor=personas.supervisor, realization=realization)
    assert _snapshot() == before


# --- return and accept ------------------------------------------------------------------------


def _submitted(personas: Personas) -> Realization:
    plan = _plan(personas)
    realization = _save(personas, plan, value=Decimal(6))
    make_link_evidence(realization=realization)
    return realization_submit(actor=personas.employee, realization=realization)


def test_the_appraiser_returns_with_a_reason_and_the_employee_is_told_why(
    personas: Personas,
) -> None:
    realization = _submitted(personas)
    realization_return(
        actor=personas.supervisor, realization=realization, reason="Lampirkan daftar hadir."
    )
    realization.refresh_from_db()
    assert realization.state == RealizationState.RETURNED
    assert realization.return_reason == "Lampirkan daftar hadir."
    assert realization.decided_by_id == personas.supervisor.pk
    assert _actions()[-1] == "realization.returned"
    note = Notification.objects.get(kind=NotificationKind.REALIZATION_RETURNED)
    assert note.recipient_id == personas.employee.pk
    assert "Lampirkan daftar hadir." in note.text


def test_a_returned_realisation_is_resubmitted_and_keeps_its_first_submission_time(
    personas: Personas,
) -> None:
    realization = _submitted(personas)
    first = realization.submitted_at
    realization_return(actor=personas.supervisor, realization=realization, reason="Perbaiki.")
    _save(personas, realization.plan, value=Decimal(12))
    realization.refresh_from_db()
    assert realization.state == RealizationState.RETURNED
    realization_submit(actor=personas.employee, realization=realization)
    realization.refresh_from_db()
    assert (realization.state, realization.revision) == (RealizationState.SUBMITTED, 2)
    assert realization.submitted_at == first
    assert realization.achievement == Decimal("100.00")


def test_returning_needs_a_reason_and_nothing_changes(personas: Personas) -> None:
    realization = _submitted(personas)
    before = _snapshot()
    with pytest.raises(ValidationError) as refused:
        realization_return(actor=personas.supervisor, realization=realization, reason="  ")
    assert "Alasan dikembalikan wajib diisi" in refused.value.message_dict["reason"][0]
    assert _snapshot() == before


def test_the_appraiser_accepts_and_the_employee_is_notified(personas: Personas) -> None:
    realization = _submitted(personas)
    realization_accept(actor=personas.supervisor, realization=realization)
    realization.refresh_from_db()
    assert realization.state == RealizationState.ACCEPTED
    assert realization.decided_at is not None
    assert _actions()[-1] == "realization.accepted"
    note = Notification.objects.get(kind=NotificationKind.REALIZATION_ACCEPTED)
    assert note.recipient_id == personas.employee.pk


@pytest.mark.parametrize("name", ["employee", "appraiser_superior", "hr_admin", "leader"])
def test_only_the_deciding_side_may_accept_or_return(personas: Personas, name: str) -> None:
    realization = _submitted(personas)
    before = _snapshot()
    actor = personas.all()[name]
    with pytest.raises(PermissionDenied):
        realization_accept(actor=actor, realization=realization)
    with pytest.raises(PermissionDenied):
        realization_return(actor=actor, realization=realization, reason="Tidak.")
    assert _snapshot() == before


def test_a_draft_or_accepted_realisation_cannot_be_decided(personas: Personas) -> None:
    plan = _plan(personas)
    draft = make_realization(plan=plan)
    before = _snapshot()
    with pytest.raises(ValidationError) as refused:
        realization_accept(actor=personas.supervisor, realization=draft)
    assert "hanya realisasi yang diajukan" in refused.value.message_dict["state"][0]
    assert _snapshot() == before


def test_a_closed_period_refuses_decisions(personas: Personas) -> None:
    realization = _submitted(personas)
    period = realization.plan.period
    period.state = PeriodState.CLOSED
    period.save(update_fields=["state"])
    with pytest.raises(ValidationError) as refused:
        realization_accept(actor=personas.supervisor, realization=realization)
    assert "sudah ditutup" in refused.value.message_dict["state"][0]


def test_a_revision_cannot_remove_an_indicator_or_result_that_has_realisations(
    personas: Personas,
) -> None:
    from kinerja.planning.models import Indicator, PlannedResult
    from kinerja.planning.services import indicator_remove, result_remove

    plan = make_running_plan(employee=personas.staff.employee)
    indicator = plan_indicators(plan)[0]
    make_realization(plan=plan, indicator=indicator, state=RealizationState.ACCEPTED)
    make_link_evidence(realization=Realization.objects.get(indicator=indicator))
    plan.state = PlanState.DRAFT  # a revision of the approved plan
    plan.save(update_fields=["state"])
    with pytest.raises(ValidationError) as refused:
        indicator_remove(actor=personas.employee, indicator=indicator)
    assert "sudah ada 1 catatan realisasi" in refused.value.message_dict["indicator"][0]
    with pytest.raises(ValidationError) as refused:
        result_remove(actor=personas.employee, result=indicator.result)
    assert "tidak dapat dihapus" in refused.value.message_dict["result"][0]
    assert Indicator.objects.filter(pk=indicator.pk).exists()
    assert PlannedResult.objects.filter(pk=indicator.result_id).exists()
    assert Realization.objects.get(indicator=indicator).evidence.count() == 1
    assert not AuditEvent.objects.filter(
        action__in=["indicator.removed", "result.removed"]
    ).exists()
