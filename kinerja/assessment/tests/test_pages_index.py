"""/360/ (views.index): my tasks as a rater with my own status only, my results per closed
round, my team's lists and my own list in Penyusunan, the rounds for admins — who sees what,
and constant queries."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.accounts.models import User
from kinerja.assessment.models import CycleState, ReviewerList
from kinerja.assessment.testing import make_cycle, make_reviewer_list, make_sheet, make_team_360
from kinerja.core.testing import page_query_count, page_text
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

URL = "/360/"


def _get(client: Client, user: User) -> str:
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    return page_text(response.content)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_page_opens_for_everyone_and_shows_each_only_their_part(
    client: Client, personas: Personas, name: str
) -> None:
    make_team_360(personas)
    text = _get(client, personas.all()[name])
    raters = {"employee", "supervisor", "appraiser_superior"}
    assert ("Tugas saya sebagai penilai" in text) == (name in raters)
    assert ("Putaran umpan balik 360" in text) == (
        name in {"agency_admin", "other_admin", "hr_admin"}
    )
    assert ("Buat putaran" in text) == (name == "hr_admin")
    if name in {"leader", "auditor", "outsider"}:
        assert "Tidak ada umpan balik 360 untuk Anda" in text


def test_a_rater_sees_whom_they_rate_and_only_their_own_status(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    make_sheet(team.peer_reviews[0])  # another rater has sent: never shown to anyone
    text = _get(client, personas.employee)
    assert "Sri Handayani" in text
    assert "Bawahan" in text
    assert "Belum dikirim" in text
    assert "Terkirim" not in text
    assert "Isi kuesioner" in text
    assert "Rekan Seksi" not in text


def test_a_sent_task_reads_terkirim_and_may_still_be_changed(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    make_sheet(team.subordinate_reviews[0])
    text = _get(client, personas.employee)
    assert "Terkirim" in text
    assert "Ubah jawaban" in text


def test_a_task_after_the_due_date_reads_ditutup_without_a_button(
    client: Client, personas: Personas
) -> None:
    make_team_360(personas, cycle=make_cycle(agency=personas.agency, due_in_days=-1))
    text = _get(client, personas.employee)
    assert "Ditutup" in text
    assert "Isi kuesioner" not in text


def test_a_closed_round_gives_the_rated_employee_a_link_to_their_results(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas, state=CycleState.CLOSED)
    client.force_login(personas.supervisor)
    response = client.get(URL)
    text = page_text(response.content)
    assert "Hasil umpan balik 360 saya" in text
    assert f"/360/{team.cycle.pk}/hasil/{team.ratee.pk}/".encode() in response.content
    assert "Hasil umpan balik 360 saya" not in _get(client, personas.employee)


def test_the_appraiser_sees_the_team_lists_and_the_employee_their_own_in_penyusunan(
    client: Client, personas: Personas
) -> None:
    cycle = make_cycle(agency=personas.agency, state=CycleState.DRAFT)
    make_reviewer_list(
        cycle, personas.staff.employee, agency=personas.agency, unit_id=personas.staff.unit.pk,
        appraiser=personas.staff.supervisor, state=ReviewerList.State.PROPOSED,
    )  # fmt: skip
    supervisor = _get(client, personas.supervisor)
    assert "Daftar penilai tim saya" in supervisor
    assert "Agus Wibowo" in supervisor
    assert "Usulan" in supervisor
    employee = _get(client, personas.employee)
    assert "Daftar penilai saya" in employee
    assert "Daftar penilai tim saya" not in employee


def test_the_rounds_table_names_scope_state_and_due_date(
    client: Client, personas: Personas
) -> None:
    make_cycle(agency=None, name="Putaran Kota")
    make_cycle(agency=personas.agency, state=CycleState.DRAFT, name="Putaran Dukcapil")
    text = _get(client, personas.hr_admin)
    assert "Seluruh perangkat daerah" in text
    assert personas.agency.name in text
    assert "Tahunan" in text
    assert "Penyusunan penilai" in text
    other = _get(client, personas.other_admin)
    assert "Putaran Kota" in other
    assert "Putaran Dukcapil" not in other


def test_the_page_costs_the_same_queries_for_one_task_or_many(
    client: Client, personas: Personas
) -> None:
    make_team_360(personas, peers=1)
    client.force_login(personas.supervisor)
    few = page_query_count(client, URL)
    for _ in range(4):
        make_team_360(personas, peers=1)  # more rounds where Sri rates herself
    more_rounds = page_query_count(client, URL)

    assert more_rounds == few
