from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.people.testing import Personas
from kinerja.periods.models import EvaluationWindow, PerformancePeriod, PeriodState, WindowKind
from kinerja.periods.services import period_advance, period_open, period_update
from kinerja.periods.testing import make_period

pytestmark = pytest.mark.django_db

NEW: dict[str, Any] = {
    "year": 2027,
    "name": "Periode Penilaian 2027",
    "start_date": date(2027, 1, 1),
    "end_date": date(2027, 12, 31),
    "window_kind": WindowKind.MONTHLY,
    "plan_due_date": date(2027, 1, 31),
    "realization_due_day": 5,
    "evaluation_due_date": date(2028, 1, 31),
}


def snapshot() -> tuple[list[Any], list[Any], int]:
    """Everything a refused period service must leave as it was."""
    periods = list(PerformancePeriod.objects.order_by("pk").values())
    windows = list(EvaluationWindow.objects.order_by("pk").values())
    return periods, windows, AuditEvent.objects.count()


# --- opening ---------------------------------------------------------------------------------


def test_bkpsdm_opens_a_period_with_twelve_monthly_windows_and_an_audit_event(
    personas: Personas,
) -> None:
    period = period_open(actor=personas.hr_admin, **NEW)
    assert period.state == PeriodState.PLANNING
    windows = list(period.windows.order_by("number"))
    assert [w.name for w in windows] == [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
        "September", "Oktober", "November", "Desember",
    ]  # fmt: skip
    assert (windows[1].start_date, windows[1].end_date) == (date(2027, 2, 1), date(2027, 2, 28))
    assert windows[0].realization_due_date == date(2027, 2, 5)
    assert windows[-1].realization_due_date == date(2028, 1, 5)
    event = AuditEvent.objects.get(action="period.opened")
    assert event.object_id == str(period.pk)
    assert event.actor_id == personas.hr_admin.pk
    assert (event.after or {})["window_count"] == 12


def test_quarterly_windows_are_four_triwulan_due_the_month_after(personas: Personas) -> None:
    period = period_open(
        actor=personas.hr_admin, **{**NEW, "window_kind": WindowKind.QUARTERLY,
                                    "realization_due_day": 10}
    )  # fmt: skip
    windows = list(period.windows.order_by("number"))
    assert [(w.name, w.start_date, w.end_date, w.realization_due_date) for w in windows] == [
        ("Triwulan I", date(2027, 1, 1), date(2027, 3, 31), date(2027, 4, 10)),
        ("Triwulan II", date(2027, 4, 1), date(2027, 6, 30), date(2027, 7, 10)),
        ("Triwulan III", date(2027, 7, 1), date(2027, 9, 30), date(2027, 10, 10)),
        ("Triwulan IV", date(2027, 10, 1), date(2027, 12, 31), date(2028, 1, 10)),
    ]


def test_windows_are_clipped_to_a_short_trial_period(personas: Personas) -> None:
    trial = period_open(
        actor=personas.hr_admin,
        **{**NEW, "name": "Uji coba SKP", "start_date": date(2027, 3, 15),
           "end_date": date(2027, 5, 20), "plan_due_date": date(2027, 3, 31)},
        is_trial=True,
    )  # fmt: skip
    windows = list(trial.windows.order_by("number"))
    assert [(w.number, w.name, w.start_date, w.end_date) for w in windows] == [
        (3, "Maret", date(2027, 3, 15), date(2027, 3, 31)),
        (4, "April", date(2027, 4, 1), date(2027, 4, 30)),
        (5, "Mei", date(2027, 5, 1), date(2027, 5, 20)),
    ]
    assert windows[-1].realization_due_date == date(2027, 6, 5)


@pytest.mark.parametrize(
    "name", ["employee", "supervisor", "agency_admin", "leader", "auditor", "outsider"]
)
def test_only_bkpsdm_opens_a_period(personas: Personas, name: str) -> None:
    before = snapshot()
    with pytest.raises(PermissionDenied, match="Hanya Admin BKPSDM"):
        period_open(actor=personas.all()[name], **NEW)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"name": "  "}, "name", "Nama periode wajib diisi"),
        ({"name": "x" * 121}, "name", "121 karakter; paling banyak 120"),
        ({"year": 1999}, "year", "Tahun 1999 tidak diterima"),
        ({"start_date": date(2026, 12, 1)}, "start_date",
         "01-12-2026 tidak diterima: harus di dalam tahun 2027"),
        ({"end_date": date(2028, 1, 31)}, "end_date",
         "31-01-2028 tidak diterima: harus di dalam tahun 2027"),
        ({"start_date": date(2027, 6, 1), "end_date": date(2027, 6, 1)}, "end_date",
         "harus sesudah tanggal mulai 01-06-2027"),
        ({"end_date": date(2027, 5, 1), "start_date": date(2027, 6, 1)}, "end_date",
         "harus sesudah tanggal mulai"),
        ({"window_kind": "WEEKLY"}, "window_kind",
         "'WEEKLY' tidak dikenal; pilih Bulanan atau Triwulanan"),
        ({"realization_due_day": 0}, "realization_due_day",
         "tanggal 0 tidak diterima: isi tanggal 1 sampai 28"),
        ({"realization_due_day": 31}, "realization_due_day", "tanggal 31 tidak diterima"),
        ({"plan_due_date": date(2026, 12, 31)}, "plan_due_date",
         "31-12-2026 tidak diterima: harus di dalam periode"),
        ({"evaluation_due_date": date(2027, 12, 31)}, "evaluation_due_date",
         "harus sesudah periode berakhir (31-12-2027)"),
        ({"evaluation_due_date": date(2029, 1, 1)}, "evaluation_due_date",
         "paling lambat akhir tahun berikutnya (31-12-2028)"),
    ],
)  # fmt: skip
def test_bad_period_is_refused_naming_field_value_and_rule(
    personas: Personas, change: dict[str, Any], field: str, words: str
) -> None:
    before = snapshot()
    with pytest.raises(ValidationError) as exc:
        period_open(actor=personas.hr_admin, **{**NEW, **change})
    assert words in " ".join(exc.value.message_dict[field])
    assert snapshot() == before


def test_a_second_real_period_in_a_year_is_refused_but_a_trial_is_allowed(
    personas: Personas,
) -> None:
    first = period_open(actor=personas.hr_admin, **NEW)
    before = snapshot()
    with pytest.raises(ValidationError) as exc:
        period_open(actor=personas.hr_admin, **{**NEW, "name": "Periode kedua"})
    assert exc.value.message_dict["year"] == [
        f"Tahun 2027 sudah memiliki periode penilaian ({first.name}); satu tahun hanya satu "
        "periode yang sebenarnya. Buka sebagai uji coba bila perlu."
    ]
    assert snapshot() == before
    trial = period_open(actor=personas.hr_admin, **{**NEW, "name": "Uji coba 2027"}, is_trial=True)
    assert trial.is_trial


# --- updating --------------------------------------------------------------------------------


def test_deadlines_change_in_execution_and_windows_keep_their_rows(personas: Personas) -> None:
    period = make_period(year=2027, state=PeriodState.EXECUTION)
    ids = list(period.windows.order_by("number").values_list("pk", flat=True))
    period = period_update(
        actor=personas.hr_admin, period=period, plan_due_date=date(2027, 2, 15),
        realization_due_day=10, evaluation_due_date=date(2028, 2, 28),
    )  # fmt: skip
    windows = list(period.windows.order_by("number"))
    assert [w.pk for w in windows] == ids
    assert windows[0].realization_due_date == date(2027, 2, 10)
    assert windows[-1].realization_due_date == date(2028, 1, 10)
    assert period.plan_due_date == date(2027, 2, 15)
    event = AuditEvent.objects.get(action="period.updated")
    assert (event.before or {})["realization_due_day"] == 5
    assert (event.after or {})["realization_due_day"] == 10


def test_in_planning_the_dates_and_window_kind_change_and_windows_are_rebuilt(
    personas: Personas,
) -> None:
    period = make_period(year=2027)
    period = period_update(
        actor=personas.hr_admin, period=period, name="Periode 2027 (triwulan)",
        start_date=date(2027, 1, 1), end_date=date(2027, 12, 31),
        window_kind=WindowKind.QUARTERLY, plan_due_date=date(2027, 1, 31),
        realization_due_day=5, evaluation_due_date=date(2028, 1, 31),
    )  # fmt: skip
    assert period.name == "Periode 2027 (triwulan)"
    assert next(w.name for w in period.windows.order_by("number")) == "Triwulan I"
    assert EvaluationWindow.objects.filter(period=period).count() == 4


def test_the_window_kind_does_not_change_once_execution_began(personas: Personas) -> None:
    period = make_period(year=2027, state=PeriodState.EXECUTION)
    before = snapshot()
    with pytest.raises(ValidationError) as exc:
        period_update(
            actor=personas.hr_admin, period=period, window_kind=WindowKind.QUARTERLY,
            plan_due_date=date(2027, 1, 31), realization_due_day=5,
            evaluation_due_date=date(2028, 1, 31),
        )  # fmt: skip
    assert exc.value.message_dict["window_kind"] == [
        "Periode Penilaian 2027 sedang pada tahap Pelaksanaan; tanggal periode dan jenis "
        "evaluasi periodik hanya dapat diubah pada tahap Perencanaan."
    ]
    assert snapshot() == before


def test_a_closed_period_keeps_its_deadlines(personas: Personas) -> None:
    period = make_period(year=2025, state=PeriodState.CLOSED)
    before = snapshot()
    with pytest.raises(ValidationError) as exc:
        period_update(
            actor=personas.hr_admin, period=period, plan_due_date=date(2025, 2, 1),
            realization_due_day=5, evaluation_due_date=date(2026, 1, 31),
        )  # fmt: skip
    assert "sudah Ditutup" in exc.value.message_dict["state"][0]
    assert snapshot() == before


def test_bad_deadline_is_refused_and_nothing_changes(personas: Personas) -> None:
    period = make_period(year=2027, state=PeriodState.EXECUTION)
    before = snapshot()
    with pytest.raises(ValidationError) as exc:
        period_update(
            actor=personas.hr_admin, period=period, plan_due_date=date(2027, 1, 31),
            realization_due_day=29, evaluation_due_date=date(2028, 1, 31),
        )  # fmt: skip
    assert "tanggal 29 tidak diterima" in exc.value.message_dict["realization_due_day"][0]
    assert snapshot() == before


def test_only_bkpsdm_changes_deadlines(personas: Personas) -> None:
    period = make_period(year=2027)
    before = snapshot()
    with pytest.raises(PermissionDenied, match="Hanya Admin BKPSDM"):
        period_update(
            actor=personas.agency_admin, period=period, plan_due_date=date(2027, 2, 1),
            realization_due_day=5, evaluation_due_date=date(2028, 1, 31),
        )  # fmt: skip
    assert snapshot() == before


# --- stages ----------------------------------------------------------------------------------


def test_a_period_walks_forward_one_stage_at_a_time_each_audited(personas: Personas) -> None:
    period = make_period(year=2027)
    for state in (PeriodState.EXECUTION, PeriodState.EVALUATION, PeriodState.CLOSED):
        period = period_advance(actor=personas.hr_admin, period=period, to_state=state)
        assert PerformancePeriod.objects.get(pk=period.pk).state == state
    events = AuditEvent.objects.filter(action="period.state_changed").order_by("id")
    assert [((e.before or {})["state"], (e.after or {})["state"]) for e in events] == [
        ("PLANNING", "EXECUTION"), ("EXECUTION", "EVALUATION"), ("EVALUATION", "CLOSED"),
    ]  # fmt: skip


def test_execution_may_go_back_to_planning(personas: Personas) -> None:
    period = make_period(year=2027, state=PeriodState.EXECUTION)
    period = period_advance(actor=personas.hr_admin, period=period, to_state=PeriodState.PLANNING)
    assert period.state == PeriodState.PLANNING


@pytest.mark.parametrize(
    ("state", "to_state", "message"),
    [
        (PeriodState.PLANNING, PeriodState.EVALUATION,
         "Tahap tidak dapat dilompati: Periode Penilaian 2027 pada tahap Perencanaan hanya "
         "dapat maju ke tahap Pelaksanaan, bukan Evaluasi."),
        (PeriodState.EVALUATION, PeriodState.EXECUTION,
         "Periode Penilaian 2027 sudah memasuki tahap Evaluasi: tahap tidak dapat dikembalikan "
         "setelah evaluasi dimulai; yang dapat dikembalikan hanya Pelaksanaan ke Perencanaan."),
        (PeriodState.CLOSED, PeriodState.EVALUATION,
         "Periode Penilaian 2027 sudah memasuki tahap Ditutup: tahap tidak dapat dikembalikan "
         "setelah evaluasi dimulai; yang dapat dikembalikan hanya Pelaksanaan ke Perencanaan."),
        (PeriodState.CLOSED, PeriodState.PLANNING,
         "Periode Penilaian 2027 sudah memasuki tahap Ditutup: tahap tidak dapat dikembalikan "
         "setelah evaluasi dimulai; yang dapat dikembalikan hanya Pelaksanaan ke Perencanaan."),
        (PeriodState.EXECUTION, PeriodState.EXECUTION,
         "Periode Penilaian 2027 sudah pada tahap Pelaksanaan."),
        (PeriodState.PLANNING, "ARCHIVED",
         "Tahap 'ARCHIVED' tidak dikenal; pilih Perencanaan, Pelaksanaan, Evaluasi, atau Ditutup."),
    ],
)  # fmt: skip
def test_a_stage_move_against_the_rules_is_refused_and_nothing_changes(
    personas: Personas, state: str, to_state: str, message: str
) -> None:
    period = make_period(year=2027, state=state)
    before = snapshot()
    with pytest.raises(ValidationError) as exc:
        period_advance(actor=personas.hr_admin, period=period, to_state=to_state)
    assert exc.value.message_dict["to_state"] == [message]
    assert snapshot() == before


def test_only_bkpsdm_moves_a_stage(personas: Personas) -> None:
    period = make_period(year=2027)
    before = snapshot()
    with pytest.raises(PermissionDenied, match="Hanya Admin BKPSDM"):
        period_advance(actor=personas.leader, period=period, to_state=PeriodState.EXECUTION)
    assert snapshot() == before
