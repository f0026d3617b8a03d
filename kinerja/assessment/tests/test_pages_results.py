"""The results page of one employee (/360/<cycle>/hasil/<employee>/): who sees it, what it
shows and what it withholds."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.assessment.testing import (
    LONE_SUBORDINATE_COMMENT,
    Team360,
    make_answered_team_360,
)
from kinerja.core.testing import page_text
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

ALLOWED = {"supervisor", "appraiser_superior", "hr_admin"}
"""The rated employee (Sri), her appraiser (the Kabid) and BKPSDM."""


def _url(team: Team360) -> str:
    return f"/360/{team.cycle.pk}/hasil/{team.ratee.pk}/"


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_the_employee_the_appraiser_and_bkpsdm_see_the_results(
    client: Client, personas: Personas, name: str
) -> None:
    team = make_answered_team_360(personas)
    client.force_login(personas.all()[name])
    response = client.get(_url(team))
    assert response.status_code == (200 if name in ALLOWED else 404)


def test_a_peer_rater_gets_404(client: Client, personas: Personas) -> None:
    team = make_answered_team_360(personas)
    client.force_login(team.peer_users[0])
    assert client.get(_url(team)).status_code == 404


def test_peers_show_a_mean_and_comments_and_the_lone_subordinate_is_withheld(
    client: Client, personas: Personas
) -> None:
    team = make_answered_team_360(personas)
    client.force_login(personas.supervisor)
    response = client.get(_url(team))
    text = page_text(response.content)
    assert "4,00 (3 penilai)" in text
    assert "kurang dari 3 penilai" in text
    assert LONE_SUBORDINATE_COMMENT not in text
    assert "Komentar rekan 3 Komentar rekan 4 Komentar rekan 5" in text
    assert "Dewi Kabid" in text
    assert "Cara membaca" in text
    assert 'role="img"' in response.content.decode()
    assert "pukul" not in text


def test_no_query_parameter_changes_what_is_shown(client: Client, personas: Personas) -> None:
    team = make_answered_team_360(personas)
    client.force_login(personas.hr_admin)
    plain = page_text(client.get(_url(team)).content)
    for query in ("?hubungan=PEER", "?nilai=AKUNTABEL", "?evaluasi=1&unit=2", "?k=1"):
        assert page_text(client.get(_url(team) + query).content) == plain


def test_an_open_round_shows_only_when_results_come(client: Client, personas: Personas) -> None:
    team = make_answered_team_360(personas, closed=False)
    client.force_login(personas.supervisor)
    text = page_text(client.get(_url(team)).content)
    assert "Hasil tampil setelah putaran selesai (batas pengisian" in text
    assert "penilai)" not in text
    assert "Komentar rekan" not in text
    assert "Cara membaca" not in text


def test_an_unknown_round_or_employee_is_404(client: Client, personas: Personas) -> None:
    team = make_answered_team_360(personas)
    client.force_login(personas.hr_admin)
    assert client.get(f"/360/{team.cycle.pk + 999}/hasil/{team.ratee.pk}/").status_code == 404
    other = personas.staff.head.pk
    assert client.get(f"/360/{team.cycle.pk}/hasil/{other}/").status_code == 404
