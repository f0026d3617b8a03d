"""Importing organisation goals: the same row error report as the employee import, nothing
kept of a failed file, one audit event for a clean one, run as a job with progress."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from openpyxl import load_workbook

from kinerja.audit.models import AuditEvent
from kinerja.core.models import Job
from kinerja.core.testing import IMMEDIATE_TASKS, page_text
from kinerja.people.testing import Personas
from kinerja.periods.models import PeriodState
from kinerja.planning.goal_import import HEADER, goal_import_start, goal_import_template_xlsx
from kinerja.planning.goal_import.validation import goal_import_validate
from kinerja.planning.goals import goal_remove, goal_update
from kinerja.planning.models import GoalIndicator, OrganizationGoal, TargetKind
from kinerja.planning.testing import make_goal, make_open_period
from kinerja.scoring.spreadsheet import read_table

pytestmark = pytest.mark.django_db

TITLES = list(HEADER.values())
GOOD = [
    ["1", "Meningkatnya kualitas pelayanan", "Penerima Layanan", "Indeks kepuasan masyarakat",
     "", "85", "", "", "", ""],
    ["1", "Meningkatnya kualitas pelayanan", "Penerima Layanan", "Waktu layanan KTP-el",
     "Angka", "1", "", "hari", "", "Semakin rendah semakin baik"],
    ["2", "Tata kelola akuntabel", "", "Nilai SAKIP", "Rentang", "70", "80,5", "", "", ""],
    ["2", "Tata kelola akuntabel", "", "Opini BPK", "Deskripsi", "", "", "", "WTP", ""],
]  # fmt: skip


def _file(rows: Sequence[Sequence[str]], header: Sequence[str] = TITLES) -> bytes:
    """A CSV as an office writes it (cells as typed: "-5" stays "-5")."""
    lines = [";".join(header), *(";".join(row) for row in rows)]
    return "\n".join(lines).encode()


def _validate(personas: Personas, content: bytes, **extra: Any) -> Any:
    return goal_import_validate(
        actor=personas.agency_admin,
        agency=personas.agency,
        period=extra.get("period") or make_open_period(),
        content=content,
        file_name="sasaran.csv",
    )


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_clean_file_saves_every_goal_and_indicator_with_one_audit_event(
    personas: Personas,
) -> None:
    period = make_open_period()
    job = goal_import_start(
        actor=personas.agency_admin,
        agency=personas.agency,
        period=period,
        content=_file(GOOD),
        file_name="sasaran.csv",
    )
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert job.message == "Tersimpan: 2 sasaran strategis dengan 4 indikator."
    goals = list(OrganizationGoal.objects.order_by("number"))
    assert [(g.number, g.statement, g.perspective) for g in goals] == [
        (1, "Meningkatnya kualitas pelayanan", "SERVICE_RECIPIENTS"),
        (2, "Tata kelola akuntabel", ""),
    ]
    second = list(GoalIndicator.objects.filter(goal=goals[1]).order_by("number"))
    assert [(i.target_kind, str(i.target_max), i.target_description) for i in second] == [
        (TargetKind.RANGE, "80.50", ""),
        (TargetKind.DESCRIBED, "None", "WTP"),
    ]
    polarity = GoalIndicator.objects.get(text="Waktu layanan KTP-el").polarity
    assert polarity == "LOWER_IS_BETTER"
    goal_events = AuditEvent.objects.filter(action__startswith="organization_goal.")
    assert list(goal_events.values_list("action", flat=True)) == ["organization_goal.imported"]


def test_every_bad_row_is_reported_with_row_column_value_and_reason(personas: Personas) -> None:
    period = make_open_period()
    make_goal(agency=personas.agency, period=period, number=9)
    rows = [
        *GOOD[:1],
        ["x", "Sasaran", "", "IKU", "", "5", "", "", "", ""],
        ["1", "Sasaran lain", "Penerima Layanan", "IKU", "", "5", "", "", "", ""],
        ["3", "Sasaran tiga", "Langit", "IKU", "", "-5", "", "", "", ""],
        ["4", "Sasaran empat", "", "IKU", "Rentang", "90", "80", "", "", ""],
        ["5", "", "", "IKU", "", "5", "", "", "", ""],
        ["6", "Sasaran enam", "", "", "Bintang", "lima", "", "", "", "naik"],
        ["9", "Sudah ada", "", "IKU", "", "5", "", "", "", ""],
    ]
    report = _validate(personas, _file(rows), period=period)
    found = [(e.row, e.column, e.value, e.reason) for e in report.errors]
    assert (3, "Nomor Sasaran", "x",
            "Nomor Sasaran “x” tidak sah; isi bilangan bulat 1 sampai 999.") in found  # fmt: skip
    assert (
        4, "Sasaran Strategis", "Sasaran lain",
        "Sasaran nomor 1 ditulis berbeda dengan baris 2; satu nomor untuk satu sasaran (kalimat "
        "dan perspektif sama di setiap barisnya).",
    ) in found  # fmt: skip
    assert (
        5, "Perspektif", "Langit",
        "Perspektif “Langit” tidak dikenal; isi salah satu: Penerima Layanan, Proses Bisnis, "
        "Penguatan Internal, Anggaran.",
    ) in found  # fmt: skip
    assert (
        5, "Target", "-5",
        "Target -5 tidak diterima: target harus angka positif, rentang dengan batas bawah < "
        "batas atas, atau uraian.",
    ) in found  # fmt: skip
    assert (
        6, "Target Maksimum", "80",
        "Rentang target 90 s.d. 80 tidak diterima: batas bawah harus lebih kecil dari batas atas.",
    ) in found  # fmt: skip
    assert (7, "Sasaran Strategis", "",
            "Sasaran Strategis wajib diisi; tuliskan kalimatnya.") in found  # fmt: skip
    reasons_8 = {(e.column, e.reason.split(";")[0]) for e in report.errors if e.row == 8}
    assert reasons_8 >= {
        ("Jenis Target", "Jenis Target “Bintang” tidak dikenal"),
        ("Target", "Target “lima” bukan angka"),
        ("Polaritas", "Polaritas “naik” tidak dikenal"),
    }
    assert (
        9, "Nomor Sasaran", "9",
        "Sasaran nomor 9 sudah tersimpan untuk perangkat daerah dan periode ini; ubah lewat "
        "halaman sasaran atau pakai nomor lain.",
    ) in found  # fmt: skip
    assert not report.is_clean


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_file_with_one_bad_row_saves_nothing(personas: Personas) -> None:
    rows = [*GOOD, ["3", "Sasaran tiga", "", "IKU", "", "0", "", "", "", ""]]
    job = goal_import_start(
        actor=personas.agency_admin,
        agency=personas.agency,
        period=make_open_period(),
        content=_file(rows),
        file_name="sasaran.csv",
    )
    job.refresh_from_db()
    assert job.message == "Ditemukan 1 kesalahan pada 1 baris; tidak ada yang disimpan."
    assert (job.result or {})["errors"][0]["row"] == 6
    assert not OrganizationGoal.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="organization_goal.").exists()


def test_unknown_and_missing_columns_are_reported_on_the_header_row(personas: Personas) -> None:
    header = ["Nomor Sasaran", "Sasaran Strategis", "Warna"]
    report = _validate(personas, _file([["1", "Sasaran", "merah"]], header=header))
    reasons = [(e.row, e.column, e.reason.split(";")[0]) for e in report.errors]
    assert (1, "Warna", "Kolom 'Warna' tidak dikenal") in reasons
    assert (
        1,
        "Indikator Kinerja Utama",
        "Kolom wajib Indikator Kinerja Utama tidak ada di baris judul.",
    ) in reasons


def test_another_agencys_admin_cannot_import(personas: Personas) -> None:
    with pytest.raises(PermissionDenied):
        goal_import_start(
            actor=personas.other_admin,
            agency=personas.agency,
            period=make_open_period(),
            content=_file(GOOD),
            file_name="sasaran.csv",
        )
    assert not Job.objects.exists()


def test_a_closed_period_refuses_the_import_before_the_job(personas: Personas) -> None:
    with pytest.raises(ValidationError, match="sudah ditutup"):
        goal_import_start(
            actor=personas.hr_admin,
            agency=personas.agency,
            period=make_open_period(state=PeriodState.CLOSED),
            content=_file(GOOD),
            file_name="sasaran.csv",
        )
    assert not Job.objects.exists()


def test_the_template_has_the_columns_and_reads_back_as_a_clean_header(
    personas: Personas,
) -> None:
    table = read_table(goal_import_template_xlsx(), file_name="t.xlsx", max_rows=10, max_columns=30)
    assert [str(c) for c in table[0][1]] == TITLES


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_upload_page_imports_and_shows_the_result(client: Client, personas: Personas) -> None:
    make_open_period()
    client.force_login(personas.agency_admin)
    base = f"/skp/sasaran/{personas.agency.pk}/impor/"
    upload = SimpleUploadedFile("sasaran.csv", _file(GOOD), content_type="text/csv")
    response = client.post(base, {"berkas": upload})
    assert response.status_code == 302
    text = page_text(client.get(response["Location"]).content)
    assert "Tersimpan: 2 sasaran strategis dengan 4 indikator dari 4 baris." in text
    assert OrganizationGoal.objects.count() == 2


def test_an_upload_declared_too_large_is_refused_before_it_is_read(
    client: Client, personas: Personas
) -> None:
    make_open_period()
    client.force_login(personas.agency_admin)
    response = client.post(
        f"/skp/sasaran/{personas.agency.pk}/impor/", {}, CONTENT_LENGTH=str(50 * 1024 * 1024)
    )
    assert response.status_code == 400
    assert "Berkas terlalu besar (50,0 MB); paling besar 10 MB" in page_text(response.content)
    assert not Job.objects.exists()


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_upload_page_lists_the_bad_rows(client: Client, personas: Personas) -> None:
    make_open_period()
    client.force_login(personas.agency_admin)
    base = f"/skp/sasaran/{personas.agency.pk}/impor/"
    rows = [["1", "", "", "IKU", "", "5", "", "", "", ""]]
    upload = SimpleUploadedFile("sasaran.csv", _file(rows), content_type="text/csv")
    location = client.post(base, {"berkas": upload})["Location"]
    text = page_text(client.get(location).content)
    assert "Ditemukan 1 kesalahan pada 1 baris dari 1. Tidak ada yang disimpan." in text
    assert "Sasaran Strategis wajib diisi; tuliskan kalimatnya." in text
    errors = client.get(f"{location}kesalahan.csv")
    assert "Sasaran Strategis wajib diisi" in errors.content.decode("utf-8-sig")
    # The job is its owner's: another admin of the agency is told it does not exist.
    client.force_login(personas.hr_admin)
    assert client.get(location).status_code == 404


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_audit_trail_reads_goal_events_in_indonesian(
    client: Client, personas: Personas
) -> None:
    period = make_open_period()
    goal_import_start(
        actor=personas.agency_admin,
        agency=personas.agency,
        period=period,
        content=_file(GOOD),
        file_name="sasaran.csv",
    )
    goal = OrganizationGoal.objects.get(number=1)
    goal_update(actor=personas.agency_admin, goal=goal, statement="Baru")
    goal_remove(actor=personas.agency_admin, goal=goal)
    client.force_login(personas.auditor)
    response = client.get("/audit/")
    assert response.status_code == 200
    text = page_text(response.content)
    for label in [
        "Sasaran strategis diimpor",
        "Sasaran strategis diubah",
        "Sasaran strategis dihapus",
    ]:
        assert label in text


def test_the_filled_in_xlsx_template_with_number_cells_imports_clean(personas: Personas) -> None:
    workbook = load_workbook(BytesIO(goal_import_template_xlsx()))
    sheet = workbook["Data"]
    sheet.append([1, "Pelayanan prima", "Penerima Layanan", "IKM", "Angka", 85.5, None, "%"])
    sheet.append([2, "Akuntabel", None, "Nilai SAKIP", "Rentang", 70, 80, None])
    buffer = BytesIO()
    workbook.save(buffer)
    report = goal_import_validate(
        actor=personas.hr_admin,
        agency=personas.agency,
        period=make_open_period(),
        content=buffer.getvalue(),
        file_name="sasaran.xlsx",
    )
    assert report.errors == []
    assert [(g.number, str(g.indicators[0].target.value)) for g in report.goals] == [
        (1, "85.5"),
        (2, "70"),
    ]
