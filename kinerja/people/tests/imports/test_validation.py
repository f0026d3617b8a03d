"""Checking a file (validation, rows, plan): every bad row reported with its row, column and rule;
nothing written; a fixed number of queries.

Personas (conftest.py): hr_admin imports for any agency; agency_admin only for `agency`;
employee, leader, auditor and outsider may not open the import pages at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.organization.models import Position, PositionKind
from kinerja.organization.testing import make_unit
from kinerja.people.imports import (
    HEADER,
    ImportRejected,
    employee_import_apply,
    employee_import_validate,
)
from kinerja.people.imports.testing import (
    Row,
    applied_events,
    employee_rows,
    file_employees,
    only_error,
    to_csv,
    validate,
)
from kinerja.people.testing import Personas, assign, make_employee, make_position

# --- acceptance -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_file_with_three_bad_rows_among_a_thousand_reports_exactly_those_rows_and_writes_nothing(
    personas: Personas,
) -> None:
    make_unit(agency=personas.agency, code="bidang-uji", name="Bidang Uji")
    rows = employee_rows(1000, personas.agency, unit_code="bidang-uji")
    rows[10]["NIP"] = "1980 0101"  # spreadsheet row 12
    rows[500]["Tanggal Lahir"] = "1955-05-05"  # row 502
    rows[900]["Golongan"] = "V/z"  # row 902
    content = to_csv(rows)

    report = employee_import_validate(
        actor=personas.hr_admin, content=content, file_name="pegawai.csv"
    )

    assert [(e.row, e.column) for e in report.errors] == [
        (12, "NIP"),
        (502, "Tanggal Lahir"),
        (902, "Golongan"),
    ]
    assert "harus 18 digit" in report.errors[0].reason
    assert "tidak cocok dengan NIP" in report.errors[1].reason
    assert "I/a … IV/e" in report.errors[2].reason
    positions_before = Position.objects.count()
    with pytest.raises(ImportRejected):
        employee_import_apply(actor=personas.hr_admin, content=content, file_name="pegawai.csv")
    assert file_employees() == 0
    assert Position.objects.count() == positions_before
    assert applied_events() == 0


@pytest.mark.django_db
def test_a_semicolon_csv_with_a_byte_order_mark_is_read(personas: Personas) -> None:
    content = to_csv(employee_rows(5, personas.agency), delimiter=";", bom=True)
    report = employee_import_validate(actor=personas.hr_admin, content=content, file_name="a.csv")
    assert report.errors == []
    assert report.counts.employees_created == 5


@pytest.mark.django_db
def test_headers_match_whatever_their_case_spacing_and_order(personas: Personas) -> None:
    rows = employee_rows(3, personas.agency)
    headers = [f"  {h.upper()} " for h in reversed(list(HEADER.values()))]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row[h] for h in reversed(list(HEADER.values()))])
    report = employee_import_validate(
        actor=personas.hr_admin, content=buffer.getvalue().encode(), file_name="a.csv"
    )
    assert report.errors == []


@pytest.mark.django_db
def test_validation_costs_the_same_queries_for_ten_rows_and_three_hundred(
    personas: Personas,
) -> None:
    def count(n: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            validate(personas.hr_admin, employee_rows(n, personas.agency))
        return len(queries)

    assert count(10) == count(300)


# --- one test per kind of bad row -------------------------------------------------------------


def _set(column: str, value: str, index: int = 7) -> Callable[[list[Row]], None]:
    def change(rows: list[Row]) -> None:
        rows[index][column] = value

    return change


def _duplicate_nip(rows: list[Row]) -> None:
    rows[8]["NIP"] = rows[3]["NIP"]
    rows[8]["Tanggal Lahir"] = rows[3]["Tanggal Lahir"]
    rows[8]["Jenis Kelamin"] = rows[3]["Jenis Kelamin"]


def _same_post_twice(rows: list[Row]) -> None:
    rows[8]["Jabatan"] = rows[7]["Jabatan"]


def _loop(rows: list[Row]) -> None:
    rows[1]["Jabatan Atasan"] = rows[7]["Jabatan"]
    rows[7]["Jabatan Atasan"] = rows[1]["Jabatan"]


BAD_ROWS: dict[str, tuple[Callable[[list[Row]], None], int, str, str]] = {
    "bad NIP": (_set("NIP", "19860931 201505 1 001"), 9, "NIP", "bukan tanggal yang ada"),
    "birth date": (_set("Tanggal Lahir", "01-01-1960"), 9, "Tanggal Lahir", "digit 1-8"),
    "gender": (_set("Jenis Kelamin", "X"), 9, "Jenis Kelamin", "L (laki-laki) atau P"),
    "gender mismatch": (_set("Jenis Kelamin", "L"), 9, "Jenis Kelamin", "tidak cocok dengan NIP"),
    "employment type": (
        _set("Jenis Kepegawaian", "PPPK"),
        9,
        "Jenis Kepegawaian",
        "bentuk nomor PNS",
    ),
    "grade": (_set("Golongan", "XVII"), 9, "Golongan", "untuk PNS"),
    "agency": (
        _set("Kode Perangkat Daerah", "tidak-ada"),
        9,
        "Kode Perangkat Daerah",
        "tidak dikenal",
    ),
    "unit": (_set("Kode Unit", "seksi-hilang"), 9, "Kode Unit", "tidak ada di"),
    "position kind": (
        _set("Jenis Jabatan", "Staf Ahli Rahasia"),
        9,
        "Jenis Jabatan",
        "Fungsional Keahlian",
    ),
    "end before start": (
        _set("Tanggal Selesai", "2019-12-31"),
        9,
        "Tanggal Selesai",
        "tidak boleh sebelum TMT",
    ),
    "supervisor missing": (
        _set("Jabatan Atasan", "Kepala Bidang Hantu"),
        9,
        "Jabatan Atasan",
        "tidak ditemukan",
    ),
    "duplicate NIP": (_duplicate_nip, 10, "NIP", "sudah ada di baris 5"),
    "post held twice": (_same_post_twice, 10, "Jabatan", "dipegang definitif dua kali"),
    "supervision loop": (_loop, 3, "Jabatan Atasan", "lingkaran"),
    "date format": (_set("TMT Jabatan", "2 Januari 2020"), 9, "TMT Jabatan", "TTTT-BB-HH"),
    "status": (_set("Status", "Cuti"), 9, "Status", "Aktif, Pensiun atau Pindah"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(BAD_ROWS))
def test_each_bad_row_names_its_row_column_and_rule(personas: Personas, kind: str) -> None:
    change, row, column, phrase = BAD_ROWS[kind]
    rows = employee_rows(10, personas.agency)
    change(rows)
    got_row, got_column, reason = only_error(validate(personas.hr_admin, rows))
    assert (got_row, got_column) == (row, column)
    assert phrase in reason


@pytest.mark.django_db
def test_a_bad_row_does_not_drag_its_subordinates_into_the_report(personas: Personas) -> None:
    rows = employee_rows(30, personas.agency)
    rows[3]["NIP"] = "123"  # the head of division 3, supervisor of several staff rows
    assert only_error(validate(personas.hr_admin, rows))[:2] == (5, "NIP")


@pytest.mark.django_db
def test_an_acting_official_may_hold_a_post_that_has_a_definitive_holder(
    personas: Personas,
) -> None:
    rows = employee_rows(10, personas.agency)
    rows[8]["Jabatan"] = rows[7]["Jabatan"]
    rows[8]["Plt/Plh"] = "Plt"
    report = validate(personas.hr_admin, rows)
    assert report.errors == []


@pytest.mark.django_db
def test_moving_an_employee_into_a_post_already_held_is_refused(personas: Personas) -> None:
    post = make_position(
        agency=personas.agency, name="Kepala Seksi Data", kind=PositionKind.PENGAWAS
    )
    holder = make_employee(nip="197501012000031001")
    assign(holder, post, start=date(2018, 1, 1))
    rows = employee_rows(3, personas.agency)
    rows[2]["Jabatan"] = "kepala seksi  DATA"
    got_row, column, reason = only_error(validate(personas.hr_admin, rows))
    assert (got_row, column) == (4, "Jabatan")
    assert "sudah dipegang definitif oleh NIP 197501012000031001" in reason


@pytest.mark.django_db
def test_a_file_without_a_required_column_is_reported_on_the_header_row(
    personas: Personas,
) -> None:
    content = b"NIP,Nama,Tanggal Lhr\n198609262015051001,Ani,1986-09-26\n"
    report = employee_import_validate(actor=personas.hr_admin, content=content, file_name="a.csv")
    assert {(e.row, e.column) for e in report.errors} == {
        (1, "Tanggal Lhr"),
        (1, "Golongan"),
        (1, "Kode Perangkat Daerah"),
    }
