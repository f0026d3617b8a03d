"""Home cards of the service standard: the head decides proposals and approves a changed
draft; the other staff are asked to endorse a new draft revision."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.core.testing import page_text
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import Personas
from kinerja.surveys.my_tasks import standard_cards_for, survey_places_for
from kinerja.surveys.services.proposals import (
    standard_propose,
)
from kinerja.surveys.services.standards import (
    standard_edit,
    standard_endorse,
)
from kinerja.surveys.testing import make_service_unit, make_standard

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit, name="Loket Adminduk")


def _titles(user: object) -> list[str]:
    return [f"{card.title}: {card.description}" for card in standard_cards_for(user)]


def test_the_head_sees_open_proposals_and_a_draft_changed_since_approval(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = make_standard(service_unit=unit, approved=True)
    standard_propose(actor=personas.employee, standard=standard, kind="COST", text="Rp1.")
    standard_propose(actor=personas.supervisor, standard=standard, kind="TIME", text="2 jam.")
    standard_edit(actor=personas.employee, standard=standard, texts={"COST": "Rp2."}, revision=1)
    assert _titles(personas.appraiser_superior) == [
        "Usul perubahan standar Loket Adminduk: 2 usul perubahan standar pelayanan menunggu "
        "keputusan Anda.",
        "Setujui standar pelayanan Loket Adminduk: Draf standar pelayanan berubah sejak versi 1 "
        "disetujui (revisi 2).",
    ]


def test_the_head_sees_nothing_for_an_approved_standard_without_proposals(
    personas: Personas, unit: ServiceUnit
) -> None:
    make_standard(service_unit=unit, approved=True)
    assert _titles(personas.appraiser_superior) == []


def test_staff_are_asked_to_endorse_a_new_revision_until_they_do(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = make_standard(service_unit=unit)
    assert _titles(personas.employee) == []  # a fresh standard, nothing written yet
    standard_edit(actor=personas.supervisor, standard=standard, texts={"COST": "Rp2."}, revision=1)
    assert _titles(personas.employee) == [
        "Standar pelayanan Loket Adminduk: Draf baru (revisi 2) menunggu dukungan Anda."
    ]
    standard_endorse(actor=personas.employee, standard=standard)
    assert _titles(personas.employee) == []


@pytest.mark.parametrize(
    "name", ["agency_admin", "other_admin", "hr_admin", "leader", "auditor", "outsider"]
)
def test_who_is_not_staff_gets_no_standard_card(
    personas: Personas, unit: ServiceUnit, name: str
) -> None:
    standard = make_standard(service_unit=unit)
    standard_edit(actor=personas.supervisor, standard=standard, texts={"COST": "Rp2."}, revision=1)
    assert _titles(personas.all()[name]) == []


def test_the_cards_cost_the_same_queries_for_one_unit_and_many(personas: Personas) -> None:
    def build() -> None:
        unit = make_service_unit(unit=personas.staff.unit)
        standard = make_standard(service_unit=unit, approved=True)
        standard_propose(actor=personas.employee, standard=standard, kind="COST", text="Rp1.")
        standard_edit(actor=personas.employee, standard=standard, texts={"TIME": "x"}, revision=1)

    build()
    head = personas.appraiser_superior
    with CaptureQueriesContext(connection) as one:
        assert len(standard_cards_for(head)) == 2
    build()
    build()
    with CaptureQueriesContext(connection) as three:
        assert len(standard_cards_for(head)) == 6
    assert len(three) == len(one)


def test_the_home_page_shows_the_card(personas: Personas, unit: ServiceUnit) -> None:
    standard = make_standard(service_unit=unit)
    standard_edit(actor=personas.supervisor, standard=standard, texts={"COST": "Rp2."}, revision=1)
    client = Client()
    client.force_login(personas.employee)
    assert "Draf baru (revisi 2) menunggu dukungan Anda." in page_text(client.get("/").content)


@pytest.mark.parametrize(
    ("name", "sees"),
    [
        ("employee", True),
        ("supervisor", True),
        ("appraiser_superior", True),
        ("agency_admin", False),  # the menu leads them to "Survei kepuasan"
        ("hr_admin", False),
        ("leader", False),
        ("auditor", False),
        ("other_admin", False),
        ("outsider", False),
    ],
)
def test_the_units_staff_find_its_survey_on_their_home_page(
    personas: Personas, unit: ServiceUnit, name: str, sees: bool
) -> None:
    make_service_unit(unit=personas.staff.unit, name="Loket Tutup", is_active=False)
    client = Client()
    client.force_login(personas.all()[name])
    text = page_text(client.get("/").content)
    assert ("Survei kepuasan Loket Adminduk" in text) is sees
    assert "Survei kepuasan Loket Tutup" not in text
    if sees:
        assert client.get(f"/skm/{unit.slug}/").status_code == 200


def test_the_survey_places_cost_the_same_queries_for_one_unit_and_many(
    personas: Personas, unit: ServiceUnit
) -> None:
    with CaptureQueriesContext(connection) as one:
        assert len(survey_places_for(personas.employee)) == 1
    make_service_unit(unit=personas.staff.unit)
    make_service_unit(unit=personas.staff.unit)
    with CaptureQueriesContext(connection) as three:
        assert len(survey_places_for(personas.employee)) == 3
    assert len(three) == len(one)
