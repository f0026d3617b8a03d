"""The e-Kinerja export: who may open and download it, the file read back, trial periods
refused, the audit event and constant queries."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import page_text
from kinerja.evaluation.models import EvaluationState
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.exports import period_code
from kinerja.evaluation.testing import make_group
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import EvaluationWindow, PeriodState, WindowKind
from kinerja.periods.testing import make_period
from kinerja.planning.testing import make_open_period
from kinerja.scoring.ratings import Predikat

pytestmark = pytest.mark.django_db

HANDLERS = {"agency_admin", "hr_admin"}


def _as(client: Client, personas: Personas, name: str) -> Client:
    client.force_login(personas.all()[name])
    return client


def _window() -> EvaluationWindow:
    return make_open_period(state=PeriodState.EVALUATION).windows.get(number=3)


def _query(window: EvaluationWindow) -> str:
    return f"?periode={window.period_id}&evaluasi={window.pk}"


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_export_page_opens_for_bkpsdm_and_the_agency_admin_only(
    client: Client, personas: Personas, name: str
) -> None:
    window = _window()
    response = _as(client, personas, name).get(
        f"/penilaian/ekspor/{personas.agency.pk}/{_query(window)}"
    )
    if name in HANDLERS:
        assert response.status_code == 200
        assert "Ekspor untuk e-Kinerja" in page_text(response.content)
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_file_downloads_for_bkpsdm_and_the_agency_admin_only(
    client: Client, personas: Personas, name: str
) -> None:
    window = _window()
    response = _as(client, personas, name).get(
        f"/penilaian/ekspor/{personas.agency.pk}/ekinerja/{_query(window)}&format=csv"
    )
    assert response.status_code == (200 if name in HANDLERS else 403)


def test_the_xlsx_has_one_row_per_rated_evaluation_with_codes_and_labels(
    client: Client, personas: Personas
) -> None:
    window = _window()
    scope = Scope(window.period, window)
    agency = personas.other_agency
    rated = make_group(agency=agency, scope=scope, predikats=[Predikat.BUTUH_PERBAIKAN])
    make_group(agency=agency, scope=scope, predikats=[Predikat.BAIK], state=EvaluationState.DRAFT)
    response = _as(client, personas, "hr_admin").get(
        f"/penilaian/ekspor/{agency.pk}/ekinerja/{_query(window)}&format=xlsx"
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["e-Kinerja"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("NIP", "Nama", "Jabatan", "Periode")
    assert len(rows) == 2
    row = rows[1]
    assert row[0] == rated[0].plan.employee.nip
    assert row[3] == f"{window.start_date:%Y-%m}"
    assert row[5:11] == (
        "BELOW",
        "Di Bawah Ekspektasi",
        "MEETS",
        "Sesuai Ekspektasi",
        "BUTUH_PERBAIKAN",
        "Butuh Perbaikan",
    )
    event = AuditEvent.objects.get(action="evaluation_export.downloaded")
    assert (event.after or {})["rows"] == 1


def test_the_csv_neutralises_formulas_and_uses_semicolons(
    client: Client, personas: Personas
) -> None:
    window = _window()
    rated = make_group(
        agency=personas.other_agency, scope=Scope(window.period, window), predikats=[Predikat.BAIK]
    )
    employee = rated[0].plan.employee
    employee.name = "=HYPERLINK(1)"
    employee.save(update_fields=["name"])
    response = _as(client, personas, "hr_admin").get(
        f"/penilaian/ekspor/{personas.other_agency.pk}/ekinerja/{_query(window)}"
    )
    text = response.content.decode("utf-8-sig")
    assert text.startswith("NIP;Nama;Jabatan;Periode")
    assert ";'=HYPERLINK(1);" in text


def test_a_trial_period_is_refused_with_a_sentence(client: Client, personas: Personas) -> None:
    period = make_open_period(state=PeriodState.EVALUATION, is_trial=True)
    window = period.windows.get(number=1)
    response = _as(client, personas, "hr_admin").get(
        f"/penilaian/ekspor/{personas.agency.pk}/ekinerja/{_query(window)}"
    )
    assert response.status_code == 400
    assert "adalah periode uji coba; hasilnya tidak diekspor ke e-Kinerja" in page_text(
        response.content
    )
    assert not AuditEvent.objects.filter(action="evaluation_export.downloaded").exists()


def test_an_unknown_format_is_refused(client: Client, personas: Personas) -> None:
    window = _window()
    response = _as(client, personas, "hr_admin").get(
        f"/penilaian/ekspor/{personas.agency.pk}/ekinerja/{_query(window)}&format=pdf"
    )
    assert response.status_code == 400
    assert "Format 'pdf' tidak dikenal; pilih csv atau xlsx." in page_text(response.content)


def test_period_codes_for_month_quarter_and_year() -> None:
    monthly = make_open_period(state=PeriodState.EVALUATION)
    quarterly = make_period(year=2019, window_kind=WindowKind.QUARTERLY)
    assert period_code(Scope(monthly, monthly.windows.get(number=2))) == f"{monthly.year}-02"
    assert period_code(Scope(quarterly, quarterly.windows.get(number=2))) == "2019-TW2"
    assert period_code(Scope(monthly, None)) == f"{monthly.year}"


def test_the_export_costs_the_same_queries_for_few_and_many_rows(
    client: Client, personas: Personas, django_assert_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    window = _window()
    scope = Scope(window.period, window)
    agency = personas.other_agency
    make_group(agency=agency, scope=scope, predikats=[Predikat.BAIK])
    url = f"/penilaian/ekspor/{agency.pk}/ekinerja/{_query(window)}&format=xlsx"
    _as(client, personas, "hr_admin").get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    make_group(agency=agency, scope=scope, predikats=[Predikat.SANGAT_BAIK] * 12)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)
