"""Allowance (TPP) pages: who may open them, the sheet read back, constant queries."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import page_query_count, page_text
from kinerja.evaluation.models import AttendanceRecord
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.allowance import Month
from kinerja.evaluation.testing import attendance_csv, make_attendance, make_group
from kinerja.people.testing import PERSONA_NAMES, Personas, bulk_staff
from kinerja.periods.models import EvaluationWindow, PeriodState
from kinerja.planning.testing import make_open_period
from kinerja.scoring.ratings import Predikat

pytestmark = pytest.mark.django_db

HANDLERS = {"agency_admin", "hr_admin"}


def _as(client: Client, personas: Personas, name: str) -> Client:
    client.force_login(personas.all()[name])
    return client


def _window() -> EvaluationWindow:
    return make_open_period(state=PeriodState.EVALUATION).windows.get(number=1)


def _query(window: EvaluationWindow) -> str:
    return f"?bulan={window.start_date:%Y-%m}"


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_tpp_index_opens_for_bkpsdm_and_admin_opd_only(
    client: Client, personas: Personas, name: str
) -> None:
    response = _as(client, personas, name).get(f"/tpp/?perangkat={personas.agency.pk}")
    if name in HANDLERS or name == "other_admin":
        assert response.status_code == 200
        assert "Hasil penilaian dalam periode uji coba tidak dipakai untuk TPP" in page_text(
            response.content
        )
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_attendance_page_opens_for_the_agency_handlers_only(
    client: Client, personas: Personas, name: str
) -> None:
    window = _window()
    url = f"/tpp/kehadiran/{personas.agency.pk}/{_query(window)}"
    response = _as(client, personas, name).get(url)
    if name in HANDLERS:
        assert response.status_code == 200
        assert "Agus Wibowo" in page_text(response.content)
    else:
        assert response.status_code == 403
        assert b"Pengolah Data" not in response.content


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_scheme_page_is_for_bkpsdm_only(client: Client, personas: Personas, name: str) -> None:
    response = _as(client, personas, name).get("/tpp/skema/")
    assert response.status_code == (200 if name == "hr_admin" else 403)


def test_attendance_entered_on_the_page_is_saved(client: Client, personas: Personas) -> None:
    window = _window()
    employee = personas.staff.employee
    url = f"/tpp/kehadiran/{personas.agency.pk}/{_query(window)}"
    response = _as(client, personas, "agency_admin").post(
        url, {f"working_days_{employee.pk}": "21", f"present_days_{employee.pk}": "20"}
    )
    assert response.status_code == 302
    assert AttendanceRecord.objects.get().present_days == 20


def test_a_wrong_attendance_row_is_shown_beside_its_field(
    client: Client, personas: Personas
) -> None:
    window = _window()
    employee = personas.staff.employee
    url = f"/tpp/kehadiran/{personas.agency.pk}/{_query(window)}"
    response = _as(client, personas, "agency_admin").post(
        url, {f"working_days_{employee.pk}": "20", f"present_days_{employee.pk}": "25"}
    )
    assert response.status_code == 400
    assert "Hari hadir 25 melebihi hari kerja 20" in page_text(response.content)


def test_an_import_with_bad_rows_lists_them_on_the_page(client: Client, personas: Personas) -> None:
    window = _window()
    upload = io.BytesIO(attendance_csv([("123", 20, 20)]))
    upload.name = "hadir.csv"
    url = f"/tpp/kehadiran/{personas.agency.pk}/impor/{_query(window)}"
    response = _as(client, personas, "agency_admin").post(url, {"berkas": upload})
    assert response.status_code == 400
    text = page_text(response.content)
    assert "Berkas berisi kesalahan; tidak ada yang disimpan." in text
    assert "NIP" in text


def test_the_sheet_downloads_as_xlsx_with_notes_and_is_audited(
    client: Client, personas: Personas
) -> None:
    window = _window()
    agency = personas.other_agency
    rated = make_group(agency=agency, scope=Scope(window.period, window), predikats=[Predikat.BAIK])
    month = Month(window.start_date.year, window.start_date.month)
    make_attendance(employee=rated[0].plan.employee, year=month.year, month=month.month)
    response = _as(client, personas, "hr_admin").get(f"/tpp/lembar/{agency.pk}/{_query(window)}")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["TPP"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("NIP", "Nama", "Jabatan", "Kode Predikat")
    by_nip = {row[0]: row for row in rows[1:]}
    full = by_nip[rated[0].plan.employee.nip]
    assert (full[3], full[4], full[9]) == ("BAIK", "Baik", 100)
    head = by_nip[personas.staff.other_head.nip]
    assert "Belum ada predikat" in str(head[10])
    assert AuditEvent.objects.filter(action="allowance_sheet.downloaded").count() == 1


def test_the_other_agency_admin_gets_no_sheet(client: Client, personas: Personas) -> None:
    response = _as(client, personas, "other_admin").get(f"/tpp/lembar/{personas.agency.pk}/")
    assert response.status_code == 403


def test_a_month_not_yet_begun_is_refused(client: Client, personas: Personas) -> None:
    response = _as(client, personas, "hr_admin").get(
        f"/tpp/lembar/{personas.agency.pk}/?bulan=2999-01"
    )
    assert response.status_code == 400
    assert "belum dimulai" in response.content.decode()


def test_the_sheet_costs_the_same_queries_for_few_and_many_employees(
    client: Client, personas: Personas, django_assert_num_queries: Any
) -> None:
    window = _window()
    agency = personas.agency
    url = f"/tpp/lembar/{agency.pk}/{_query(window)}"
    _as(client, personas, "hr_admin").get(url)  # warms the caches
    client.get(url)
    with django_assert_num_queries(page_query_count(client, url)) as few:
        client.get(url)
    bulk_staff(agency=agency, supervisor=personas.staff.kasi_post, unit=None, count=30)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)


def test_reading_the_sheet_without_a_stored_scheme_uses_the_2019_scheme_and_writes_nothing(
    client: Client, personas: Personas
) -> None:
    from kinerja.evaluation.models import AllowanceScheme

    window = _window()
    url = f"/tpp/lembar/{personas.agency.pk}/{_query(window)}"
    response = _as(client, personas, "hr_admin").get(url)
    assert response.status_code == 200
    assert not AllowanceScheme.objects.exists()
