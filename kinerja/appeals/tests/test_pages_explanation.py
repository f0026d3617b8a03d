"""/penilaian/<id>/penjelasan/ ("Bagaimana nilai saya dihitung"): who may read it, each result
with its indicators, evidence links, suggestion and the appraiser's reason, the matrix cell in
words, the organisation rating and the unit's curve, calibration moves, an accepted
objection's change, the print controls, and constant queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.appeals.models import ObjectionState
from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.core.testing import page_text
from kinerja.evaluation.models import (
    CalibrationField,
    CalibrationMove,
    Evaluation,
    EvaluationState,
)
from kinerja.evaluation.rules import Scope, objection_deadline
from kinerja.evaluation.testing import make_documented_evaluation, make_locked_calibration
from kinerja.people.testing import AGENCY_READERS, PERSONA_NAMES, Personas
from kinerja.scoring.formatting import format_date_id
from kinerja.scoring.ratings import Rating

pytestmark = pytest.mark.django_db


def _url(evaluation: Evaluation) -> str:
    return f"/penilaian/{evaluation.pk}/penjelasan/"


def _get(client: Client, personas: Personas, name: str, evaluation: Evaluation) -> str:
    client.force_login(personas.all()[name])
    response = client.get(_url(evaluation))
    assert response.status_code == 200
    return page_text(response.content)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_explanation_is_read_by_whoever_may_see_the_evaluation(
    client: Client, personas: Personas, name: str
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.all()[name])
    response = client.get(_url(evaluation))
    if name in AGENCY_READERS:
        assert response.status_code == 200
        assert "Bagaimana nilai saya dihitung" in page_text(response.content)
    else:
        assert response.status_code == 404
        assert b"Agus" not in response.content
        assert b"Laporan" not in response.content


def test_anonymous_visitors_are_sent_to_the_login(client: Client, personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    response = client.get(_url(evaluation))
    assert response.status_code == 302
    assert "/masuk/" in response["Location"] or "login" in response["Location"]


def test_each_result_shows_its_indicators_evidence_link_suggestion_and_reason(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.employee)
    response = client.get(_url(evaluation))
    text = page_text(response.content)
    assert response.content.count(b'data-testid="evidence-link"') == 2
    assert b'href="https://contoh.go.id/laporan"' in response.content
    assert "Rata-rata capaian" in text or "83,33%" in text
    first = evaluation.result_ratings.order_by("result__number").first()
    assert first is not None
    assert f'data-testid="explain-reason-{first.result_id}"'.encode() in response.content
    assert "Laporan diserahkan terlambat dua minggu." in text
    assert "Rating pejabat penilai" in text


def test_the_matrix_names_the_cell_that_gives_the_predikat(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    Evaluation.objects.filter(pk=evaluation.pk).update(
        results_rating=Rating.MEETS.value, behavior_rating=Rating.ABOVE.value, predikat="BAIK"
    )
    client.force_login(personas.employee)
    response = client.get(_url(evaluation))
    text = page_text(response.content)
    assert (
        "Rating hasil kerja Sesuai Ekspektasi \N{MULTIPLICATION SIGN} rating perilaku kerja "
        "Di Atas Ekspektasi → Baik" in text
    )
    assert response.content.count(b'data-testid="matrix-chosen"') == 1
    assert "(predikat penilaian ini)" in text


def test_the_organisation_rating_and_the_unit_curve_mark_my_place(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    text = _get(client, personas, "employee", evaluation)
    assert "Predikat kinerja organisasi Dinas Kependudukan dan Pencatatan Sipil" in text
    assert "Baik" in text
    assert "Bidang Pelayanan Pendaftaran Penduduk" in text
    assert "Anda di sini" in text


def test_a_calibration_move_is_shown_with_its_reason_who_and_when(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    plan = evaluation.plan
    session = make_locked_calibration(
        agency=plan.position.agency, scope=Scope(plan.period, evaluation.window)
    )
    CalibrationMove.objects.create(
        session=session,
        evaluation=evaluation,
        field=CalibrationField.RESULTS,
        before=Rating.MEETS.value,
        after=Rating.ABOVE.value,
        predikat_before="BAIK",
        predikat_after="SANGAT_BAIK",
        reason="Capaian tertinggi di bidang setelah verifikasi.",
        moved_by=personas.hr_admin,
    )
    text = _get(client, personas, "employee", evaluation)
    assert "Capaian tertinggi di bidang setelah verifikasi." in text
    assert "Sesuai Ekspektasi → Di Atas Ekspektasi" in text
    assert "Baik → Sangat Baik" in text
    assert personas.hr_admin.full_name in text


def test_an_accepted_objection_shows_the_changed_rating_and_predikat(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    make_objection(evaluation=evaluation, state=ObjectionState.ACCEPTED)
    text = _get(client, personas, "employee", evaluation)
    assert "Keberatan diterima" in text
    assert "Bukti notulen menunjukkan capaian penuh." in text
    assert "Rating hasil kerja Sesuai Ekspektasi → Di Atas Ekspektasi" in text
    assert "Predikat kinerja Baik → Baik" in text


def test_a_filed_objection_is_not_shown_as_a_decision(client: Client, personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    make_objection(evaluation=evaluation)
    text = _get(client, personas, "employee", evaluation)
    assert "Belum ada keberatan yang diputus atas penilaian ini." in text


def test_the_page_is_printable_without_javascript(client: Client, personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.employee)
    response = client.get(_url(evaluation))
    assert b"appeals/explanation.css" in response.content
    assert b"appeals/print.js" in response.content
    assert b"data-print hidden" in response.content
    assert "gunakan menu Cetak pada peramban" in page_text(response.content)


def _count(client: Client, evaluation: Evaluation) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(_url(evaluation)).status_code == 200
    return len(captured)


def test_the_page_costs_the_same_queries_for_2_and_20_results(
    client: Client, personas: Personas
) -> None:
    small = make_documented_evaluation(
        employee=personas.staff.employee, appraiser=personas.staff.supervisor, results=2
    )
    large = make_documented_evaluation(
        employee=personas.staff.supervisor, appraiser=personas.staff.kabid, results=20
    )
    client.force_login(personas.hr_admin)
    _count(client, small)  # warm caches (sessions, core values)
    assert _count(client, large) == _count(client, small)


# --- the links from the evaluation page ----------------------------------------------------


def test_the_evaluation_page_links_the_explanation_timeline_and_objection_with_its_deadline(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.employee)
    response = client.get(f"/penilaian/{evaluation.pk}/")
    text = page_text(response.content)
    assert "Transparansi" in text
    assert f'href="/penilaian/{evaluation.pk}/penjelasan/"'.encode() in response.content
    assert f'href="/penilaian/{evaluation.pk}/riwayat/"'.encode() in response.content
    deadline = objection_deadline(evaluation)
    assert deadline is not None
    assert f"Ajukan keberatan (sampai {format_date_id(deadline)})" in text
    assert f'href="/penilaian/{evaluation.pk}/keberatan/"'.encode() in response.content


@pytest.mark.parametrize("name", ["supervisor", "appraiser_superior", "hr_admin", "auditor"])
def test_only_the_employee_is_offered_the_objection(
    client: Client, personas: Personas, name: str
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.all()[name])
    response = client.get(f"/penilaian/{evaluation.pk}/")
    assert "Bagaimana nilai saya dihitung" in page_text(response.content)
    assert b'data-testid="objection-link"' not in response.content


def test_no_objection_link_before_the_employee_acknowledges(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    Evaluation.objects.filter(pk=evaluation.pk).update(
        state=EvaluationState.RATED, acknowledged_at=None
    )
    client.force_login(personas.employee)
    response = client.get(f"/penilaian/{evaluation.pk}/")
    assert b'data-testid="transparency"' in response.content
    assert b'data-testid="objection-link"' not in response.content


def test_a_draft_has_no_transparency_block(client: Client, personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    Evaluation.objects.filter(pk=evaluation.pk).update(
        state=EvaluationState.DRAFT, acknowledged_at=None, rated_at=None
    )
    client.force_login(personas.supervisor)
    response = client.get(f"/penilaian/{evaluation.pk}/")
    assert response.status_code == 200
    assert b'data-testid="transparency"' not in response.content
