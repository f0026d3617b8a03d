"""The development-plan API (/api/v1/development-plans/): my plan with its items and JP, adding
an item, proposing, one plan for whoever may see it, and completion with a certificate."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from kinerja.learning.models import DevelopmentItem, ItemState, PlanState
from kinerja.learning.testing import make_competency, make_course, make_development_plan, make_item
from kinerja.monitoring.evidence.testing import evidence_storage_at, minimal_pdf
from kinerja.people.testing import AGENCY_READERS, PERSONA_NAMES, Personas
from kinerja.planning.testing import make_open_period

pytestmark = pytest.mark.django_db

MINE = "/api/v1/development-plans/mine/"


@pytest.fixture(autouse=True)
def store(tmp_path: Path) -> Iterator[Path]:
    with evidence_storage_at(tmp_path / "sertifikat") as path:
        yield path


def _target() -> str:
    return (timezone.localdate() + timedelta(days=20)).isoformat()


def test_anonymous_gets_401_or_403(client: Client) -> None:
    assert client.get(MINE).status_code in (401, 403)


def test_without_a_plan_mine_is_404_with_a_sentence(client: Client, personas: Personas) -> None:
    make_open_period()
    client.force_login(personas.employee)
    response = client.get(MINE)
    assert response.status_code == 404
    assert "belum memiliki rencana" in response.content.decode()
    client.force_login(personas.outsider)
    assert client.get(MINE).status_code == 404


def test_adding_a_course_opens_my_plan_with_the_courses_jp(
    client: Client, personas: Personas
) -> None:
    make_open_period()
    course = make_course(competencies=[make_competency()], jp=Decimal(12))
    client.force_login(personas.employee)
    response = client.post(
        MINE + "items/", {"course_id": course.pk, "target_date": _target()}, "application/json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == "DRAFT"
    assert [(i["title"], Decimal(i["jp_planned"])) for i in body["items"]] == [
        (course.title, Decimal(12))
    ]
    assert client.get(MINE).json()["id"] == body["id"]


def test_an_item_without_a_target_date_is_refused_naming_it(
    client: Client, personas: Personas
) -> None:
    make_open_period()
    client.force_login(personas.employee)
    response = client.post(MINE + "items/", {"title": "Belajar"}, "application/json")
    assert response.status_code == 400
    assert "Target selesai" in response.content.decode()


def test_an_unknown_course_is_refused_naming_it(client: Client, personas: Personas) -> None:
    make_open_period()
    client.force_login(personas.employee)
    response = client.post(
        MINE + "items/", {"course_id": 987654, "target_date": _target()}, "application/json"
    )
    assert response.status_code == 400
    assert "987654" in response.content.decode()


def test_i_propose_my_plan(client: Client, personas: Personas) -> None:
    plan = make_development_plan(employee=personas.staff.employee)
    make_item(plan=plan)
    client.force_login(personas.employee)
    response = client.post(MINE + "propose/")
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "PROPOSED"


def test_proposing_an_empty_plan_is_refused(client: Client, personas: Personas) -> None:
    make_development_plan(employee=personas.staff.employee)
    client.force_login(personas.employee)
    assert client.post(MINE + "propose/").status_code == 400


def test_mine_shows_my_jp_of_the_year(client: Client, personas: Personas) -> None:
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
    make_item(plan=plan, state=ItemState.CONFIRMED, jp=Decimal("7.5"))
    make_item(plan=plan, state=ItemState.COMPLETED, jp=Decimal(10))
    client.force_login(personas.employee)
    body = client.get(MINE).json()
    assert Decimal(body["jp_year"]) == Decimal("7.5")
    assert Decimal(body["jp_target"]) == Decimal(20)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_one_plan_for_those_who_see_it_and_404_for_others(
    client: Client, personas: Personas, name: str
) -> None:
    plan = make_development_plan(employee=personas.staff.employee)
    client.force_login(personas.all()[name])
    response = client.get(f"/api/v1/development-plans/{plan.pk}/")
    assert response.status_code == (200 if name in AGENCY_READERS else 404)


def _completion_url(item: DevelopmentItem) -> str:
    return f"/api/v1/development-plans/{item.plan_id}/items/{item.pk}/completion/"


def test_i_record_completion_with_a_certificate(client: Client, personas: Personas) -> None:
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
    item = make_item(plan=plan)
    client.force_login(personas.employee)
    certificate = SimpleUploadedFile("sertifikat.pdf", minimal_pdf("Sertifikat"), "application/pdf")
    response = client.post(
        _completion_url(item),
        {
            "completed_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "jp_earned": "16",
            "certificate": certificate,
        },
    )
    assert response.status_code == 200, response.content
    row = response.json()["items"][0]
    assert row["state"] == "COMPLETED"
    assert row["certificate_name"] == "sertifikat.pdf"
    assert Decimal(row["jp_earned"]) == Decimal(16)


def test_completion_without_a_certificate_is_refused(client: Client, personas: Personas) -> None:
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
    item = make_item(plan=plan)
    client.force_login(personas.employee)
    response = client.post(
        _completion_url(item),
        {"completed_on": timezone.localdate().isoformat(), "jp_earned": "16"},
    )
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.state == ItemState.PLANNED


@pytest.mark.parametrize("name", ["supervisor", "hr_admin", "other_admin", "outsider"])
def test_only_the_employee_records_completion(
    client: Client, personas: Personas, name: str
) -> None:
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
    item = make_item(plan=plan)
    client.force_login(personas.all()[name])
    certificate = SimpleUploadedFile("sertifikat.pdf", minimal_pdf("Sertifikat"), "application/pdf")
    response = client.post(
        _completion_url(item),
        {
            "completed_on": timezone.localdate().isoformat(),
            "jp_earned": "16",
            "certificate": certificate,
        },
    )
    assert response.status_code in (403, 404)
    item.refresh_from_db()
    assert item.state == ItemState.PLANNED
