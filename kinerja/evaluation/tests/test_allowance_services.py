"""Allowance (TPP) services: the scheme, attendance entered and imported, the sheet's rows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.evaluation.models import AllowanceScheme, AttendanceRecord
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.allowance import Month
from kinerja.evaluation.services.allowance import (
    AttendanceEntry,
    allowance_scheme_default,
    allowance_scheme_save,
    attendance_record,
)
from kinerja.evaluation.services.allowance_sheet import allowance_sheet_prepare
from kinerja.evaluation.services.attendance_import import (
    AttendanceImportRejected,
    attendance_import,
)
from kinerja.evaluation.testing import attendance_csv, make_attendance, make_group
from kinerja.people.testing import Personas
from kinerja.periods.models import PeriodState
from kinerja.planning.testing import make_open_period
from kinerja.scoring.ratings import Predikat

pytestmark = pytest.mark.django_db


def _scheme_values(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": "Skema TPP 2026",
        "valid_from": date(2026, 1, 1),
        "performance_share": Decimal(70),
        "attendance_share": Decimal(30),
        "multiplier_sangat_baik": Decimal(100),
        "multiplier_baik": Decimal(100),
        "multiplier_butuh_perbaikan": Decimal(80),
        "multiplier_kurang": Decimal(50),
        "multiplier_sangat_kurang": Decimal(20),
    }
    return values | changes


def _month(personas: Personas) -> Month:
    return Month(date.today().year, 1)


def test_the_default_scheme_is_surakarta_2019_created_once_and_audited() -> None:
    first = allowance_scheme_default()
    again = allowance_scheme_default()
    assert first.pk == again.pk
    assert (first.performance_share, first.attendance_share) == (Decimal(80), Decimal(20))
    assert (first.multiplier_baik, first.multiplier_sangat_kurang) == (Decimal(100), Decimal(25))
    assert AuditEvent.objects.filter(action="allowance_scheme.saved").count() == 1


def test_bkpsdm_saves_a_scheme_and_it_is_audited(personas: Personas) -> None:
    scheme = allowance_scheme_save(actor=personas.hr_admin, **_scheme_values())
    assert scheme.performance_share == 70
    event = AuditEvent.objects.get(action="allowance_scheme.saved")
    assert event.actor_id == personas.hr_admin.pk
    changed = allowance_scheme_save(
        actor=personas.hr_admin, scheme=scheme, **_scheme_values(name="Skema diubah")
    )
    assert changed.pk == scheme.pk
    assert AllowanceScheme.objects.get().name == "Skema diubah"


@pytest.mark.parametrize("name", ["agency_admin", "leader", "auditor", "employee"])
def test_only_bkpsdm_may_save_a_scheme(personas: Personas, name: str) -> None:
    with pytest.raises(PermissionDenied, match="Hanya Admin BKPSDM"):
        allowance_scheme_save(actor=personas.all()[name], **_scheme_values())


@pytest.mark.parametrize(
    ("changes", "field", "sentence"),
    [
        ({"attendance_share": Decimal(20)}, "attendance_share", "berjumlah 90,00%; jumlahnya"),
        ({"multiplier_baik": Decimal(120)}, "multiplier_baik", "Pengali Baik 120% tidak sah"),
        ({"multiplier_kurang": None}, "multiplier_kurang", "wajib diisi"),
        ({"name": ""}, "name", "Nama skema wajib diisi"),
        ({"valid_from": None}, "valid_from", "Tanggal berlaku sejak wajib diisi"),
    ],
)
def test_a_bad_scheme_is_refused_naming_the_field(
    personas: Personas, changes: dict[str, Any], field: str, sentence: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        allowance_scheme_save(actor=personas.hr_admin, **_scheme_values(**changes))
    assert sentence in " ".join(caught.value.message_dict[field])
    assert not AllowanceScheme.objects.exists()


def test_two_schemes_may_not_start_on_the_same_day(personas: Personas) -> None:
    allowance_scheme_save(actor=personas.hr_admin, **_scheme_values())
    with pytest.raises(ValidationError) as caught:
        allowance_scheme_save(actor=personas.hr_admin, **_scheme_values(name="Lain"))
    assert (
        "Sudah ada skema yang berlaku sejak 01-01-2026"
        in caught.value.message_dict["valid_from"][0]
    )


def test_the_agency_admin_records_attendance_and_it_is_audited(personas: Personas) -> None:
    employee = personas.staff.employee
    month = _month(personas)
    saved = attendance_record(
        actor=personas.agency_admin,
        agency=personas.agency,
        month=month,
        entries=[
            AttendanceEntry(employee.pk, 21, 19),
            AttendanceEntry(personas.staff.supervisor.pk, None, None),
        ],
    )
    assert saved == 1
    record = AttendanceRecord.objects.get()
    assert (record.working_days, record.present_days) == (21, 19)
    event = AuditEvent.objects.get(action="attendance.recorded")
    assert (event.after or {})["rows"] == 1


def test_attendance_is_refused_with_the_employee_named_and_nothing_saved(
    personas: Personas,
) -> None:
    staff = personas.staff
    with pytest.raises(ValidationError) as caught:
        attendance_record(
            actor=personas.agency_admin,
            agency=personas.agency,
            month=_month(personas),
            entries=[
                AttendanceEntry(staff.supervisor.pk, 20, 20),
                AttendanceEntry(staff.employee.pk, 20, 21),
            ],
        )
    message = caught.value.message_dict[f"present_days_{staff.employee.pk}"][0]
    assert message == (
        "Agus Wibowo: Hari hadir 21 melebihi hari kerja 20; paling banyak sama dengan hari kerja."
    )
    assert not AttendanceRecord.objects.exists()


def test_attendance_of_someone_outside_the_agency_is_refused(personas: Personas) -> None:
    other = personas.staff.other_head
    with pytest.raises(ValidationError) as caught:
        attendance_record(
            actor=personas.hr_admin,
            agency=personas.agency,
            month=_month(personas),
            entries=[AttendanceEntry(other.pk, 20, 20)],
        )
    assert "tidak menjabat di Dinas Kependudukan" in str(caught.value)


def test_the_other_agency_admin_may_not_record_attendance(personas: Personas) -> None:
    with pytest.raises(PermissionDenied):
        attendance_record(
            actor=personas.other_admin,
            agency=personas.agency,
            month=_month(personas),
            entries=[],
        )


def test_an_import_saves_every_row_with_one_audit_event(personas: Personas) -> None:
    staff = personas.staff
    content = attendance_csv([(staff.employee.nip, 21, 20), (staff.supervisor.nip, "21", "21")])
    saved = attendance_import(
        actor=personas.agency_admin,
        agency=personas.agency,
        month=_month(personas),
        content=content,
        file_name="hadir.csv",
    )
    assert saved == 2
    assert AttendanceRecord.objects.count() == 2
    events = AuditEvent.objects.filter(action="attendance.imported")
    assert [(e.after or {})["rows"] for e in events] == [2]


def test_an_import_with_bad_rows_names_each_and_saves_nothing(personas: Personas) -> None:
    staff = personas.staff
    content = attendance_csv(
        [
            (staff.employee.nip, 21, 22),
            ("123", 21, 20),
            (staff.other_head.nip, 21, 20),
            (staff.supervisor.nip, "dua", 20),
        ]
    )
    with pytest.raises(AttendanceImportRejected) as caught:
        attendance_import(
            actor=personas.agency_admin,
            agency=personas.agency,
            month=_month(personas),
            content=content,
            file_name="hadir.csv",
        )
    found = [(e.row, e.column) for e in caught.value.row_errors]
    assert found == [(2, "Hari Hadir"), (3, "NIP"), (4, "NIP"), (5, "Hari Kerja")]
    assert "bukan pegawai Dinas Kependudukan" in caught.value.row_errors[2].reason
    assert not AttendanceRecord.objects.exists()


def test_an_import_with_an_unknown_column_is_refused(personas: Personas) -> None:
    with pytest.raises(AttendanceImportRejected) as caught:
        attendance_import(
            actor=personas.hr_admin,
            agency=personas.agency,
            month=_month(personas),
            content=b"NIP;Hari Kerja;Cuti\r\n1;2;3\r\n",
            file_name="hadir.csv",
        )
    reasons = " ".join(e.reason for e in caught.value.row_errors)
    assert "Kolom 'Cuti' tidak dikenal" in reasons


def test_the_sheet_computes_complete_rows_and_notes_the_missing_ones(personas: Personas) -> None:
    period = make_open_period(state=PeriodState.EVALUATION)
    window = period.windows.get(number=1)
    scope = Scope(period, window)
    agency = personas.other_agency
    rated = make_group(
        agency=agency, scope=scope, predikats=[Predikat.BUTUH_PERBAIKAN, Predikat.BAIK]
    )
    month = Month(window.start_date.year, window.start_date.month)
    make_attendance(
        employee=rated[0].plan.employee, year=month.year, month=month.month, working=21, present=19
    )
    sheet = allowance_sheet_prepare(actor=personas.hr_admin, agency=agency, month=month)
    rows = {row.name: row for row in sheet.rows}
    first = rows[rated[0].plan.employee.full_name]
    assert (first.performance, first.attendance, first.total) == (
        Decimal("60.00"),
        Decimal("18.10"),
        Decimal("78.10"),
    )
    second = rows[rated[1].plan.employee.full_name]
    assert second.total is None
    assert second.notes == ["Kehadiran bulan ini belum dicatat."]
    head = rows["Joko Perhubungan"]
    assert head.notes == [
        "Belum ada predikat yang ditetapkan untuk bulan ini.",
        "Kehadiran bulan ini belum dicatat.",
    ]


def test_a_trial_period_gives_no_predikat_to_the_sheet(personas: Personas) -> None:
    period = make_open_period(state=PeriodState.EVALUATION, is_trial=True)
    window = period.windows.get(number=1)
    evaluations = make_group(
        agency=personas.other_agency, scope=Scope(period, window), predikats=[Predikat.BAIK]
    )
    month = Month(window.start_date.year, window.start_date.month)
    sheet = allowance_sheet_prepare(
        actor=personas.hr_admin, agency=personas.other_agency, month=month
    )
    row = next(r for r in sheet.rows if r.nip == evaluations[0].plan.employee.nip)
    assert row.predikat is None
    assert sheet.trial_periods == [f"{period.name} (uji coba)"]
