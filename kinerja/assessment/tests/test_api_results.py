"""API of the employee's own 360° results (api/results.py): only their own, closed rounds,
suppressed groups without a number, no endpoint about another employee."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.assessment.testing import LONE_SUBORDINATE_COMMENT, make_answered_team_360
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db

LIST = "/api/v1/360/results/"


def test_the_url_names() -> None:
    assert reverse("api:assessment-results") == LIST
    assert reverse("api:assessment-result", kwargs={"cycle_id": 7}) == f"{LIST}7/"


def test_the_employee_reads_their_own_results(client: Client, personas: Personas) -> None:
    team = make_answered_team_360(personas)
    client.force_login(personas.supervisor)
    [found] = client.get(LIST).json()
    assert found["cycle_id"] == team.cycle.pk
    assert found["available"] is True
    akuntabel = next(v for v in found["values"] if v["code"] == "AKUNTABEL")
    figures = {f["relation"]: f for f in akuntabel["figures"]}
    assert figures["PEER"]["mean"] == "4.00"
    assert figures["PEER"]["count"] == 3
    assert figures["PEER"]["rater_name"] == ""
    assert figures["SUBORDINATE"] == {
        "relation": "SUBORDINATE", "label": "Bawahan", "shown": False, "count": None,
        "mean": None, "text": "kurang dari 3 penilai", "comments": [], "rater_name": "",
    }  # fmt: skip
    assert figures["SUPERVISOR"]["rater_name"] == "Dewi Kabid"
    detail = client.get(f"{LIST}{team.cycle.pk}/")
    assert detail.status_code == 200
    assert detail.json() == found
    assert LONE_SUBORDINATE_COMMENT not in detail.content.decode()


def test_an_open_round_is_not_listed(client: Client, personas: Personas) -> None:
    make_answered_team_360(personas, closed=False)
    client.force_login(personas.supervisor)
    assert client.get(LIST).json() == []


def test_nobody_reads_another_employees_results(client: Client, personas: Personas) -> None:
    team = make_answered_team_360(personas)
    for user in (personas.appraiser_superior, personas.hr_admin, team.peer_users[0]):
        client.force_login(user)
        assert client.get(LIST).json() == []
        assert client.get(f"{LIST}{team.cycle.pk}/").status_code == 404


def test_anonymous_is_refused(client: Client, personas: Personas) -> None:
    team = make_answered_team_360(personas)
    assert client.get(LIST).status_code in (401, 403)
    assert client.get(f"{LIST}{team.cycle.pk}/").status_code in (401, 403)
