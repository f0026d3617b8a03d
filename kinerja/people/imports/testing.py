"""Builders for tests of the import: synthetic files of valid employees, and reading results.

Posts, units and employees come from the app builders (`kinerja.people.testing`,
`kinerja.organization.testing`); tasks run immediately with `IMMEDIATE_TASKS`
(`kinerja.core.testing`).
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

from openpyxl import Workbook

from kinerja.accounts.actors import Actor
from kinerja.audit.models import AuditEvent
from kinerja.organization.models import Agency
from kinerja.people.imports import (
    HEADER,
    ImportReport,
    employee_import_validate,
)
from kinerja.people.models import Employee

Row = dict[str, Any]


def file_nip(i: int) -> tuple[str, date, str]:
    """A valid PNS NIP that belongs to nobody: birth date, appointment 25 years later."""
    birth = date(1970, 1, 1) + timedelta(days=7 * i)
    gender = "1" if i % 2 == 0 else "2"
    appointed = f"{birth.year + 25}{(i % 12) + 1:02d}"
    return (
        f"{birth:%Y%m%d}{appointed}{gender}{(i % 999) + 1:03d}",
        birth,
        "L" if gender == "1" else "P",
    )


def employee_rows(n: int, agency: Agency, *, unit_code: str = "") -> list[Row]:
    """A consistent file: a head, five heads of division, and staff under them."""
    grades = ["III/a", "III/b", "III/c", "III/d", "IV/a", "II/c"]
    rows: list[Row] = []
    for i in range(n):
        nip, birth, gender = file_nip(i)
        if i == 0:
            position, kind, supervisor, head = "Kepala Dinas", "JPT", "", "Ya"
        elif i <= 5:
            position, kind, supervisor, head = (
                f"Kepala Bidang {i}",
                "Administrator",
                "Kepala Dinas",
                "",
            )
        else:
            position, kind = f"Pengadministrasi Umum {i}", "Pelaksana"
            supervisor, head = f"Kepala Bidang {(i % 5) + 1}", ""
        rows.append(
            {
                "NIP": f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}",
                "Jenis Kepegawaian": "PNS",
                "Nama": f"Pegawai Sintetis {i}",
                "Gelar Depan": "",
                "Gelar Belakang": "S.E." if i % 3 == 0 else "",
                "Jenis Kelamin": gender,
                "Tanggal Lahir": birth.isoformat(),
                "Golongan": grades[i % len(grades)],
                "Status": "Aktif",
                "Kode Perangkat Daerah": agency.code,
                "Kode Unit": unit_code if i > 0 else "",
                "Jabatan": position,
                "Jenis Jabatan": kind,
                "Jenjang": "",
                "Jabatan Atasan": supervisor,
                "Kepala Perangkat Daerah": head,
                "TMT Jabatan": "2020-01-02",
                "Plt/Plh": "",
                "Tanggal Selesai": "",
            }
        )
    return rows


def to_csv(rows: list[Row], *, delimiter: str = ",", bom: bool = False) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(HEADER.values()), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def to_xlsx(rows: list[Row], *, date_cells: bool = False) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    headers = list(HEADER.values())
    sheet.append(headers)
    for row in rows:
        values: list[Any] = []
        for header in headers:
            value = row[header]
            if date_cells and header in {"Tanggal Lahir", "TMT Jabatan"} and value:
                value = date.fromisoformat(value)
            values.append(value)
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def validate(actor: Actor, rows: list[Row]) -> ImportReport:
    return employee_import_validate(actor=actor, content=to_csv(rows), file_name="pegawai.csv")


def only_error(report: ImportReport) -> tuple[int, str, str]:
    assert len(report.errors) == 1, report.errors
    error = report.errors[0]
    return error.row, error.column, error.reason


def applied_events() -> int:
    return AuditEvent.objects.filter(action="employee_import.applied").count()


def file_employees() -> int:
    """Employees saved from a file built by `employee_rows` (the personas are not among them)."""
    return Employee.objects.filter(name__startswith="Pegawai Sintetis").count()
