"""The evaluation document: what the printed form says, and the queries it costs."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from kinerja.evaluation.documents.content import evaluation_document_build
from kinerja.evaluation.documents.pdf import evaluation_pdf_render
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.selectors.common import evaluation_queryset
from kinerja.evaluation.testing import make_documented_evaluation
from kinerja.people.testing import Personas, make_employee

pytestmark = pytest.mark.django_db


def documented(personas: Personas, *, results: int = 2, trial: bool = False) -> Evaluation:
    evaluation = make_documented_evaluation(
        employee=personas.staff.employee,
        appraiser=personas.staff.supervisor,
        results=results,
        trial=trial,
    )
    return evaluation_queryset().get(pk=evaluation.pk)


def pdf_text(evaluation: Evaluation) -> str:
    document = evaluation_document_build(evaluation=evaluation)
    reader = PdfReader(io.BytesIO(evaluation_pdf_render(document=document)))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_pdf_names_the_employee_the_appraiser_the_predikat_and_the_organisation(
    personas: Personas,
) -> None:
    text = pdf_text(documented(personas))
    assert "EVALUASI KINERJA PEGAWAI" in text
    assert "Agus Wibowo" in text
    assert "Sri Handayani" in text
    assert "PREDIKAT KINERJA PEGAWAI BAIK" in text
    assert "CAPAIAN KINERJA ORGANISASI Baik" in text
    assert "PEMERINTAH KOTA SURAKARTA" in text
    assert "UJI COBA" not in text


def test_the_pdf_shows_the_reason_for_departing_from_a_suggestion(personas: Personas) -> None:
    text = pdf_text(documented(personas))
    assert "Saran: Di Atas Ekspektasi" in text
    assert "Laporan diserahkan terlambat dua minggu." in text


def test_the_pdf_shows_realisations_with_evidence_and_the_appraisers_feedback(
    personas: Personas,
) -> None:
    text = pdf_text(documented(personas))
    assert "10 dokumen (capaian 83,33%)" in text
    assert "Bukti dukung: Laporan" in text
    assert "Rekap bulanan rapi dan tepat waktu." in text
    assert "Selalu melaporkan kendala lebih awal." in text


def test_the_pdf_of_a_trial_period_says_uji_coba(personas: Personas) -> None:
    text = pdf_text(documented(personas, trial=True))
    assert "UJI COBA" in text


def test_a_peers_feedback_stays_out_of_the_official_form(personas: Personas) -> None:
    from kinerja.monitoring.models import Feedback, FeedbackSubject

    evaluation = documented(personas)
    first = evaluation.result_ratings.order_by("pk").first()
    assert first is not None
    Feedback.objects.create(
        employee=personas.staff.employee, author=make_employee(name="Rekan Sebelah"),
        subject=FeedbackSubject.RESULT, result_id=first.result_id, text="Catatan rekan kerja.",
    )  # fmt: skip
    assert "Catatan rekan kerja." not in pdf_text(evaluation)


def test_the_distribution_without_enough_people_says_percentages_are_not_yet_meaningful(
    personas: Personas,
) -> None:
    document = evaluation_document_build(evaluation=documented(personas))
    assert document.distribution_total == 1
    assert "belum bermakna" in document.distribution_note


def test_the_file_name_carries_the_nip_and_the_window(personas: Personas) -> None:
    evaluation = documented(personas)
    document = evaluation_document_build(evaluation=evaluation)
    assert document.file_name.startswith(f"penilaian-{personas.staff.employee.nip}-")
    assert f"-{evaluation.window.number:02d}-" in document.file_name  # type: ignore[union-attr]


def test_building_the_document_costs_the_same_queries_for_2_and_12_results(
    personas: Personas,
) -> None:
    small = documented(personas, results=2)
    large_row = make_documented_evaluation(
        employee=personas.staff.supervisor, appraiser=personas.staff.kabid, results=12
    )
    large = evaluation_queryset().get(pk=large_row.pk)
    counts = []
    for evaluation in (small, large):
        with CaptureQueriesContext(connection) as queries:
            evaluation_document_build(evaluation=evaluation)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] <= 16


def test_the_form_heading_names_the_month_the_quarter_or_the_year() -> None:
    from kinerja.evaluation.documents.text import heading
    from kinerja.evaluation.rules import Scope
    from kinerja.periods.models import WindowKind
    from kinerja.periods.testing import make_period

    monthly = make_period(year=2030)
    quarterly = make_period(year=2031, window_kind=WindowKind.QUARTERLY)
    quarters = list(quarterly.windows.order_by("number"))
    assert heading(Scope(monthly, monthly.windows.get(number=1))) == "Periode: Bulan Januari"
    assert heading(Scope(quarterly, quarters[0])) == "Periode: Triwulan I"
    assert heading(Scope(quarterly, quarters[-1])) == "Periode: Triwulan IV-Akhir"
    assert heading(Scope(monthly, None)) == "Periode: Tahunan"
