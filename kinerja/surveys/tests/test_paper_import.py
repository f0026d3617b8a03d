"""Importing paper survey answers: element columns by code or name (U9 before U8), every row
through the public form's rule (same sentences), nothing kept of a file with one bad row, one
audit event for a clean one, run as a job with progress; the template re-imports cleanly."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from kinerja.audit.models import AuditEvent
from kinerja.core.models import Job
from kinerja.core.testing import IMMEDIATE_TASKS
from kinerja.organization.models import ServiceUnit
from kinerja.people.imports import ImportFileError
from kinerja.people.testing import Personas
from kinerja.surveys.models import Channel, Service, SurveyResponse
from kinerja.surveys.paper_import import (
    PaperImportRejected,
    paper_import_apply,
    paper_import_start,
    paper_import_template_xlsx,
    paper_import_validate,
)
from kinerja.surveys.rules import response_clean
from kinerja.surveys.testing import make_service, make_service_unit

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = (TODAY - timedelta(days=3)).strftime("%d/%m/%Y")
ISO_DAY = (TODAY - timedelta(days=10)).isoformat()
# The paper form's order: U9 (Sarana) is asked before U8 (Pengaduan).
HEADER = [
    "No", "Tanggal", "Layanan", "Jenis Kelamin", "Usia", "Pendidikan", "Pekerjaan",
    "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U9", "U8", "Saran",
]  # fmt: skip
GOOD = [
    ["1", DAY, "Perekaman KTP-el", "P", "34", "SMA/SMK", "Wirausaha",
     "3", "3", "2", "4", "3", "3", "4", "1", "2", "Kursi tunggu kurang."],
    ["2", ISO_DAY, "kartu keluarga", "Laki-laki", "", "", "",
     "4", "4", "4", "4", "4", "4", "4", "4", "", ""],
]  # fmt: skip


def _csv(rows: Sequence[Sequence[str]], header: Sequence[str] = HEADER) -> bytes:
    return "\n".join(";".join(row) for row in [header, *rows]).encode()


def _xlsx(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    service_unit = make_service_unit(unit=personas.staff.unit, name="Loket Adminduk")
    make_service(service_unit=service_unit, name="Perekaman KTP-el")
    make_service(service_unit=service_unit, name="Kartu Keluarga")
    return service_unit


def _validate(personas: Personas, unit: ServiceUnit, content: bytes, name: str = "a.csv") -> Any:
    return paper_import_validate(
        actor=personas.employee, service_unit=unit, content=content, file_name=name
    )


def _found(report: Any) -> list[tuple[int, str, str, str]]:
    return [(e.row, e.column, e.value, e.reason) for e in report.errors]


def _rule_says(field: str, value: str, **extra: str) -> str:
    """The sentence the public form's rule gives for `field` = `value`."""
    raw = {"u1": "3", "service": "Perekaman KTP-el", **extra, field: value}
    with pytest.raises(ValidationError) as caught:
        response_clean(raw, services={1: "Kartu Keluarga", 2: "Perekaman KTP-el"},
                       require_all_answers=False)  # fmt: skip
    return caught.value.message_dict[field][0]


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_clean_csv_with_u9_before_u8_saves_every_row_as_paper_with_one_audit_event(
    personas: Personas, unit: ServiceUnit
) -> None:
    job = paper_import_start(
        actor=personas.employee, service_unit=unit, content=_csv(GOOD), file_name="kertas.csv"
    )
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert job.message == "Tersimpan: 2 jawaban survei kertas."
    assert job.result["clean"] is True
    assert job.result["service_unit_id"] == unit.pk
    first, second = SurveyResponse.objects.order_by("survey_date").reverse()
    assert (first.u8, first.u9) == (2, 1)  # by heading, not by position
    assert [first.u1, first.u2, first.u3, first.u4, first.u5, first.u6, first.u7] == [
        3, 3, 2, 4, 3, 3, 4,
    ]  # fmt: skip
    assert first.survey_date == TODAY - timedelta(days=3)
    assert (first.gender, first.age, first.education, first.occupation) == (
        "P", 34, "SMA", "WIRAUSAHA",
    )  # fmt: skip
    assert first.service == Service.objects.get(name="Perekaman KTP-el")
    assert first.suggestion == "Kursi tunggu kurang."
    assert (second.u8, second.gender, second.age) == (None, "L", None)
    assert second.service == Service.objects.get(name="Kartu Keluarga")
    assert second.survey_date == TODAY - timedelta(days=10)
    assert {(r.channel, r.import_job_id, r.service_unit_id) for r in (first, second)} == {
        (Channel.PAPER, job.pk, unit.pk)
    }
    event = AuditEvent.objects.get(action="survey_response.imported")
    assert event.actor_id == personas.employee.pk
    assert event.object_id == str(unit.pk)
    assert event.after is not None
    assert (event.after["rows"], event.after["file_name"]) == (2, "kertas.csv")


def test_an_xlsx_with_element_names_and_excel_dates_is_read_by_heading(
    personas: Personas, unit: ServiceUnit
) -> None:
    header = [
        "Tanggal", "Layanan", "Persyaratan", "Sistem, Mekanisme, dan Prosedur",
        "Waktu Penyelesaian", "Biaya/Tarif", "Produk Spesifikasi Jenis Pelayanan",
        "Kompetensi Pelaksana", "Perilaku Pelaksana", "U9 Sarana dan Prasarana",
        "Penanganan Pengaduan, Saran dan Masukan",
    ]  # fmt: skip
    rows = [
        [TODAY - timedelta(days=1), "Kartu Keluarga", 1, 2, 3, 4, 1, 2, 3, 4, 1],
        [DAY, "Perekaman KTP-el", 4, 4, 4, 4, 4, 4, 4, 3, None],
    ]
    report = _validate(personas, unit, _xlsx(rows, header), "kertas.xlsx")
    assert report.errors == []
    first, second = report.responses
    assert first.survey_date == TODAY - timedelta(days=1)
    assert first.clean.answers == {
        "u1": 1, "u2": 2, "u3": 3, "u4": 4, "u5": 1, "u6": 2, "u7": 3, "u8": 1, "u9": 4,
    }  # fmt: skip
    assert (second.clean.answers["u9"], second.clean.answers["u8"]) == (3, None)
    assert second.survey_date == TODAY - timedelta(days=3)


@pytest.mark.parametrize(
    ("column", "field", "value"),
    [
        ("U1 Persyaratan", "u1", "5"),
        ("U9 Sarana dan Prasarana", "u9", "baik"),
        ("Jenis Kelamin", "gender", "X"),
        ("Usia", "age", "7"),
        ("Usia", "age", "tiga puluh"),
        ("Pendidikan", "education", "TK"),
        ("Pekerjaan", "occupation", "Petani"),
        ("Layanan", "service", "Paspor"),
        ("Layanan", "service", ""),
    ],
)
def test_a_bad_cell_gets_the_public_forms_sentence_with_its_row_and_column(
    personas: Personas, unit: ServiceUnit, column: str, field: str, value: str
) -> None:
    row = list(GOOD[0])
    row[HEADER.index({"u1": "U1", "u9": "U9"}.get(field, column))] = value
    report = _validate(personas, unit, _csv([GOOD[1], row]))
    assert _found(report) == [(3, column, value, _rule_says(field, value))]
    assert report.responses == []


def test_a_row_without_any_answer_and_an_over_long_suggestion_are_refused(
    personas: Personas, unit: ServiceUnit
) -> None:
    blank = [*GOOD[0][:7], *[""] * 9, ""]
    long_text = "panjang " * 300
    wordy = [*GOOD[0][:16], long_text]
    report = _validate(personas, unit, _csv([blank, wordy]))
    expected_long = _rule_says("suggestion", long_text.strip())
    assert _found(report) == [
        (2, "U1 Persyaratan", "",
         "Tidak ada jawaban sama sekali; isi paling sedikit satu unsur (U1-U9)."),
        (3, "Saran", long_text.strip()[:80] + "…", expected_long),
    ]  # fmt: skip
    assert "2000 karakter" in expected_long


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "Tanggal survei wajib diisi: HH/BB/TTTT, TTTT-BB-HH atau sel tanggal Excel."),
        ("kemarin", "Tanggal 'kemarin' tidak dikenali; tulis HH/BB/TTTT, TTTT-BB-HH atau sel "
         f"tanggal Excel (mis. {TODAY:%d/%m/%Y})."),
        ((TODAY + timedelta(days=1)).isoformat(), "ada di masa depan; tanggal survei paling "
         "lambat hari ini"),
        ((TODAY - timedelta(days=800)).strftime("%d/%m/%Y"), "lebih dari 2 tahun lalu; tanggal "
         "survei paling awal"),
    ],
)  # fmt: skip
def test_a_missing_unreadable_future_or_old_survey_date_is_refused(
    personas: Personas, unit: ServiceUnit, value: str, reason: str
) -> None:
    row = list(GOOD[0])
    row[1] = value
    report = _validate(personas, unit, _csv([row]))
    [(number, column, shown, found)] = _found(report)
    assert (number, column, shown) == (2, "Tanggal", value)
    assert reason in found


def test_problems_of_the_header_are_reported_on_the_header_row(
    personas: Personas, unit: ServiceUnit
) -> None:
    header = [h for h in HEADER if h not in {"U8", "Tanggal"}] + ["Persyaratan", "Petugas"]
    rows = [[*GOOD[0][:1], *GOOD[0][2:15], "", "", "3", "Budi"]]
    report = _validate(personas, unit, _csv(rows, header))
    reasons = [(e.row, e.column, e.reason) for e in report.errors]
    assert (1, "Unsur pelayanan", "Kolom U1 (Persyaratan) muncul dua kali: kolom 7 dan kolom "
            "16; hapus salah satu.") in reasons  # fmt: skip
    missing = ("Kolom unsur tidak ditemukan: U8 (Penanganan Pengaduan, Saran dan Masukan); "
               "beri judul kolom kode (U1-U9) atau nama unsur.")  # fmt: skip
    assert (1, "Unsur pelayanan", missing) in reasons
    assert (1, "Tanggal", "Kolom wajib Tanggal tidak ada di baris judul.") in reasons
    unknown = next(reason for _, column, reason in reasons if column == "Petugas")
    assert unknown.startswith("Kolom 'Petugas' tidak dikenal; kolom yang dikenal: No, Tanggal")
    assert "kolom unsur U1-U9" in unknown
    assert report.responses == []


def test_layanan_may_be_left_out_only_by_a_unit_without_services(personas: Personas) -> None:
    bare = make_service_unit(unit=personas.staff.unit)
    header = [h for h in HEADER if h != "Layanan"]
    row = [cell for index, cell in enumerate(GOOD[0]) if HEADER[index] != "Layanan"]
    assert _validate(personas, bare, _csv([row], header)).errors == []
    make_service(service_unit=bare, name="Legalisasi")
    reasons = [e.reason for e in _validate(personas, bare, _csv([row], header)).errors]
    assert reasons == ["Kolom wajib Layanan tidak ada di baris judul."]


def test_a_file_with_only_a_header_or_nothing_readable_says_so(
    personas: Personas, unit: ServiceUnit
) -> None:
    report = _validate(personas, unit, _csv([]))
    assert [e.reason for e in report.errors] == ["Berkas hanya berisi baris judul; tidak ada data."]
    with pytest.raises(ImportFileError, match="bukan XLSX"):
        _validate(personas, unit, b"bukan zip", "kertas.xlsx")


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_file_with_one_bad_row_imports_nothing_and_says_so(
    personas: Personas, unit: ServiceUnit
) -> None:
    bad = list(GOOD[1])
    bad[HEADER.index("U3")] = "7"
    job = paper_import_start(
        actor=personas.agency_admin,
        service_unit=unit,
        content=_csv([GOOD[0], bad, GOOD[0]]),
        file_name="kertas.csv",
    )
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert job.message == "Ditemukan 1 kesalahan pada 1 baris; tidak ada yang disimpan."
    assert job.result["errors"] == [
        {"row": 3, "column": "U3 Waktu Penyelesaian", "value": "7",
         "reason": "Jawaban U3 (Waktu Penyelesaian) '7' di luar skala; isi 1, 2, 3 atau 4."},
    ]  # fmt: skip
    assert not SurveyResponse.objects.exists()
    assert not AuditEvent.objects.filter(action="survey_response.imported").exists()


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_an_unreadable_file_ends_the_job_with_the_reason(
    personas: Personas, unit: ServiceUnit
) -> None:
    job = paper_import_start(
        actor=personas.employee, service_unit=unit, content=b"PK\x03\x04rusak", file_name="k.xlsx"
    )
    job.refresh_from_db()
    assert job.result["clean"] is False
    assert job.result["service_unit_id"] == unit.pk
    [error] = job.result["errors"]
    assert error["column"] == "Berkas"
    assert "bukan XLSX yang dapat dibaca" in error["reason"]
    assert not SurveyResponse.objects.exists()


def test_more_rows_than_the_imports_limit_are_refused(
    personas: Personas, unit: ServiceUnit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kinerja.people.imports.files.MAX_ROWS", 2)
    with pytest.raises(ImportFileError, match="lebih dari 2 baris data"):
        _validate(personas, unit, _csv([GOOD[0]] * 4))


@pytest.mark.parametrize("persona", ["leader", "auditor", "other_admin", "outsider"])
def test_who_may_not_import_is_refused_and_nothing_is_stored(
    personas: Personas, unit: ServiceUnit, persona: str
) -> None:
    actor = personas.all()[persona]
    with pytest.raises(PermissionDenied, match="tidak berwenang mengimpor survei kertas"):
        paper_import_start(actor=actor, service_unit=unit, content=_csv(GOOD), file_name="a.csv")
    with pytest.raises(PermissionDenied):
        paper_import_validate(actor=actor, service_unit=unit, content=_csv(GOOD), file_name="a.csv")
    report = _validate(personas, unit, _csv(GOOD))
    with pytest.raises(PermissionDenied):
        paper_import_apply(actor=actor, service_unit=unit, report=report, file_name="a.csv")
    assert not Job.objects.exists()
    assert not SurveyResponse.objects.exists()


def test_apply_refuses_a_report_with_errors(personas: Personas, unit: ServiceUnit) -> None:
    report = _validate(personas, unit, _csv([[*GOOD[0][:7], "9", *GOOD[0][8:]]]))
    with pytest.raises(PaperImportRejected):
        paper_import_apply(
            actor=personas.employee, service_unit=unit, report=report, file_name="a.csv"
        )
    assert not SurveyResponse.objects.exists()


def test_checking_costs_the_same_queries_for_few_and_many_rows(
    personas: Personas, unit: ServiceUnit
) -> None:
    def queries(rows: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            report = _validate(personas, unit, _csv([GOOD[0]] * rows))
        assert report.errors == []
        return len(captured.captured_queries)

    assert queries(2) == queries(300)


def test_the_template_opens_in_order_u9_before_u8_lists_choices_and_imports_cleanly(
    personas: Personas, unit: ServiceUnit
) -> None:
    content = paper_import_template_xlsx(
        services=["Perekaman KTP-el", "Kartu Keluarga"], today=TODAY
    )
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Data", "Pilihan", "Petunjuk"]
    header = [cell.value for cell in workbook["Data"][1]]
    assert header.index("U9 Sarana dan Prasarana") < header.index(
        "U8 Penanganan Pengaduan, Saran dan Masukan"
    )
    assert header[:3] == ["No", "Tanggal", "Layanan"]
    assert header[-1] == "Saran"
    choices = {
        column[0].value: [cell.value for cell in column[1:] if cell.value]
        for column in workbook["Pilihan"].iter_cols()
    }
    assert choices["Layanan"] == ["Perekaman KTP-el", "Kartu Keluarga"]
    assert "SMA/SMK" in choices["Pendidikan"]
    assert "Pelajar/Mahasiswa" in choices["Pekerjaan"]
    report = _validate(personas, unit, content, "templat.xlsx")
    assert report.errors == []
    [example] = report.responses
    assert example.survey_date == TODAY
    assert example.clean.service_id == Service.objects.get(name="Perekaman KTP-el").pk


def test_the_earliest_accepted_date_of_a_leap_day_is_28_february() -> None:
    from kinerja.surveys.paper_import.validation import earliest_survey_date

    assert earliest_survey_date(date(2028, 2, 29)) == date(2026, 2, 28)
    assert earliest_survey_date(date(2027, 3, 1)) == date(2025, 3, 1)
