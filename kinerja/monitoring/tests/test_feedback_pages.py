"""Feedback pages: /umpan-balik/ (received, given, requests), giving, asking, one feedback and
its replies, declining and withdrawing; who sees what (404, never data)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.accounts.models import User
from kinerja.accounts.testing import make_user
from kinerja.core.testing import page_text
from kinerja.discussions.models import Comment
from kinerja.monitoring.models import Feedback, FeedbackRequest, FeedbackRequestState
from kinerja.monitoring.testing import make_feedback, make_feedback_request
from kinerja.people.models import Employee
from kinerja.people.testing import (
    PERSONA_NAMES,
    Personas,
    assign,
    make_employee,
    make_position,
)

pytestmark = pytest.mark.django_db

GOOD = "Saat rapat koordinasi 12 November, paparan Anda runtut dan datanya lengkap."

SEES_FEEDBACK = {"employee", "supervisor", "appraiser_superior", "auditor"}


@pytest.fixture
def colleague(personas: Personas) -> tuple[User, Employee]:
    user = make_user(full_name="Rina Rekan")
    peer = make_employee(name="Rina Rekan", user=user)
    post = make_position(
        agency=personas.agency,
        name="Analis Data",
        supervisor=personas.staff.kasi_post,
        unit=personas.staff.unit,
    )
    assign(peer, post)
    return user, peer


def appraiser_feedback(personas: Personas, **kwargs: Any) -> Feedback:
    return make_feedback(
        employee=personas.staff.employee,
        author=personas.staff.supervisor,
        author_is_appraiser=True,
        competencies=("KOMUNIKASI",),
        **kwargs,
    )


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_a_feedback_page_opens_only_for_those_who_may_see_it(
    client: Client, personas: Personas, name: str
) -> None:
    feedback = appraiser_feedback(personas, text="Laporan bulanan Anda rapi dan tepat waktu.")
    client.force_login(getattr(personas, name))
    response = client.get(f"/umpan-balik/{feedback.pk}/")
    if name in SEES_FEEDBACK:
        assert response.status_code == 200
        assert "Laporan bulanan Anda rapi" in page_text(response.content)
    else:
        assert response.status_code == 404
        assert "Laporan bulanan" not in page_text(response.content)


def test_a_peer_sees_what_they_wrote_and_nothing_else(
    client: Client, personas: Personas, colleague: tuple[User, Employee]
) -> None:
    peer_user, peer = colleague
    mine = make_feedback(employee=personas.staff.employee, author=peer)
    other = appraiser_feedback(personas)
    client.force_login(peer_user)
    assert client.get(f"/umpan-balik/{mine.pk}/").status_code == 200
    assert client.get(f"/umpan-balik/{other.pk}/").status_code == 404


def test_the_index_lists_received_feedback_with_competency_counts(
    client: Client, personas: Personas
) -> None:
    appraiser_feedback(personas, text="Presentasi hasil survei jelas dan singkat.")
    client.force_login(personas.employee)
    text = page_text(client.get("/umpan-balik/").content)
    assert "Presentasi hasil survei jelas dan singkat." in text
    assert "Komunikasi: 1" in text
    assert "Kerja sama: 0" in text
    assert "Diterima (1)" in text


def test_an_appraiser_finds_their_team_with_give_links(client: Client, personas: Personas) -> None:
    client.force_login(personas.supervisor)
    response = client.get("/umpan-balik/")
    html = response.content.decode()
    assert f"/umpan-balik/beri/?pegawai={personas.staff.employee.pk}" in html
    assert "Tim saya: beri umpan balik" in page_text(html)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_every_persona_opens_their_own_index(client: Client, personas: Personas, name: str) -> None:
    appraiser_feedback(personas, text="Rahasia: hanya untuk pihak yang berhak membaca.")
    client.force_login(getattr(personas, name))
    response = client.get("/umpan-balik/?bagian=diterima")
    assert response.status_code == 200
    visible = "Rahasia: hanya untuk pihak" in page_text(response.content)
    assert visible == (name == "employee")


@pytest.mark.parametrize(
    "section", ["diterima", "diberikan", "permintaan-masuk", "permintaan-saya"]
)
def test_index_queries_do_not_grow_with_the_list(
    client: Client,
    personas: Personas,
    colleague: tuple[User, Employee],
    section: str,
    django_assert_max_num_queries: Any,
) -> None:
    _, peer = colleague
    staff = personas.staff

    def add(n: int) -> None:
        for _ in range(n):
            make_feedback(
                employee=staff.employee, author=staff.supervisor, competencies=("KOMUNIKASI",)
            )
            make_feedback(
                employee=staff.supervisor, author=staff.employee, competencies=("PELAYANAN",)
            )
            make_feedback_request(employee=staff.employee, asked=peer)
            make_feedback_request(employee=peer, asked=staff.employee)

    client.force_login(personas.employee)
    add(1)
    with CaptureQueriesContext(connection) as small:
        assert client.get(f"/umpan-balik/?bagian={section}").status_code == 200
    add(6)
    with django_assert_max_num_queries(len(small)):
        assert client.get(f"/umpan-balik/?bagian={section}").status_code == 200


def test_the_appraiser_gives_feedback_through_the_form(client: Client, personas: Personas) -> None:
    client.force_login(personas.supervisor)
    url = f"/umpan-balik/beri/?pegawai={personas.staff.employee.pk}"
    page = page_text(client.get(url).content)
    assert "Umpan balik yang membangun" in page
    assert "Saat rapat koordinasi 12 November" in page
    response = client.post(
        url,
        {"subject": "GENERAL", "text": GOOD, "competencies": ["KOMUNIKASI"], "example": "Rapat."},
    )
    feedback = Feedback.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/umpan-balik/{feedback.pk}/"


def test_a_refused_feedback_comes_back_with_the_sentence_and_the_text_kept(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.supervisor)
    url = f"/umpan-balik/beri/?pegawai={personas.staff.employee.pk}"
    response = client.post(
        url,
        {"subject": "GENERAL", "text": "Bagus sekali, mantap!!", "competencies": ["KOMUNIKASI"]},
    )
    assert response.status_code == 400
    assert "hanya berisi penilaian" in page_text(response.content)
    assert "Bagus sekali, mantap!!" in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("employee", 403),
        ("appraiser_superior", 403),
        ("agency_admin", 403),
        ("hr_admin", 403),
        ("auditor", 403),
        ("outsider", 403),
    ],
)
def test_only_the_appraiser_opens_the_give_form_unasked(
    client: Client, personas: Personas, name: str, status: int
) -> None:
    client.force_login(getattr(personas, name))
    response = client.get(f"/umpan-balik/beri/?pegawai={personas.staff.employee.pk}")
    assert response.status_code == status


def test_the_give_form_refuses_a_bad_id_with_404(client: Client, personas: Personas) -> None:
    client.force_login(personas.supervisor)
    assert client.get("/umpan-balik/beri/?pegawai=abc").status_code == 404
    assert client.get("/umpan-balik/beri/").status_code == 404


def test_a_peer_answers_a_request_from_the_index(
    client: Client, personas: Personas, colleague: tuple[User, Employee]
) -> None:
    peer_user, peer = colleague
    request = make_feedback_request(employee=personas.staff.employee, asked=peer)
    client.force_login(peer_user)
    index = client.get("/umpan-balik/?bagian=permintaan-masuk").content.decode()
    assert f"/umpan-balik/beri/?permintaan={request.pk}" in index
    url = f"/umpan-balik/beri/?permintaan={request.pk}"
    assert "Mohon masukan atas presentasi saya." in page_text(client.get(url).content)
    response = client.post(
        url, {"subject": "GENERAL", "text": GOOD, "competencies": ["KERJA_SAMA"]}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == FeedbackRequestState.ANSWERED


def test_a_request_of_someone_else_answers_404(
    client: Client, personas: Personas, colleague: tuple[User, Employee]
) -> None:
    _, peer = colleague
    request = make_feedback_request(employee=personas.staff.employee, asked=peer)
    client.force_login(personas.supervisor)
    assert client.get(f"/umpan-balik/beri/?permintaan={request.pk}").status_code == 404
    assert client.get(f"/umpan-balik/permintaan/{request.pk}/tolak/").status_code == 404
    assert client.get(f"/umpan-balik/permintaan/{request.pk}/batalkan/").status_code == 404


def test_the_employee_asks_a_colleague_from_the_list_or_by_nip(
    client: Client, personas: Personas, colleague: tuple[User, Employee]
) -> None:
    _, peer = colleague
    client.force_login(personas.employee)
    form = client.get("/umpan-balik/minta/").content.decode()
    assert "Rina Rekan" in form
    assert "Sri Handayani" in form  # the appraiser
    response = client.post(
        "/umpan-balik/minta/", {"colleague": peer.pk, "subject": "GENERAL", "message": "Mohon."}
    )
    assert response.status_code == 302
    response = client.post(
        "/umpan-balik/minta/", {"nip": personas.staff.kabid.nip, "subject": "GENERAL"}
    )
    assert response.status_code == 302
    assert set(FeedbackRequest.objects.values_list("asked_id", flat=True)) == {
        peer.pk,
        personas.staff.kabid.pk,
    }


def test_asking_someone_of_another_agency_by_nip_is_refused_under_the_field(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)
    response = client.post(
        "/umpan-balik/minta/", {"nip": personas.staff.other_head.nip, "subject": "GENERAL"}
    )
    assert response.status_code == 400
    assert "bukan rekan kerja di perangkat daerah Anda" in page_text(response.content)
    response = client.post("/umpan-balik/minta/", {"nip": "123", "subject": "GENERAL"})
    assert "NIP “123” tidak ditemukan; periksa 18 angka NIP." in page_text(response.content)
    assert not FeedbackRequest.objects.exists()


def test_a_staff_account_cannot_ask(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    assert client.get("/umpan-balik/minta/").status_code == 403


def test_the_person_asked_declines_with_a_reason(
    client: Client, personas: Personas, colleague: tuple[User, Employee]
) -> None:
    peer_user, peer = colleague
    request = make_feedback_request(employee=personas.staff.employee, asked=peer)
    client.force_login(peer_user)
    url = f"/umpan-balik/permintaan/{request.pk}/tolak/"
    assert client.post(url, {"reason": ""}).status_code == 400
    response = client.post(url, {"reason": "Saya belum pernah bekerja dengan Anda."})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == FeedbackRequestState.DECLINED
    client.force_login(personas.employee)
    assert client.get(url).status_code == 403
    mine = page_text(client.get("/umpan-balik/?bagian=permintaan-saya").content)
    assert "Alasan ditolak: Saya belum pernah bekerja dengan Anda." in mine


def test_the_employee_withdraws_a_request(
    client: Client, personas: Personas, colleague: tuple[User, Employee]
) -> None:
    peer_user, peer = colleague
    request = make_feedback_request(employee=personas.staff.employee, asked=peer)
    url = f"/umpan-balik/permintaan/{request.pk}/batalkan/"
    client.force_login(peer_user)
    assert client.get(url).status_code == 403
    client.force_login(personas.employee)
    assert "Batalkan permintaan ini?" in page_text(client.get(url).content)
    assert client.post(url).status_code == 302
    request.refresh_from_db()
    assert request.state == FeedbackRequestState.WITHDRAWN


def test_the_employee_replies_and_the_thread_shows_it(client: Client, personas: Personas) -> None:
    feedback = appraiser_feedback(personas)
    client.force_login(personas.employee)
    url = f"/umpan-balik/{feedback.pk}/tanggapi/"
    response = client.post(url, {"body": "Terima kasih, saya coba minggu depan."})
    assert response.status_code == 302
    assert response["Location"] == f"/umpan-balik/{feedback.pk}/#tanggapan"
    page = page_text(client.get(f"/umpan-balik/{feedback.pk}/").content)
    assert "Terima kasih, saya coba minggu depan." in page
    htmx = client.post(url, {"body": ""}, headers={"HX-Request": "true"})
    assert htmx.status_code == 200
    assert "Tanggapan wajib diisi." in page_text(htmx.content)


def test_inspektorat_reads_but_cannot_reply(client: Client, personas: Personas) -> None:
    feedback = appraiser_feedback(personas)
    client.force_login(personas.auditor)
    assert 'name="body"' not in client.get(f"/umpan-balik/{feedback.pk}/").content.decode()
    assert (
        client.post(f"/umpan-balik/{feedback.pk}/tanggapi/", {"body": "Catatan."}).status_code
        == 403
    )
    assert not Comment.objects.exists()
