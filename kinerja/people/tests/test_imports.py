"""Employee import: the whole file is checked first, nothing is kept from a bad file, and a
clean file imports once (a second import changes nothing).

Personas (conftest.py): hr_admin imports for any agency; agency_admin only for `agency`;
employee, leader, auditor and outsider may not open the import pages at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from kinerja.audit.models import AuditEvent
from kinerja.core.models import Job
from kinerja.core.testing import DB_TASKS, run_manage, worker_env
from kinerja.organization.models import Agency, Position, PositionKind, Unit
from kinerja.people.imports import (
    HEADER,
    ImportRejected,
    ImportReport,
    employee_import_apply,
    employee_import_validate,
)
from kinerja.people.models import Assignment, Employee
from kinerja.people.tasks import VALIDATE_KIND, employee_import_validation_start
from kinerja.people.testing import Personas

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
Row = dict[str, Any]


@pytest.fixture(autouse=True)
def private_media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


# --- small builders ---------------------------------------------------------------------------


def make_unit(agency: Agency, *, code: str = "bidang-uji", name: str = "Bidang Uji") -> Unit:
    return Unit.objects.create(agency=agency, code=code, name=name)


def make_position(
    agency: Agency,
    *,
    name: str,
    kind: str = PositionKind.PELAKSANA,
    supervisor: Position | None = None,
) -> Position:
    return Position.objects.create(agency=agency, name=name, kind=kind, supervisor=supervisor)


def make_employee(*, nip: str, name: str = "Pegawai Lama", grade: str = "III/a") -> Employee:
    birth = date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    gender = "L" if nip[14] == "1" else "P"
    return Employee.objects.create(
        nip=nip, employment_type="PNS", name=name, gender=gender, birth_date=birth, grade=grade
    )


def synthetic_nip(i: int) -> tuple[str, date, str]:
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
        nip, birth, gender = synthetic_nip(i)
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


def validate(actor: Any, rows: list[Row]) -> ImportReport:
    return employee_import_validate(actor=actor, content=to_csv(rows), file_name="pegawai.csv")


def only_error(report: ImportReport) -> tuple[int, str, str]:
    assert len(report.errors) == 1, report.errors
    error = report.errors[0]
    return error.row, error.column, error.reason


def file_employees() -> int:
    """Employees saved from a file built by `employee_rows` (the personas are not among them)."""
    return Employee.objects.filter(name__startswith="Pegawai Sintetis").count()


def applied_events() -> int:
    return AuditEvent.objects.filter(action="employee_import.applied").count()


# --- acceptance -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_file_with_three_bad_rows_among_a_thousand_reports_exactly_those_rows_and_writes_nothing(
    personas: Personas,
) -> None:
    make_unit(personas.agency)
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
def test_the_clean_file_imports_and_importing_it_again_changes_nothing(
    personas: Personas,
) -> None:
    make_unit(personas.agency)
    content = to_csv(employee_rows(1000, personas.agency, unit_code="bidang-uji"))

    first = employee_import_apply(actor=personas.hr_admin, content=content, file_name="a.csv")
    assert first.counts.employees_created == 1000
    assert first.counts.positions_created == 1000
    assert first.counts.assignments_created == 1000
    head = Position.objects.get(name="Kepala Dinas")
    assert head.is_head_of_agency
    staff = Position.objects.select_related("supervisor").get(name="Pengadministrasi Umum 7")
    assert staff.supervisor is not None
    assert staff.supervisor.name == "Kepala Bidang 3"
    totals = (Employee.objects.count(), Position.objects.count(), Assignment.objects.count())

    second = employee_import_apply(actor=personas.hr_admin, content=content, file_name="a.csv")

    assert second.counts.changes == 0
    assert second.counts.employees_created == 0
    assert second.counts.employees_updated == 0
    assert second.counts.employees_unchanged == 1000
    assert (
        Employee.objects.count(),
        Position.objects.count(),
        Assignment.objects.count(),
    ) == totals
    # A no-op import is still recorded: the auditor sees that an import happened.
    events = [
        event.after or {}
        for event in AuditEvent.objects.filter(action="employee_import.applied").order_by("id")
    ]
    assert len(events) == 2
    assert events[0]["employees_created"] == 1000
    assert len(events[0]["created_nips"]) == 1000
    assert events[1]["employees_created"] == 0
    assert events[1]["created_nips"] == []


@pytest.mark.django_db
def test_an_xlsx_file_with_excel_date_cells_imports(personas: Personas) -> None:
    content = to_xlsx(employee_rows(20, personas.agency), date_cells=True)
    outcome = employee_import_apply(actor=personas.hr_admin, content=content, file_name="a.xlsx")
    assert outcome.counts.employees_created == 20
    assert Assignment.objects.filter(start_date=date(2020, 1, 2)).count() == 20


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
def test_a_changed_grade_updates_only_that_employee(personas: Personas) -> None:
    rows = employee_rows(10, personas.agency)
    employee_import_apply(actor=personas.hr_admin, content=to_csv(rows), file_name="a.csv")
    rows[4]["Golongan"] = "IV/b"
    outcome = employee_import_apply(
        actor=personas.hr_admin, content=to_csv(rows), file_name="b.csv"
    )
    assert outcome.counts.employees_updated == 1
    assert outcome.counts.employees_created == 0
    nip = rows[4]["NIP"].replace(" ", "")
    assert Employee.objects.get(nip=nip).grade == "IV/b"
    event = AuditEvent.objects.filter(action="employee_import.applied").latest("id")
    assert (event.after or {})["updated_nips"] == [nip]


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
    post = make_position(personas.agency, name="Kepala Seksi Data", kind=PositionKind.PENGAWAS)
    holder = make_employee(nip="197501012000031001")
    Assignment.objects.create(employee=holder, position=post, start_date=date(2018, 1, 1))
    rows = employee_rows(3, personas.agency)
    rows[2]["Jabatan"] = "kepala seksi  DATA"
    got_row, column, reason = only_error(validate(personas.hr_admin, rows))
    assert (got_row, column) == (4, "Jabatan")
    assert "sudah dipegang definitif oleh NIP 197501012000031001" in reason


@pytest.mark.django_db
def test_a_post_is_free_when_the_file_also_moves_its_holder_out(personas: Personas) -> None:
    post = make_position(personas.agency, name="Kepala Seksi Data", kind=PositionKind.PENGAWAS)
    holder = make_employee(nip="197501012000031001")
    old = Assignment.objects.create(employee=holder, position=post, start_date=date(2018, 1, 1))
    rows = employee_rows(3, personas.agency)
    rows[2]["Jabatan"] = "Kepala Seksi Data"
    rows[2]["TMT Jabatan"] = "2021-03-01"
    moved = dict(rows[1])
    moved.update(
        {
            "NIP": "197501012000031001",
            "Tanggal Lahir": "1975-01-01",
            "Jenis Kelamin": "L",
            "Jabatan": "Kepala Bidang Baru",
            "TMT Jabatan": "2021-02-01",
        }
    )
    rows.append(moved)
    outcome = employee_import_apply(
        actor=personas.hr_admin, content=to_csv(rows), file_name="mutasi.csv"
    )
    assert outcome.counts.assignments_closed == 1
    old.refresh_from_db()
    assert old.end_date == date(2021, 1, 31)
    assert post.assignments.get(end_date__isnull=True).employee.nip == rows[2]["NIP"].replace(
        " ", ""
    )


@pytest.mark.django_db
def test_an_existing_employee_keeps_their_record_and_gets_the_new_post(personas: Personas) -> None:
    rows = employee_rows(3, personas.agency)
    make_employee(nip=rows[2]["NIP"].replace(" ", ""), name="Nama Lama", grade=rows[2]["Golongan"])
    outcome = employee_import_apply(
        actor=personas.hr_admin, content=to_csv(rows), file_name="a.csv"
    )
    assert outcome.counts.employees_created == 2
    assert outcome.counts.employees_updated == 1
    assert Employee.objects.get(nip=rows[2]["NIP"].replace(" ", "")).name == rows[2]["Nama"]


# --- who may import what --------------------------------------------------------------------


@pytest.mark.django_db
def test_an_agency_admin_gets_a_row_error_for_each_row_of_another_agency(
    personas: Personas,
) -> None:
    rows = employee_rows(6, personas.agency)
    rows[4]["Kode Perangkat Daerah"] = personas.other_agency.code
    rows[4]["Jabatan Atasan"] = ""
    report = validate(personas.agency_admin, rows)
    assert [(e.row, e.column, e.reason) for e in report.errors] == [
        (6, "Kode Perangkat Daerah", "Anda hanya boleh mengimpor pegawai Perangkat Daerah Anda.")
    ]
    rows[4]["Kode Perangkat Daerah"] = personas.agency.code
    assert validate(personas.agency_admin, rows).errors == []


@pytest.mark.django_db
def test_an_agency_admin_may_not_change_an_employee_of_another_agency(
    personas: Personas,
) -> None:
    post = make_position(personas.other_agency, name="Analis Lalu Lintas")
    rows = employee_rows(3, personas.agency)
    employee = make_employee(nip=rows[2]["NIP"].replace(" ", ""))
    Assignment.objects.create(employee=employee, position=post, start_date=date(2019, 1, 1))
    got_row, column, reason = only_error(validate(personas.agency_admin, rows))
    assert (got_row, column) == (4, "NIP")
    assert "Perangkat Daerah lain" in reason


PAGES = ["/pegawai/impor/", "/pegawai/impor/templat.xlsx", "/pegawai/impor/templat.csv"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["employee", "leader", "auditor", "outsider"])
@pytest.mark.parametrize("url", PAGES)
def test_the_import_pages_are_forbidden_to_everyone_but_admins(
    client: Client, personas: Personas, name: str, url: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(url)
    assert response.status_code == 403
    assert b"NIP" not in response.content
    response = client.post("/pegawai/impor/", {"berkas": SimpleUploadedFile("a.csv", b"NIP\n")})
    assert response.status_code == 403
    assert not Job.objects.exists()


@pytest.mark.django_db
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_someone_elses_preview_does_not_exist(client: Client, personas: Personas) -> None:
    job = employee_import_validation_start(
        actor=personas.agency_admin,
        content=to_csv(employee_rows(3, personas.agency)),
        file_name="rahasia.csv",
    )
    for name in ("hr_admin", "other_admin"):
        client.force_login(personas.all()[name])
        response = client.get(f"/pegawai/impor/{job.pk}/")
        assert response.status_code == 404
        assert b"rahasia" not in response.content
        response = client.post(f"/pegawai/impor/{job.pk}/simpan/")
        assert response.status_code == 404
    assert file_employees() == 0


# --- the pages ------------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_an_admin_uploads_sees_every_bad_row_and_cannot_confirm(
    client: Client, personas: Personas
) -> None:
    rows = employee_rows(30, personas.agency)
    rows[3]["Golongan"] = "III/z"
    rows[20]["NIP"] = "abc"
    client.force_login(personas.hr_admin)
    response = client.post(
        "/pegawai/impor/", {"berkas": SimpleUploadedFile("pegawai.csv", to_csv(rows))}
    )
    assert response.status_code == 302
    body = client.get(response["Location"]).content.decode()
    assert 'data-row="5"' in body
    assert 'data-row="22"' in body
    assert "Ditemukan 2 kesalahan pada 2 baris dari 30" in body
    assert "simpan/" not in body
    assert file_employees() == 0


@pytest.mark.django_db
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_an_admin_confirms_a_clean_file_and_sees_what_changed(
    client: Client, personas: Personas, settings: Any
) -> None:
    client.force_login(personas.agency_admin)
    content = to_xlsx(employee_rows(12, personas.agency))
    response = client.post("/pegawai/impor/", {"berkas": SimpleUploadedFile("p.xlsx", content)})
    preview_url = response["Location"]
    body = client.get(preview_url).content.decode()
    assert "Berkas bersih: 12 baris" in body
    assert file_employees() == 0
    response = client.post(f"{preview_url}simpan/")
    assert response.status_code == 302
    body = client.get(response["Location"]).content.decode()
    assert "Tersimpan: 12 pegawai baru" in body
    assert file_employees() == 12
    job = Job.objects.get(kind=VALIDATE_KIND)
    kept = list((Path(settings.MEDIA_ROOT) / "imports").iterdir())
    assert [path.name for path in kept] == [f"{job.pk}.xlsx"]  # our name, never the user's


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "phrase"),
    [
        ("kosong.csv", b"", "Berkas kosong"),
        ("pegawai.pdf", b"%PDF-1.4", "Berkas harus berekstensi .csv atau .xlsx; ditemukan .pdf"),
        ("besar.csv", b"x" * (10 * 1024 * 1024 + 1), "Berkas terlalu besar"),
    ],
)
def test_an_unusable_upload_gets_a_form_error_naming_the_file_field(
    client: Client, personas: Personas, name: str, content: bytes, phrase: str
) -> None:
    client.force_login(personas.hr_admin)
    response = client.post("/pegawai/impor/", {"berkas": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert phrase in response.content.decode()
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_the_xlsx_template_has_the_headers_and_an_explanation_sheet(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.agency_admin)
    response = client.get("/pegawai/impor/templat.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Data", "Petunjuk"]
    headers = [cell.value for cell in workbook["Data"][1]]
    assert headers == list(HEADER.values())
    explained = [row[0] for row in workbook["Petunjuk"].iter_rows(min_row=2, values_only=True)]
    assert set(HEADER.values()) <= set(explained)


@pytest.mark.django_db
def test_the_csv_template_is_one_header_line(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    response = client.get("/pegawai/impor/templat.csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines() == [";".join(HEADER.values())]


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


# --- a real worker ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_the_validation_runs_in_a_database_worker_process(
    personas: Personas, settings: Any
) -> None:
    settings.MEDIA_ROOT = Path(settings.BASE_DIR) / "var" / "media"  # what the worker sees
    rows = employee_rows(50, personas.agency)
    rows[9]["Golongan"] = "III/q"
    job = employee_import_validation_start(
        actor=personas.hr_admin, content=to_csv(rows), file_name="pekerja.csv"
    )
    stored = Path(settings.MEDIA_ROOT) / "imports" / f"{job.pk}.csv"
    try:
        env = worker_env()
        env.pop("REDIS_URL", None)
        done = run_manage(["db_worker", "--batch", "--interval", "0.1"], env)
        assert done.returncode == 0, done.stderr
        job.refresh_from_db()
        assert job.status == Job.Status.SUCCEEDED, job.error
        assert job.percent == 100
        assert job.result["clean"] is False
        assert [(e["row"], e["column"]) for e in job.result["errors"]] == [(11, "Golongan")]
        assert file_employees() == 0
    finally:
        stored.unlink(missing_ok=True)
