"""The objection pages (/keberatan/, /penilaian/<id>/keberatan/, /keberatan/<id>/): who sees
them, what they show, and the steps' forms for whoever's turn it is."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries

from kinerja.appeals.models import ObjectionState
from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.core.testing import page_text
from kinerja.people.testing import PERSONA_NAMES, Personas, assign, make_employee, make_position

pytestmark = pytest.mark.django_db

RECORD_READERS = {"employee", "supervisor", "appraiser_superior", "hr_admin", "auditor"}
"""The employee, the appraiser, the decider, BKPSDM and Inspektorat."""


def _detail(objection_id: int) -> str:
    return f"/keberatan/{objection_id}/"


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_the_parties_bkpsdm_and_inspektorat_see_the_record(
    client: Client, personas: Personas, name: str
) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.all()[name])
    response = client.get(_detail(objection.pk))
    assert response.status_code == (200 if name in RECORD_READERS else 404)
    if name not in RECORD_READERS:
        assert "Realisasi RHK 1" not in page_text(response.content)


def test_anonymous_is_sent_to_login(client: Client, personas: Personas) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    for url in (
        "/keberatan/",
        _detail(objection.pk),
        f"/penilaian/{objection.evaluation_id}/keberatan/",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/akun/masuk/" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_list_shows_each_persona_only_their_own_boxes(
    client: Client, personas: Personas, name: str
) -> None:
    make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.all()[name])
    response = client.get("/keberatan/")
    assert response.status_code == 200
    text = page_text(response.content)
    sees_it = name in RECORD_READERS
    assert ("Agus Wibowo" in text) == sees_it, text


def test_the_list_shows_the_state_and_the_next_step_with_its_due_date(
    client: Client, personas: Personas
) -> None:
    make_objection(evaluation=make_acknowledged_evaluation(personas=personas), days_ago=10)
    client.force_login(personas.supervisor)
    text = page_text(client.get("/keberatan/?kotak=penjelasan").content)
    assert "Perlu penjelasan saya" in text
    assert "Diajukan" in text
    assert "Penjelasan pejabat penilai, batas" in text
    assert "Terlambat" in text


def test_the_decider_box_lists_the_objection(client: Client, personas: Personas) -> None:
    make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.EXPLAINED
    )
    client.force_login(personas.appraiser_superior)
    text = page_text(client.get("/keberatan/?kotak=putusan").content)
    assert "Perlu keputusan saya" in text
    assert "Agus Wibowo" in text
    assert "Keputusan atasan pejabat penilai, batas" in text


def test_the_list_costs_the_same_queries_for_2_and_for_20_objections(
    client: Client, personas: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            employee = make_employee(name="Pegawai Lain")
            post = make_position(
                agency=personas.agency,
                supervisor=personas.staff.kasi_post,
                unit=personas.staff.unit,
            )
            assign(employee, post)
            evaluation = make_acknowledged_evaluation(personas=personas, employee=employee)
            make_objection(evaluation=evaluation)

    client.force_login(personas.hr_admin)
    add(2)
    client.get("/keberatan/?kotak=semua")
    with CaptureQueriesContext(connection) as small:
        client.get("/keberatan/?kotak=semua")
    add(18)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/keberatan/?kotak=semua")
    assert "20 keberatan" in page_text(response.content)


def test_the_all_box_filters_by_state(client: Client, personas: Personas) -> None:
    make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.auditor)
    assert "Agus Wibowo" in page_text(client.get("/keberatan/?kotak=semua&status=FILED").content)
    text = page_text(client.get("/keberatan/?kotak=semua&status=ACCEPTED").content)
    assert "Belum ada keberatan di sini" in text


# --- filing ----------------------------------------------------------------------------------


def test_the_filing_page_shows_the_result_and_the_deadline_as_a_date(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.employee)
    response = client.get(f"/penilaian/{evaluation.pk}/keberatan/")
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Batas pengajuan: " in text
    assert "(14 hari kalender sejak diterima " in text
    assert "PP 30/2019 Pasal 59)" in text
    assert "Alasan keberatan" in text
    assert "Lampiran" in text
    assert "Predikat kinerja" in text


def test_after_the_deadline_the_page_says_why_instead_of_the_form(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=15)
    client.force_login(personas.employee)
    response = client.get(f"/penilaian/{evaluation.pk}/keberatan/")
    text = page_text(response.content)
    assert "keberatan tidak dapat diajukan lagi (PP 30/2019 Pasal 59)" in text
    assert "Ajukan keberatan" in text  # the title
    assert b'data-testid="objection-form"' not in response.content


def test_on_day_14_the_form_is_still_there(client: Client, personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=14)
    client.force_login(personas.employee)
    response = client.get(f"/penilaian/{evaluation.pk}/keberatan/")
    assert b'data-testid="objection-form"' in response.content


def test_an_existing_objection_sends_the_filing_page_to_it(
    client: Client, personas: Personas
) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.employee)
    response = client.get(f"/penilaian/{objection.evaluation_id}/keberatan/")
    assert response.status_code == 302
    assert response["Location"] == _detail(objection.pk)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_the_rated_employee_gets_the_filing_form(
    client: Client, personas: Personas, name: str
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.all()[name])
    response = client.get(f"/penilaian/{evaluation.pk}/keberatan/")
    if name == "employee":
        assert response.status_code == 200
    else:
        assert response.status_code in (403, 404)
        assert b'data-testid="objection-form"' not in response.content


# --- the record -------------------------------------------------------------------------------


def test_the_record_is_one_thread_in_order_with_who_and_when(
    client: Client, personas: Personas
) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.ACCEPTED
    )
    client.force_login(personas.employee)
    response = client.get(_detail(objection.pk))
    text = page_text(response.content)
    statement = text.index("Keberatan: Rating hasil kerja")
    explanation = text.index("Penjelasan pejabat penilai Sri Handayani")
    decision = text.index("Keputusan: keberatan diterima")
    assert statement < explanation < decision
    assert "Dewi Kabid" in text
    assert "Sangat Baik" in text or "Baik" in text
    assert "Unduh surat keputusan (PDF)" in text
    assert "pukul" in text


def test_the_appraiser_gets_the_explanation_form_with_the_due_date(
    client: Client, personas: Personas
) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.supervisor)
    response = client.get(_detail(objection.pk))
    text = page_text(response.content)
    assert "Beri penjelasan" in text
    assert "Penjelasan pejabat penilai (pejabat penilai): batas" in text
    assert "Putuskan keberatan" not in text
    assert "Cabut keberatan" not in text


def test_the_decider_waits_for_the_explanation_and_is_told_until_when(
    client: Client, personas: Personas
) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.appraiser_superior)
    text = page_text(client.get(_detail(objection.pk)).content)
    assert "Pejabat penilai belum memberi penjelasan" in text
    assert "Tetapkan keputusan" not in text


def test_the_decider_gets_the_matrix_and_the_decision_form_once_explained(
    client: Client, personas: Personas
) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.EXPLAINED
    )
    client.force_login(personas.appraiser_superior)
    text = page_text(client.get(_detail(objection.pk)).content)
    assert "Tetapkan keputusan" in text
    assert "Hasil kerja Sesuai Ekspektasi Kurang/Misconduct Baik (rating saat ini) Baik" in text
    assert "Pertimbangan keputusan" in text


def test_the_employee_may_answer_and_withdraw_while_open(
    client: Client, personas: Personas
) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.EXPLAINED
    )
    client.force_login(personas.employee)
    text = page_text(client.get(_detail(objection.pk)).content)
    assert "Tanggapi penjelasan" in text
    assert "Cabut keberatan" in text
    assert "Tetapkan keputusan" not in text


def test_a_decided_record_has_no_forms(client: Client, personas: Personas) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.REJECTED
    )
    for user in (personas.employee, personas.supervisor, personas.appraiser_superior):
        client.force_login(user)
        text = page_text(client.get(_detail(objection.pk)).content)
        for form_title in (
            "Beri penjelasan",
            "Tanggapi penjelasan",
            "Tetapkan keputusan",
            "Cabut keberatan",
        ):
            assert form_title not in text


def test_the_letter_is_404_before_the_decision(client: Client, personas: Personas) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.EXPLAINED
    )
    client.force_login(personas.employee)
    assert client.get(f"/keberatan/{objection.pk}/surat/").status_code == 404
    assert "Unduh surat keputusan" not in page_text(client.get(_detail(objection.pk)).content)


def test_the_attachment_of_another_objection_is_404(client: Client, personas: Personas) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.employee)
    assert client.get(f"/keberatan/{objection.pk}/lampiran/999/").status_code == 404
    client.force_login(personas.outsider)
    assert client.get(f"/keberatan/{objection.pk}/lampiran/1/").status_code == 404
