"""The development plan pages (/pengembangan/, /pengembangan/rencana/<id>/): who sees them, what
they show, and that they cost a constant number of queries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from kinerja.core.testing import headings, page_text
from kinerja.learning.models import ItemState, PlanState
from kinerja.learning.testing import make_competency, make_course, make_development_plan, make_item
from kinerja.monitoring.testing import make_feedback
from kinerja.organization.models import PositionKind
from kinerja.people.testing import (
    AGENCY_READERS,
    PERSONA_NAMES,
    Personas,
    assign,
    make_employee,
    make_position,
)
from kinerja.planning.testing import make_open_period

pytestmark = pytest.mark.django_db


def _detail(plan_id: int) -> str:
    return f"/pengembangan/rencana/{plan_id}/"


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_chain_the_agency_and_city_readers_see_a_plan_others_get_404(
    client: Client, personas: Personas, name: str
) -> None:
    plan = make_development_plan(employee=personas.staff.employee)
    make_item(plan=plan, course=make_course(title="Pelatihan Rahasia Uji"))
    client.force_login(personas.all()[name])
    response = client.get(_detail(plan.pk))
    assert response.status_code == (200 if name in AGENCY_READERS else 404)
    assert ("Pelatihan Rahasia Uji" in page_text(response.content)) == (name in AGENCY_READERS)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_index_opens_for_everyone_logged_in_showing_only_their_own(
    client: Client, personas: Personas, name: str
) -> None:
    make_open_period()
    make_development_plan(employee=personas.staff.employee, state=PlanState.PROPOSED)
    client.force_login(personas.all()[name])
    response = client.get("/pengembangan/")
    assert response.status_code == 200
    found = headings(response.content)
    assert ("Rencana saya" in found) == (name in {"employee", "supervisor", "appraiser_superior"})
    assert ("Tim saya" in found) == (name in {"supervisor", "appraiser_superior"})
    assert ("Analisis kebutuhan pelatihan" in headings(response.content)) == (
        name in {"agency_admin", "other_admin", "hr_admin", "leader"}
    )


def test_anonymous_is_sent_to_login(client: Client, personas: Personas) -> None:
    plan = make_development_plan(employee=personas.staff.employee)
    for url in ("/pengembangan/", _detail(plan.pk)):
        response = client.get(url)
        assert response.status_code == 302
        assert "masuk" in response["Location"] or "login" in response["Location"]


def test_the_employee_sees_jp_progress_and_a_suggestion_with_its_reason(
    client: Client, personas: Personas
) -> None:
    period = make_open_period()
    talk = make_competency(name="Komunikasi efektif", feedback_tag="KOMUNIKASI")
    make_course(title="Pelatihan Komunikasi Pelayanan Publik", competencies=[talk])
    staff = personas.staff
    for _ in range(3):
        make_feedback(
            employee=staff.employee, author=staff.supervisor, competencies=("KOMUNIKASI",)
        )
    plan = make_development_plan(employee=staff.employee, period=period)
    make_item(plan=plan, state=ItemState.CONFIRMED, jp=Decimal(12), completed_on=date.today())
    client.force_login(personas.employee)

    text = page_text(client.get("/pengembangan/").content)

    assert "12 dari 20 JP" in text
    assert "Pelatihan Komunikasi Pelayanan Publik" in text
    assert "3 umpan balik bertanda komunikasi sejak" in text
    assert "Tambahkan ke rencana" in text


def test_the_appraiser_sees_the_team_with_plan_state_jp_and_coaching(
    client: Client, personas: Personas
) -> None:
    make_open_period()
    make_development_plan(
        employee=personas.staff.employee, state=PlanState.PROPOSED, is_coaching=True
    )
    client.force_login(personas.supervisor)
    response = client.get("/pengembangan/")
    text = page_text(response.content)
    assert "Tim saya" in headings(response.content)
    assert "Agus Wibowo" in text
    assert "Diajukan" in text
    assert "0 dari 20 JP" in text
    assert "Bimbingan wajib" in text


def test_the_plan_page_shows_items_with_state_and_the_forms_of_whose_turn_it_is(
    client: Client, personas: Personas
) -> None:
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
    make_item(plan=plan, course=make_course(title="Kursus Selesai"), state=ItemState.COMPLETED)
    make_item(plan=plan, course=make_course(title="Kursus Direncanakan"))

    client.force_login(personas.employee)
    text = page_text(client.get(_detail(plan.pk)).content)
    assert "Selesai, menunggu konfirmasi" in text
    assert "Catat selesai" in text
    assert "Konfirmasi" not in text.replace("menunggu konfirmasi", "")

    client.force_login(personas.supervisor)
    text = page_text(client.get(_detail(plan.pk)).content)
    assert "Tolak konfirmasi" in text
    assert "Catat selesai" not in text


def test_a_draft_shows_the_add_form_and_propose_to_the_employee_only(
    client: Client, personas: Personas
) -> None:
    plan = make_development_plan(employee=personas.staff.employee)
    make_item(plan=plan)
    client.force_login(personas.employee)
    text = page_text(client.get(_detail(plan.pk)).content)
    assert "Tambah kegiatan" in text
    assert "Ajukan ke pejabat penilai" in text
    client.force_login(personas.hr_admin)
    text = page_text(client.get(_detail(plan.pk)).content)
    assert "Tambah kegiatan" not in text
    assert "Ajukan ke pejabat penilai" not in text


def test_a_proposed_plan_offers_agree_and_return_to_the_appraiser(
    client: Client, personas: Personas
) -> None:
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.PROPOSED)
    make_item(plan=plan)
    client.force_login(personas.supervisor)
    text = page_text(client.get(_detail(plan.pk)).content)
    assert "Sepakati rencana" in text
    assert "Kembalikan kepada pegawai" in text
    client.force_login(personas.appraiser_superior)
    text = page_text(client.get(_detail(plan.pk)).content)
    assert "Sepakati rencana" not in text


def test_the_plan_page_costs_the_same_queries_for_2_and_for_20_items(
    client: Client, personas: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
    client.force_login(personas.employee)

    def add(count: int) -> None:
        for i in range(count):
            course = make_course(title=f"Kursus {i}", competencies=[make_competency()])
            make_item(
                plan=plan, course=course, state=ItemState.COMPLETED if i % 2 else ItemState.PLANNED
            )

    add(2)
    with django_assert_max_num_queries(60) as few:
        client.get(_detail(plan.pk))
    add(18)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(_detail(plan.pk))
    assert "Kursus 17" in page_text(response.content)


def test_the_team_costs_the_same_queries_for_3_and_for_30_members(
    client: Client, personas: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    period = make_open_period()
    staff = personas.staff

    def add(count: int) -> None:
        for _ in range(count):
            member = make_employee()
            assign(
                member,
                make_position(
                    agency=personas.agency, kind=PositionKind.PELAKSANA, supervisor=staff.kasi_post
                ),
            )
            make_item(
                plan=make_development_plan(employee=member, period=period),
                state=ItemState.CONFIRMED,
            )

    add(2)
    client.force_login(personas.supervisor)
    with django_assert_max_num_queries(80) as few:
        client.get("/pengembangan/")
    add(27)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/pengembangan/")
    assert page_text(response.content).count("16 dari 20 JP") == 29
