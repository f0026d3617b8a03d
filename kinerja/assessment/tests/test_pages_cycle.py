"""/360/<cycle_id>/ (views.cycle_detail): the round's facts, the actor's own tasks, list and
results link, and for admins the completion counts and the actions — who sees what."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.accounts.models import User
from kinerja.assessment.models import CycleState, ReviewCycle
from kinerja.assessment.testing import make_cycle, make_sheet, make_team_360
from kinerja.core.testing import page_text
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

SEES_ROUND = {"employee", "supervisor", "appraiser_superior", "agency_admin", "hr_admin"}


def _url(cycle: ReviewCycle) -> str:
    return f"/360/{cycle.pk}/"


def _get(client: Client, user: User, cycle: ReviewCycle) -> str:
    client.force_login(user)
    response = client.get(_url(cycle))
    assert response.status_code == 200
    return page_text(response.content)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_round_opens_for_its_people_and_admins_and_is_404_for_others(
    client: Client, personas: Personas, name: str
) -> None:
    team = make_team_360(personas)
    client.force_login(personas.all()[name])
    response = client.get(_url(team.cycle))
    assert response.status_code == (200 if name in SEES_ROUND else 404)
    if response.status_code == 200:
        text = page_text(response.content)
        assert team.cycle.name in text
        assert ("Kelengkapan pengisian" in text) == (name in {"agency_admin", "hr_admin"})
        assert ("Tutup putaran" in text) == (name == "hr_admin")


def test_the_facts_show_scope_state_due_date_and_k(client: Client, personas: Personas) -> None:
    cycle = make_cycle(agency=None, state=CycleState.DRAFT, k=3)
    text = _get(client, personas.hr_admin, cycle)
    assert "Seluruh perangkat daerah" in text
    assert "Tahunan" in text
    assert "Penyusunan penilai" in text
    assert "Ambang anonimitas" in text
    assert "Buka pengisian" in text
    assert "Tutup putaran" not in text
    assert "Perbarui daftar penilai" in text


def test_a_closed_round_offers_quality_and_export_to_bkpsdm_only(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas, state=CycleState.CLOSED)
    text = _get(client, personas.hr_admin, team.cycle)
    assert "Sinyal mutu penilai" in text
    assert "Unduh rekap (XLSX)" in text
    assert "Perbarui daftar penilai" not in text
    admin = _get(client, personas.agency_admin, team.cycle)
    assert "Sinyal mutu penilai" not in admin
    assert "Unduh rekap (XLSX)" not in admin
    assert "Kelengkapan pengisian" in admin


def test_the_rated_employee_gets_their_list_and_once_closed_their_results(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    open_text = _get(client, personas.supervisor, team.cycle)
    assert "Daftar penilai saya" in open_text
    assert "Lihat hasil umpan balik 360 saya" not in open_text
    ReviewCycle.objects.filter(pk=team.cycle.pk).update(state=CycleState.CLOSED)
    assert "Lihat hasil umpan balik 360 saya" in _get(client, personas.supervisor, team.cycle)


def test_completion_counts_never_name_who_answered(client: Client, personas: Personas) -> None:
    team = make_team_360(personas)
    make_sheet(team.peer_reviews[0])
    make_sheet(team.supervisor_review)
    client.force_login(personas.hr_admin)
    response = client.get(_url(team.cycle))
    text = page_text(response.content)
    assert "2 dari 6" in text
    for name in ("Rekan Seksi", "Dewi Kabid", "Agus Wibowo"):
        assert name not in text
    assert "Terkirim" in text  # the column, not a person's status
    assert "Belum dikirim" not in text


def test_a_rater_sees_only_their_own_task_in_the_round(client: Client, personas: Personas) -> None:
    team = make_team_360(personas)
    make_sheet(team.peer_reviews[0])
    text = _get(client, personas.employee, team.cycle)
    assert "Tugas saya sebagai penilai" in text
    assert "Belum dikirim" in text
    assert "Kelengkapan pengisian" not in text
    assert "Rekan Seksi" not in text
