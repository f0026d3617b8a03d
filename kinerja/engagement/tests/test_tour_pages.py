"""The first-login tour (/tur/): steps per role as plain pages, recorded once started, skipped or
finished; and its invitation on the home page, shown until then, in one query."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.accounts.models import User
from kinerja.core.testing import headings, page_text
from kinerja.engagement.home.guides import notices_for
from kinerja.engagement.models import TourSeen
from kinerja.engagement.testing import make_tour_seen
from kinerja.engagement.tour import TOUR_STEPS, tour_steps_for
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

MAIN_ROLE = {
    "employee": "PEGAWAI",
    "supervisor": "ATASAN",
    "appraiser_superior": "ATASAN",
    "agency_admin": "ADMIN_OPD",
    "other_admin": "ADMIN_OPD",
    "hr_admin": "ADMIN_BKPSDM",
    "leader": "PIMPINAN",
    "auditor": "INSPEKTORAT",
    "outsider": None,
}


def test_every_role_has_four_to_six_steps_to_pages_without_arguments() -> None:
    assert len(TOUR_STEPS) == 6
    for steps in TOUR_STEPS.values():
        assert 4 <= len(steps) <= 6
        for step in steps:
            reverse(step.url_name)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_tour_opens_for_each_role_and_records_its_start(
    client: Client, personas: Personas, name: str
) -> None:
    user = personas.all()[name]
    client.force_login(user)
    response = client.get("/tur/")
    role = MAIN_ROLE[name]
    if role is None:
        assert response.status_code == 404
        assert not TourSeen.objects.exists()
        return
    assert response.status_code == 200
    steps = tour_steps_for(role)
    assert headings(response.content)[0] == steps[0].title
    text = page_text(response.content)
    assert f"Langkah 1 dari {len(steps)}" in text
    assert "Berikutnya" in text
    assert "Lewati tur" in text
    assert "Sebelumnya" not in text
    seen = TourSeen.objects.get(user=user)
    assert (seen.role, seen.outcome) == (role, TourSeen.Outcome.STARTED)


def test_the_last_step_offers_finish_and_the_middle_ones_go_both_ways(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)
    total = len(tour_steps_for("PEGAWAI"))
    middle = page_text(client.get("/tur/2/").content)
    assert "Sebelumnya" in middle
    assert "Berikutnya" in middle
    last = client.get(f"/tur/{total}/")
    assert "Selesai" in page_text(last.content)
    assert "Berikutnya" not in page_text(last.content)
    assert client.get(f"/tur/{total + 1}/").status_code == 404
    assert client.get("/tur/0/").status_code == 404
    assert not TourSeen.objects.exists()  # only step 1 records the start


def test_skipping_and_finishing_are_recorded_and_go_home(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)
    client.get("/tur/")
    response = client.post("/tur/lewati/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert TourSeen.objects.get().outcome == TourSeen.Outcome.SKIPPED
    client.post("/tur/selesai/")
    assert TourSeen.objects.get().outcome == TourSeen.Outcome.FINISHED
    client.get("/tur/")  # a later visit does not undo the finish
    assert TourSeen.objects.get().outcome == TourSeen.Outcome.FINISHED


def test_skip_and_finish_accept_only_post(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    assert client.get("/tur/lewati/").status_code == 405
    assert client.get("/tur/selesai/").status_code == 405
    client.force_login(personas.outsider)
    assert client.post("/tur/lewati/").status_code == 404


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_home_page_invites_to_the_tour_until_it_is_started(
    client: Client, personas: Personas, name: str
) -> None:
    client.force_login(personas.all()[name])
    role = MAIN_ROLE[name]
    text = page_text(client.get("/").content)
    if role is None:
        assert "Baru di Kinerja?" not in text
        return
    label = {"ATASAN": "Atasan / pejabat penilai", "PEGAWAI": "Pegawai", "ADMIN_OPD": "Admin OPD",
             "ADMIN_BKPSDM": "Admin BKPSDM", "PIMPINAN": "Pimpinan",
             "INSPEKTORAT": "Inspektorat"}[role]  # fmt: skip
    assert f"Baru di Kinerja? Ikuti tur singkat untuk peran {label}" in text
    assert "Mulai tur" in text
    assert "Lewati" in text
    client.get("/tur/")
    assert "Baru di Kinerja?" not in page_text(client.get("/").content)


def test_skipping_from_the_home_page_hides_the_invitation(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.supervisor)
    client.post("/tur/lewati/")
    assert "Baru di Kinerja?" not in page_text(client.get("/").content)


def test_the_invitation_costs_one_query(personas: Personas, django_assert_num_queries: Any) -> None:
    # loaded with its employee, as the session user is (accounts.backends.SessionUserBackend)
    users = User.objects.select_related("employee").in_bulk(
        [personas.employee.pk, personas.supervisor.pk, personas.hr_admin.pk]
    )
    for user in users.values():
        with django_assert_num_queries(1):
            assert len(notices_for(user)) == 1
    make_tour_seen(user=personas.employee)
    with django_assert_num_queries(1):
        assert notices_for(users[personas.employee.pk]) == []


def test_a_step_names_the_role_and_links_to_its_screen(client: Client, personas: Personas) -> None:
    client.force_login(personas.supervisor)
    response = client.get("/tur/2/")
    step = tour_steps_for("ATASAN")[1]
    assert "Tur singkat untuk peran Atasan / pejabat penilai" in page_text(response.content)
    assert f'href="{reverse(step.url_name)}"'.encode() in response.content
