"""The perception survey API: rounds, results with the same suppression as the page
(ACCEPTANCE 1 for the API), answering once."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.engagement.models import PerceptionResponse, RoundState
from kinerja.engagement.perception_items import ITEM_CODES
from kinerja.engagement.testing import make_perception_responses, make_perception_round
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

URL = "/api/v1/perception-rounds/"


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_everyone_logged_in_lists_the_rounds(client: Client, personas: Personas, name: str) -> None:
    make_perception_round(title="Survei A")
    client.force_login(personas.all()[name])
    body = client.get(URL).json()
    assert [r["title"] for r in body["results"]] == ["Survei A"]


def test_acceptance_the_api_never_gives_a_group_of_4(client: Client, personas: Personas) -> None:
    perception_round = make_perception_round(state=RoundState.CLOSED)
    make_perception_responses(perception_round, count=4, agency=personas.agency, is_appraiser=True)
    make_perception_responses(perception_round, count=5, agency=personas.other_agency, value=2)
    client.force_login(personas.hr_admin)
    body = client.get(f"{URL}{perception_round.pk}/results/?agency={personas.agency.pk}").json()
    rows = {row["name"]: row for row in body["agencies"]}
    small = rows[personas.agency.name]
    assert small == {
        "id": personas.agency.pk,
        "name": personas.agency.name,
        "low_acceptance": False,
        "suppressed": True,
        "n": None,
        "indices": None,
        "overall": None,
    }
    big = rows[personas.other_agency.name]
    assert big["n"] == 5
    assert big["indices"]["PENERIMAAN"] == "25.0"
    assert big["low_acceptance"] is True
    assert body["agency"]["n"] is None
    assert body["agency"]["indices"] is None
    assert all(t["agency"] is None for t in body["themes"])
    assert body["city"]["n"] == 9
    city = client.get(f"{URL}{perception_round.pk}/results/").json()
    assert city["appraisers"]["suppressed"] is True
    assert city["appraisers"]["n"] is None
    assert city["non_appraisers"]["n"] == 5


@pytest.mark.parametrize("name", ["employee", "supervisor", "outsider"])
def test_results_are_refused_to_those_who_do_not_read_them(
    client: Client, personas: Personas, name: str
) -> None:
    perception_round = make_perception_round(state=RoundState.CLOSED)
    client.force_login(personas.all()[name])
    assert client.get(f"{URL}{perception_round.pk}/results/").status_code == 403


def test_an_agency_admin_asking_for_another_agency_is_refused(
    client: Client, personas: Personas
) -> None:
    perception_round = make_perception_round(state=RoundState.CLOSED)
    client.force_login(personas.agency_admin)
    ok = client.get(f"{URL}{perception_round.pk}/results/")
    assert ok.status_code == 200
    assert ok.json()["agency"]["id"] == personas.agency.pk
    other = f"{URL}{perception_round.pk}/results/?agency={personas.other_agency.pk}"
    assert client.get(other).status_code == 403


def test_an_employee_answers_through_the_api_once(client: Client, personas: Personas) -> None:
    perception_round = make_perception_round()
    client.force_login(personas.employee)
    url = f"{URL}{perception_round.pk}/responses/"
    payload = {"answers": dict.fromkeys(ITEM_CODES, 3), "remark": "Baik"}
    created = client.post(url, payload, content_type="application/json")
    assert created.status_code == 201
    assert "id" not in created.json()
    again = client.post(url, payload, content_type="application/json")
    assert again.status_code == 400
    assert "sudah mengisi" in str(again.json())
    assert PerceptionResponse.objects.count() == 1


def test_a_bad_item_is_refused_naming_it(client: Client, personas: Personas) -> None:
    perception_round = make_perception_round()
    client.force_login(personas.employee)
    answers = dict.fromkeys(ITEM_CODES, 3) | {"P05": 9}
    refused = client.post(
        f"{URL}{perception_round.pk}/responses/",
        {"answers": answers},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert "P05" in refused.json()
