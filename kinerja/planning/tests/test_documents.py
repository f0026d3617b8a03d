"""The SKP documents: the PDF in the official layout and the XLSX, who may download them."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja.core.exports import XLSX_CONTENT_TYPE
from kinerja.people.testing import Personas
from kinerja.planning.documents.content import (
    file_name,
    grade_text,
    result_rows,
    signature_line,
)
from kinerja.planning.documents.pdf import PDF_CONTENT_TYPE, plan_pdf_html, plan_pdf_render
from kinerja.planning.documents.xlsx import plan_xlsx_render
from kinerja.planning.models import (
    Aspect,
    LeaderExpectation,
    PerformancePlan,
    Perspective,
    PlannedResult,
    PlanState,
    TargetKind,
)
from kinerja.planning.selectors import plan_document_build, plan_queryset
from kinerja.planning.testing import (
    make_goal,
    make_indicator,
    make_open_period,
    make_plan,
    make_result,
)
from kinerja.scoring.nip import format_nip

pytestmark = pytest.mark.django_db
JAKARTA = ZoneInfo("Asia/Jakarta")


def _plan(personas: Personas, *, results: int = 2, state: str = PlanState.DRAFT) -> PerformancePlan:
    """The employee's 2026 SKP rated by the supervisor, contributing to the supervisor's
    result; each result has a quantity and a time (range) indicator; odd results are main."""
    period = make_open_period(year=2026)
    staff = personas.staff
    supervisor_plan = make_plan(
        employee=staff.supervisor, period=period, start_date=date(2026, 1, 1)
    )
    parent = make_result(
        plan=supervisor_plan, text="Meningkatnya cakupan kepemilikan KTP-el", indicators=0
    )
    plan = make_plan(employee=staff.employee, period=period, start_date=date(2026, 1, 1))
    for n in range(1, results + 1):
        result = make_result(
            plan=plan, text=f"Data kependudukan terverifikasi tahap {n}", parent=parent,
            kind="UTAMA" if n % 2 else "TAMBAHAN", indicators=0,
        )  # fmt: skip
        make_indicator(
            result=result, text=f"Jumlah dokumen terverifikasi {n}", target_value=Decimal(120)
        )
        make_indicator(
            result=result, text="Waktu penyelesaian verifikasi", aspect=Aspect.TIME,
            target_kind=TargetKind.RANGE, target_value=Decimal(1), target_max=Decimal(3),
            target_unit="hari",
        )  # fmt: skip
    LeaderExpectation.objects.create(
        plan=plan, core_value="AKUNTABEL", text="Menyelesaikan verifikasi tanpa kesalahan data"
    )
    PerformancePlan.objects.filter(pk=plan.pk).update(
        state=state,
        resource_support="Aplikasi SIAK dan perangkat perekaman",
        accountability_scheme="Laporan bulanan kepada Kepala Seksi",
        consequences="Sesuai ketentuan peraturan perundang-undangan",
    )
    return plan_queryset().get(pk=plan.pk)


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


# --- the PDF ------------------------------------------------------------------------------------


def test_pdf_shows_both_people_each_result_and_the_period_in_indonesian(
    personas: Personas,
) -> None:
    plan = _plan(personas, results=3)
    text = _flat(_pdf_text(plan_pdf_render(document=plan_document_build(plan=plan))))

    assert "SASARAN KINERJA PEGAWAI" in text
    assert "PEMERINTAH KOTA SURAKARTA" in text
    assert "1 Januari 2026 s.d. 31 Desember 2026" in text
    assert personas.staff.employee.full_name in text
    assert personas.staff.supervisor.full_name in text
    assert format_nip(personas.staff.employee.nip) in text
    for n in (1, 2, 3):
        assert f"Data kependudukan terverifikasi tahap {n}" in text
    assert "Meningkatnya cakupan kepemilikan KTP-el" in text
    assert "A. UTAMA" in text
    assert "B. TAMBAHAN" in text
    assert "120 dokumen" in text
    assert "1 s.d. 3 hari" in text


def test_pdf_shows_the_core_values_the_expectation_and_the_annex(personas: Personas) -> None:
    plan = _plan(personas)
    text = _flat(_pdf_text(plan_pdf_render(document=plan_document_build(plan=plan))))

    for value in ("Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal",
                  "Adaptif", "Kolaboratif"):  # fmt: skip
        assert value in text
    assert "Tidak menyalahgunakan kewenangan jabatan" in text
    assert "Menyelesaikan verifikasi tanpa kesalahan data" in text
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in text
    assert "Aplikasi SIAK dan perangkat perekaman" in text
    assert "Laporan bulanan kepada Kepala Seksi" in text
    assert "Halaman 1 dari" in text


def test_results_table_running_over_a_page_repeats_its_column_headings(
    personas: Personas,
) -> None:
    plan = _plan(personas, results=16)
    reader = PdfReader(io.BytesIO(plan_pdf_render(document=plan_document_build(plan=plan))))
    pages = [_flat(page.extract_text()) for page in reader.pages]

    with_results = [p for p in pages if "Data kependudukan terverifikasi tahap" in p]
    assert len(with_results) >= 2
    for page in with_results:
        assert "RENCANA HASIL KERJA" in page
        assert "INDIKATOR KINERJA INDIVIDU" in page
    assert f"Halaman 2 dari {len(pages)}" in pages[1]


def test_head_of_agency_pdf_shows_the_goal_the_perspective_and_the_mayor(
    personas: Personas,
) -> None:
    period = make_open_period(year=2026)
    goal = make_goal(
        agency=personas.agency, period=period, statement="Meningkatnya mutu layanan adminduk"
    )
    plan = make_plan(employee=personas.staff.head, period=period, start_date=date(2026, 1, 1))
    result = make_result(plan=plan, goal=goal, text="Meningkatnya cakupan dokumen kependudukan")
    result.perspective = Perspective.SERVICE_RECIPIENTS
    result.save()
    document = plan_document_build(plan=plan_queryset().get(pk=plan.pk))
    text = _flat(_pdf_text(plan_pdf_render(document=document)))

    assert "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI" in text
    assert "SASARAN STRATEGIS YANG DIINTERVENSI" in text
    assert "PERSPEKTIF" in text
    assert "Meningkatnya mutu layanan adminduk" in text
    assert "Penerima Layanan" in text
    assert "Wali Kota" in text
    assert "Pemerintah Kota Surakarta" in text


def test_draft_pdf_says_it_is_not_approved_and_is_signed_today(personas: Personas) -> None:
    plan = _plan(personas)
    document = plan_document_build(plan=plan)
    text = _flat(_pdf_text(plan_pdf_render(document=document, today=date(2026, 11, 29))))

    assert "DRAF — BELUM DISETUJUI" in text
    assert "Surakarta, 29 November 2026" in text


def test_approved_pdf_has_no_draft_notice_and_is_signed_on_the_approval_date(
    personas: Personas,
) -> None:
    plan = _plan(personas, state=PlanState.APPROVED)
    plan.approved_at = datetime(2026, 1, 20, 23, 30, tzinfo=ZoneInfo("UTC"))  # 21 Jan in WIB
    plan.save()
    text = _flat(_pdf_text(plan_pdf_render(document=plan_document_build(plan=plan))))

    assert "BELUM DISETUJUI" not in text
    assert "Surakarta, 21 Januari 2026" in text


def test_plan_under_revision_says_the_approved_version_stays_in_force(
    personas: Personas,
) -> None:
    plan = _plan(personas)
    PerformancePlan.objects.filter(pk=plan.pk).update(version=1, approved_version=1)
    plan = plan_queryset().get(pk=plan.pk)
    text = _flat(_pdf_text(plan_pdf_render(document=plan_document_build(plan=plan))))

    assert "DRAF — BELUM DISETUJUI" in text
    assert "VERSI 1 YANG TELAH DISETUJUI TETAP BERLAKU" in text


def test_markup_typed_into_a_result_is_printed_as_text(personas: Personas) -> None:
    plan = _plan(personas, results=1)
    PlannedResult.objects.filter(plan=plan).update(text='<img src="file:///etc/hostname"> Arsip')
    text = _flat(_pdf_text(plan_pdf_render(document=plan_document_build(plan=plan))))

    assert '<img src="file:///etc/' in text  # the cell wraps the line after "etc/"
    assert 'hostname"> Arsip' in text


def test_pdf_template_has_no_inline_style_and_links_nothing(personas: Personas) -> None:
    html = plan_pdf_html(document=plan_document_build(plan=_plan(personas)))

    for markup in ("<style", "style=", "<script", "<link", "src="):
        assert markup not in html


def test_result_without_indicators_still_gets_a_row(personas: Personas) -> None:
    plan = _plan(personas, results=1)
    PlannedResult.objects.create(plan=plan, number=9, text="Hasil tanpa indikator")
    rows = result_rows(plan_document_build(plan=plan).main)

    assert [r.result_text for r in rows if r.first] == [
        "Data kependudukan terverifikasi tahap 1",
        "Hasil tanpa indikator",
    ]
    assert [r.span for r in rows if r.first] == [2, 1]


# --- content helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grade", "expected"),
    [("III/a", "Penata Muda, III/a"), ("IV/b", "Pembina Tingkat I, IV/b"), ("IX", "IX"), ("", "-")],
)
def test_rank_is_printed_with_its_pangkat_name(grade: str, expected: str) -> None:
    assert grade_text(grade) == expected


def test_file_name_is_the_nip_and_the_year(personas: Personas) -> None:
    plan = _plan(personas)
    assert file_name(plan, "pdf") == f"skp-{personas.staff.employee.nip}-2026.pdf"


def test_signature_line_uses_today_for_a_plan_not_approved(personas: Personas) -> None:
    plan = _plan(personas)
    assert signature_line(plan, today=date(2026, 11, 29)) == "Surakarta, 29 November 2026"


# --- the XLSX -----------------------------------------------------------------------------------


def _sheet_values(data: bytes) -> list[list[Any]]:
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_xlsx_has_the_header_the_results_and_the_expectations(personas: Personas) -> None:
    plan = _plan(personas, results=2)
    rows = _sheet_values(plan_xlsx_render(document=plan_document_build(plan=plan)))
    cells = [str(c) for row in rows for c in row if c is not None]

    assert "SASARAN KINERJA PEGAWAI" in cells
    assert personas.staff.employee.full_name in cells
    assert personas.staff.supervisor.full_name in cells
    assert "1 Januari 2026 s.d. 31 Desember 2026" in cells
    indicator_rows = [row for row in rows if row[4] == "Jumlah dokumen terverifikasi 1"]
    assert indicator_rows == [
        [1, "Meningkatnya cakupan kepemilikan KTP-el", "Data kependudukan terverifikasi tahap 1",
         "Kuantitas", "Jumlah dokumen terverifikasi 1", "120 dokumen"]
    ]  # fmt: skip
    assert "Menyelesaikan verifikasi tanpa kesalahan data" in cells
    assert "Aplikasi SIAK dan perangkat perekaman" in cells


def test_xlsx_neutralises_text_that_looks_like_a_formula(personas: Personas) -> None:
    plan = _plan(personas, results=1)
    PlannedResult.objects.filter(plan=plan).update(text='=HYPERLINK("http://x")')
    plan.resource_support = "+62 271 000"
    plan.save()
    rows = _sheet_values(plan_xlsx_render(document=plan_document_build(plan=plan)))
    cells = [c for row in rows for c in row if isinstance(c, str)]

    assert '\'=HYPERLINK("http://x")' in cells
    assert "'+62 271 000" in cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]


# --- the views ----------------------------------------------------------------------------------

# The employee, their appraiser, the appraiser's superior, the agency's admin and the city-wide
# readers may see the plan; the other agency's admin and an outsider get a 404.
ALLOWED = {
    "employee", "supervisor", "appraiser_superior", "agency_admin", "hr_admin", "leader", "auditor",
}  # fmt: skip


@pytest.mark.parametrize("url_name", ["planning:plan_pdf", "planning:plan_xlsx"])
@pytest.mark.parametrize(
    "persona",
    ["employee", "supervisor", "appraiser_superior", "agency_admin", "other_admin", "hr_admin",
     "leader", "auditor", "outsider"],
)  # fmt: skip
def test_documents_are_given_to_those_who_may_see_the_plan_and_hidden_from_others(
    client: Client, personas: Personas, url_name: str, persona: str
) -> None:
    plan = _plan(personas, results=1)
    client.force_login(personas.all()[persona])
    response = client.get(reverse(url_name, kwargs={"plan_id": plan.pk}))

    expected = 200 if persona in ALLOWED else 404
    assert response.status_code == expected
    if expected == 200:
        extension = "pdf" if url_name.endswith("pdf") else "xlsx"
        assert response["Content-Disposition"] == (
            f'attachment; filename="skp-{personas.staff.employee.nip}-2026.{extension}"'
        )
        assert (
            response["Content-Type"]
            == {"pdf": PDF_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE}[extension]
        )
        assert response.content.startswith(b"%PDF" if extension == "pdf" else b"PK")


@pytest.mark.parametrize("url_name", ["planning:plan_pdf", "planning:plan_xlsx"])
def test_visitor_without_login_is_sent_to_the_login_page(
    client: Client, personas: Personas, url_name: str
) -> None:
    plan = _plan(personas, results=1)
    response = client.get(reverse(url_name, kwargs={"plan_id": plan.pk}))

    assert response.status_code == 302
    assert not response.has_header("Content-Disposition")


def test_unknown_plan_is_not_found(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    assert client.get(reverse("planning:plan_pdf", kwargs={"plan_id": 987654})).status_code == 404


@pytest.mark.parametrize("url_name", ["planning:plan_pdf", "planning:plan_xlsx"])
def test_document_costs_the_same_queries_for_2_and_20_results(
    client: Client,
    personas: Personas,
    url_name: str,
    django_assert_num_queries: Any,
) -> None:
    client.force_login(personas.employee)
    small = _plan(personas, results=2)
    url = reverse(url_name, kwargs={"plan_id": small.pk})
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    count = len(ctx.captured_queries)

    for _ in range(18):
        make_result(plan=small, indicators=2)
    assert small.results.count() == 20
    with django_assert_num_queries(count):
        assert client.get(url).status_code == 200
