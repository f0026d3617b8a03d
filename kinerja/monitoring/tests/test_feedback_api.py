"""API /api/v1/feedback/ and /api/v1/feedback-requests/: the same rules and refusals as the
pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.accounts.models import User
from kinerja.accounts.testing import make_user
from kinerja.monitoring.models import Feedback, FeedbackRequest, FeedbackRequestState
from kinerja.monitoring.testing import make_feedback, make_feedback_request
from kinerja.people.models import Employee
from kinerja.people.testing import PERSONA_NAMES, Personas, assign, make_employee, make_position

pytestmark = pytest.mark.django_db

GOOD = "Saat rapat koordinasi 12 November, paparan Anda runtut dan datanya lengkap."


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


def test_feedback_lists_received_and_given(client: Client, personas: Personas) -> None:
    staff = personas.staff
    make_feedback(employee=staff.employee, author=staff.supervisor, competencies=("KOMUNIKASI",))
    client.force_login(personas.employee)
    received = client.get("/api/v1/feedback/").json()
    assert received["count"] == 1
    assert received["results"][0]["competencies"] == ["KOMUNIKASI"]
    assert received["results"][0]["author_name"] == "Sri Handayani"
    assert client.get("/api/v1/feedback/", {"arah": "diberikan"}).json()["count"] == 0
    assert client.get("/api/v1/feedback/", {"arah": "lain"}).status_code == 400


def test_the_appraiser_gives_feedback_and_a_bad_one_is_refused(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.supervisor)
    body = {
        "employee_id": personas.staff.employee.pk,
        "text": GOOD,
        "competencies": ["KOMUNIKASI"],
    }
    response = client.post("/api/v1/feedback/", body, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["author_is_appraiser"] is True
    assert response.json()["replies"] == []
    bad = client.post(
        "/api/v1/feedback/", {**body, "text": "Bagus."}, content_type="application/json"
    )
    assert bad.status_code == 400
    assert "terlalu pendek" in str(bad.json())
    assert Feedback.objects.count() == 1


def test_a_peer_without_request_is_refused_with_the_same_sentence(
    client: Client, personas: Personas, colleague: tuple[User, Employee]
) -> None:
    peer_user, _ = colleague
    client.force_login(peer_user)
    response = client.post(
        "/api/v1/feedback/",
        {"employee_id": personas.staff.employee.pk, "text": GOOD, "competencies": ["KOMUNIKASI"]},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "pejabat penilai" in str(response.json())
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_one_feedback_answers_404_to_those_who_may_not_see_it(
    client: Client, personas: Personas, name: str
) -> None:
    feedback = make_feedback(employee=personas.staff.employee, author=personas.staff.supervisor)
    client.force_login(getattr(personas, name))
    response = client.get(f"/api/v1/feedback/{feedback.pk}/")
    expected = 200 if name in {"employee", "supervisor", "appraiser_superior", "auditor"} else 404
    assert response.status_code == expected


def test_a_request_is_made_answered_and_replied_to(
    client: Client, personas: Personas, colleague: tuple[User, Employee]
) -> None:
    peer_user, peer = colleague
    client.force_login(personas.employee)
    created = client.post(
        "/api/v1/feedback-requests/",
        {"asked_id": peer.pk, "subject": "GENERAL", "message": "Mohon masukan."},
        content_type="application/json",
    )
    assert created.status_code == 201
    request_id = created.json()["id"]
    again = client.post(
        "/api/v1/feedback-requests/",
        {"asked_id": peer.pk, "subject": "GENERAL"},
        content_type="application/json",
    )
    assert again.status_code == 400
    assert "masih menunggu" in str(again.json())
    client.force_login(peer_user)
    waiting = client.get("/api/v1/feedback-requests/").json()
    assert [row["id"] for row in waiting["results"]] == [request_id]
    given = client.post(
        "/api/v1/feedback/",
        {"request_id": request_id, "text": GOOD, "competencies": ["KERJA_SAMA"]},
        content_type="application/json",
    )
    assert given.status_code == 201
    feedback_id = given.json()["id"]
    client.force_login(personas.employee)
    mine = client.get("/api/v1/feedback-requests/", {"arah": "keluar"}).json()
    assert mine["results"][0]["state"] == FeedbackRequestState.ANSWERED
    reply = client.post(
        f"/api/v1/feedback/{feedback_id}/replies/",
        {"body": "Terima kasih."},
        content_type="application/json",
    )
    assert reply.status_code == 201
    detail = client.get(f"/api/v1/feedback/{feedback_id}/").json()
    assert [r["body"] for r in detail["replies"]] == ["Terima kasih."]


def test_decline_and_withdraw_follow_the_page_rules(
    client: Client, personas: Personas, colleague: tuple[User, Employee]
) -> None:
    peer_user, peer = colleague
    first = make_feedback_request(employee=personas.staff.employee, asked=peer)
    second = make_feedback_request(employee=personas.staff.employee, asked=peer)
    client.force_login(personas.employee)
    refused = client.post(
        f"/api/v1/feedback-requests/{first.pk}/decline/",
        {"reason": "Saya tidak mau menjawab."},
        content_type="application/json",
    )
    assert refused.status_code == 403
    withdrawn = client.post(f"/api/v1/feedback-requests/{second.pk}/withdraw/")
    assert withdrawn.json()["state"] == FeedbackRequestState.WITHDRAWN
    client.force_login(peer_user)
    declined = client.post(
        f"/api/v1/feedback-requests/{first.pk}/decline/",
        {"reason": "Saya belum pernah bekerja dengan Anda."},
        content_type="application/json",
    )
    assert declined.json()["state"] == FeedbackRequestState.DECLINED
    assert declined.json()["decline_reason"] == "Saya belum pernah bekerja dengan Anda."
    client.force_login(personas.supervisor)
    assert client.post(f"/api/v1/feedback-requests/{first.pk}/withdraw/").status_code == 404
    assert FeedbackRequest.objects.filter(state=FeedbackRequestState.OPEN).count() == 0


@pytest.mark.parametrize("url", ["/api/v1/feedback/", "/api/v1/feedback-requests/?arah=keluar"])
def test_lists_cost_the_same_queries_at_any_size(
    client: Client,
    personas: Personas,
    colleague: tuple[User, Employee],
    url: str,
    django_assert_max_num_queries: Any,
) -> None:
    _, peer = colleague
    staff = personas.staff
    client.force_login(personas.employee)

    def add(n: int) -> None:
        for _ in range(n):
            make_feedback(
                employee=staff.employee, author=staff.supervisor, competencies=("PELAYANAN",)
            )
            make_feedback_request(employee=staff.employee, asked=peer)

    add(1)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    add(5)
    with django_assert_max_num_queries(len(small)):
        assert client.get(url).status_code == 200
