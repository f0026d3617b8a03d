"""The documents of a unit: PDF report, XLSX of raw answers, QR poster."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import segno
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import AGENCY_READERS, Personas
from kinerja.scoring.ikm import ikm
from kinerja.surveys.documents.poster import qr_svg
from kinerja.surveys.models import FollowUpAction, SurveyResponse
from kinerja.surveys.testing import make_responses, make_service, make_service_unit

pytestmark = pytest.mark.django_db

READERS = AGENCY_READERS
ALL = ["employee", "supervisor", "appraiser_superior", "agency_admin", "other_admin", "hr_admin",
       "leader", "auditor", "outsider"]  # fmt: skip
URLS = ("laporan.pdf?tahun=2025", "jawaban.xlsx?tahun=2025", "poster.pdf")
ANSWERS: list[list[int | None]] = [[4, 3, 2, 4, 3, 4, 4, 3, 2], [3, 3, 3, 3, 3, 3, 3, 3, None]]


def _unit(personas: Personas) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit, slug="loket-ktp", name="Loket KTP")


def pdf_text(data: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return " ".join(done.stdout.decode().split())


@pytest.mark.parametrize("name", ALL)
def test_every_document_is_given_to_the_units_readers_only(
    client: Client, personas: Personas, name: str
) -> None:
    _unit(personas)
    client.force_login(personas.all()[name])
    for url in URLS:
        response = client.get(f"/skm/loket-ktp/{url}")
        assert response.status_code == (200 if name in READERS else 403), url


def test_a_visitor_is_sent_to_login_and_an_unknown_unit_is_a_404(
    client: Client, personas: Personas
) -> None:
    _unit(personas)
    for url in URLS:
        assert client.get(f"/skm/loket-ktp/{url}").status_code == 302
    client.force_login(personas.hr_admin)
    for url in URLS:
        assert client.get(f"/skm/tidak-ada/{url}").status_code == 404


def test_a_bad_period_is_a_clear_400_page(client: Client, personas: Personas) -> None:
    _unit(personas)
    client.force_login(personas.employee)
    for url in ("laporan.pdf?triwulan=2025-5", "jawaban.xlsx?bulan=x"):
        response = client.get(f"/skm/loket-ktp/{url}")
        assert response.status_code == 400
        assert "bukan" in response.content.decode()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_the_report_has_the_usual_chapters_and_the_ikm_of_the_scoring_core(
    client: Client, personas: Personas
) -> None:
    unit = _unit(personas)
    service = make_service(service_unit=unit, name="Perekaman KTP-el")
    make_responses(service_unit=unit, answers=ANSWERS, day=date(2025, 5, 2), service=service,
                   profile={"gender": "P", "age": 34}, suggestion="Antre lama")  # fmt: skip
    FollowUpAction.objects.create(
        service_unit=unit, year=2025, element="U3", action="Tambah loket sore",
        owner="Kasi Identitas", due_date=date(2025, 12, 31),
    )  # fmt: skip
    client.force_login(personas.employee)
    response = client.get("/skm/loket-ktp/laporan.pdf?tahun=2025")
    assert response["Content-Type"] == "application/pdf"
    assert "laporan-skm-loket-ktp-2025.pdf" in response["Content-Disposition"]
    text = pdf_text(response.content)
    for part in ("Laporan Survei Kepuasan Masyarakat", "Bab I Pendahuluan", "Dasar hukum",
                 "Nomor 14 Tahun 2017", "Bab II Metode", "Krejcie", "Bab III Hasil",
                 "Profil responden", "Perekaman KTP-el", "Bab IV Analisis",
                 "Bab V Rencana tindak lanjut", "Tambah loket sore", "Penutup", "Tahun 2025",
                 "1/9 (tepat)"):  # fmt: skip
        assert part in text, part
    rows = [dict(zip([f"U{i}" for i in range(1, 10)], row, strict=True)) for row in ANSWERS]
    expected = ikm(rows).value  # type: ignore[arg-type]
    assert f"{expected}".replace(".", ",") in text
    assert "2 saran atau pengaduan" in text


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_a_report_without_answers_says_so(client: Client, personas: Personas) -> None:
    _unit(personas)
    client.force_login(personas.agency_admin)
    text = pdf_text(client.get("/skm/loket-ktp/laporan.pdf?tahun=2024").content)
    assert "Belum ada hasil survei pada periode ini" in text


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_the_poster_has_the_unit_the_question_and_the_form_address(
    client: Client, personas: Personas
) -> None:
    _unit(personas)
    client.force_login(personas.employee)
    response = client.get("/skm/loket-ktp/poster.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Loket KTP" in text
    assert "Bagaimana pelayanan kami hari ini?" in text
    assert "testserver/s/loket-ktp" in text
    assert "Tanpa login, 2 menit" in text
    assert "PEMERINTAH KOTA SURAKARTA" in text.upper()


def test_the_poster_qr_code_encodes_the_form_address_with_error_correction_m() -> None:
    url = "http://skm.surakarta.go.id/s/loket-ktp/"
    code = segno.make(url, error="m", micro=False)
    assert code.error == "M"
    svg = str(qr_svg(url))
    assert svg.startswith("<svg")
    assert f'viewBox="0 0 {(code.symbol_size(scale=10, border=2))[0]}' in svg


def test_the_xlsx_has_one_row_per_answer_with_headed_elements_and_hidden_text_masked(
    client: Client, personas: Personas
) -> None:
    unit = _unit(personas)
    service = make_service(service_unit=unit, name="Perekaman KTP-el")
    make_responses(service_unit=unit, answers=[ANSWERS[0]], day=date(2025, 3, 1), service=service,
                   profile={"gender": "L", "age": 41, "education": "S1", "occupation": "PNS"},
                   suggestion="=HYPERLINK(\"http://x\")")  # fmt: skip
    hidden = make_responses(service_unit=unit, answers=[ANSWERS[1]], day=date(2025, 4, 1),
                            suggestion="teks kasar")  # fmt: skip
    SurveyResponse.objects.filter(pk=hidden[0].pk).update(suggestion_hidden=True)
    make_responses(service_unit=unit, answers=[ANSWERS[1]], day=date(2024, 4, 1))
    client.force_login(personas.supervisor)
    response = client.get("/skm/loket-ktp/jawaban.xlsx?tahun=2025")
    assert "jawaban-skm-loket-ktp-2025.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))  # type: ignore[attr-defined]
    sheet = book.active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Tanggal survei", "Saluran", "Jenis layanan", "U1 Persyaratan")
    assert rows[0][11] == "U9 Sarana dan Prasarana"
    assert len(rows) == 3
    first = rows[1]
    assert first[1] == "Formulir daring"
    assert first[2] == "Perekaman KTP-el"
    assert first[3:12] == tuple(ANSWERS[0])
    assert first[12:16] == ("Laki-laki", 41, "D4/S1", "PNS")
    assert first[16] == '\'=HYPERLINK("http://x")'
    assert rows[2][16] == "[disembunyikan]"
    assert rows[2][11] is None


def test_the_xlsx_costs_the_same_queries_for_few_and_many_answers(
    client: Client, personas: Personas
) -> None:
    unit = _unit(personas)
    make_responses(service_unit=unit, answers=ANSWERS, day=date(2025, 3, 1))
    client.force_login(personas.employee)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/skm/loket-ktp/jawaban.xlsx?tahun=2025")
            b"".join(response.streaming_content)  # type: ignore[attr-defined]
        return len(captured)

    few = queries()
    make_responses(service_unit=unit, answers=ANSWERS * 300, day=date(2025, 3, 1))
    assert queries() == few


def test_pdfs_render_to_images(client: Client, personas: Personas, tmp_path: Path) -> None:
    """Not an assertion on looks: the PDFs must at least rasterise (look at them by hand)."""
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils not installed")
    unit = _unit(personas)
    make_responses(service_unit=unit, answers=ANSWERS, day=date(2025, 3, 1))
    client.force_login(personas.employee)
    for url in ("laporan.pdf?tahun=2025", "poster.pdf"):
        target = tmp_path / "doc.pdf"
        target.write_bytes(client.get(f"/skm/loket-ktp/{url}").content)
        subprocess.run(["pdftoppm", "-png", "-r", "20", "-f", "1", "-l", "1", str(target),
                        str(tmp_path / "page")], check=True)  # fmt: skip
        assert list(tmp_path.glob("page*.png"))
