"""API of the rater's own tasks (api/tasks.py): the list holds only my own tasks, one task
with my own answers, PUT through the same service (same sentences as the page), 404 for
anyone else's id, constant queries."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.assessment.keys import sheet_key
from kinerja.assessment.models import AnswerSheet, ReviewCycle
from kinerja.assessment.questionnaire import COMMENT_MAX
from kinerja.assessment.testing import full_scores, make_sheet, make_team_360
from kinerja.people.holdings import today
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

URL = "/api/v1/360/tasks/"


def _put(client: Client, review_id: int, body: dict[str, Any]) -> Any:
    return client.put(f"{URL}{review_id}/", json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_list_holds_only_my_own_tasks(client: Client, personas: Personas, name: str) -> None:
    team = make_team_360(personas)
    client.force_login(personas.all()[name])

    response = client.get(URL)

    assert response.status_code == 200
    ids = {row["id"] for row in response.json()["results"]}
    expected = {
        "employee": {team.subordinate_reviews[0].pk},
        "supervisor": {team.self_review.pk},
        "appraiser_superior": {team.supervisor_review.pk},
    }.get(name, set())
    assert ids == expected


def test_a_task_row_says_whom_the_relation_the_round_and_the_due_date(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    client.force_login(team.peer_users[0])

    [row] = client.get(URL).json()["results"]

    assert row == {
        "id": team.peer_reviews[0].pk,
        "cycle_id": team.cycle.pk,
        "cycle_name": team.cycle.name,
        "ratee_name": "Sri Handayani",
        "relation": "PEER",
        "relation_label": "Rekan kerja",
        "due_date": team.cycle.due_date.isoformat(),
        "sent": False,
        "may_answer": True,
    }


def test_the_list_costs_the_same_queries_for_one_or_many_tasks(
    client: Client, personas: Personas
) -> None:
    """Agus (the employee persona) rates each team's ratee as a subordinate."""
    make_team_360(personas, peers=0)
    client.force_login(personas.employee)
    counts = []
    for more in (0, 3):
        for _ in range(more):
            make_team_360(personas, peers=0)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL)
        counts.append(len(queries))
    assert len(response.json()["results"]) == 4
    assert counts[0] == counts[1]


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_anyone_but_the_rater_gets_404_on_get_and_put(
    client: Client, personas: Personas, name: str
) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]
    make_sheet(review, comments={"AKUNTABEL": "Rahasia"})
    client.force_login(personas.all()[name])

    got = client.get(f"{URL}{review.pk}/")
    put = _put(client, review.pk, {"scores": {"LOYAL.1": 1}})

    assert (got.status_code, put.status_code) == (404, 404)
    assert "Rahasia" not in got.content.decode()
    assert AnswerSheet.objects.get(key=sheet_key(review.pk)).scores["LOYAL.1"] == 4


def test_another_peer_gets_404(client: Client, personas: Personas) -> None:
    team = make_team_360(personas)
    client.force_login(team.peer_users[1])
    assert client.get(f"{URL}{team.peer_reviews[0].pk}/").status_code == 404


def test_my_task_shows_my_own_answers(client: Client, personas: Personas) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]
    make_sheet(review, scores={"AKUNTABEL.1": 2, "AKUNTABEL.2": None},
               comments={"AKUNTABEL": "Baik"}, submitted=False)  # fmt: skip
    client.force_login(team.peer_users[0])

    data = client.get(f"{URL}{review.pk}/").json()

    assert data["scores"] == {"AKUNTABEL.1": 2, "AKUNTABEL.2": None}
    assert data["comments"] == {"AKUNTABEL": "Baik"}
    assert (data["sent"], data["submitted_on"], data["refusal"]) == (False, None, None)
    assert "id" in data
    assert "sheet" not in json.dumps(data)


def test_put_saves_a_draft_then_sends(client: Client, personas: Personas) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]
    client.force_login(team.peer_users[0])

    draft = _put(client, review.pk, {"scores": {"AKUNTABEL.1": 3}, "comments": {"LOYAL": "x"}})
    sent = _put(client, review.pk, {"scores": full_scores(4) | {"AKUNTABEL.1": 5}, "submit": True})

    assert draft.status_code == 200
    assert draft.json()["scores"] == {"AKUNTABEL.1": 3}
    assert sent.status_code == 200
    body = sent.json()
    assert (body["sent"], body["submitted_on"]) == (True, today().isoformat())
    assert body["scores"]["AKUNTABEL.1"] == 5
    assert body["comments"] == {"LOYAL": "x"}


def test_sending_incomplete_is_a_400_naming_the_missing_and_the_draft_is_kept(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]
    client.force_login(team.peer_users[0])
    _put(client, review.pk, {"scores": {"AKUNTABEL.1": 3}})

    response = _put(client, review.pk, {"scores": {"AKUNTABEL.2": 3}, "submit": True})

    assert response.status_code == 400
    assert "19 perilaku belum dijawab" in response.json()["scores"][0]
    sheet = AnswerSheet.objects.get(key=sheet_key(review.pk))
    assert (sheet.scores, sheet.submitted) == ({"AKUNTABEL.1": 3}, False)


@pytest.mark.parametrize("score", [0, 6, "5", True])
def test_a_bad_score_is_a_400_with_the_rules_sentence(
    client: Client, personas: Personas, score: object
) -> None:
    team = make_team_360(personas)
    client.force_login(team.peer_users[0])

    response = _put(client, team.peer_reviews[0].pk, {"scores": {"ADAPTIF.2": score}})

    assert response.status_code == 400
    assert response.json() == {
        "ADAPTIF.2": [
            f"Skor “{score}” tidak sah; isi bilangan bulat 1-5 atau pilih “Tidak dapat menilai”."
        ]
    }


def test_unknown_codes_long_comments_and_wrong_shapes_are_400_in_indonesian(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]
    client.force_login(team.peer_users[0])

    bad = _put(client, review.pk, {"scores": {"RAMAH.9": 3},
                                   "comments": {"AKUNTABEL": "a" * (COMMENT_MAX + 1)}})  # fmt: skip
    shape = _put(client, review.pk, {"scores": [1, 2], "submit": "mungkin"})

    assert bad.status_code == 400
    assert bad.json()["scores"] == [
        "Perilaku “RAMAH.9” tidak dikenal; pakai kode seperti AKUNTABEL.1 sampai KOLABORATIF.3."
    ]
    assert bad.json()["comment_AKUNTABEL"][0].startswith("Komentar terlalu panjang (1001")
    assert shape.status_code == 400
    assert shape.json()["scores"][0].startswith("Isian “scores” harus berupa objek")
    assert shape.json()["submit"] == ["Isian “submit” harus true atau false."]
    assert not AnswerSheet.objects.exists()


def test_after_the_due_date_put_is_refused_and_the_task_says_why(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]
    make_sheet(review)
    ReviewCycle.objects.filter(pk=team.cycle.pk).update(due_date=today() - timedelta(days=1))
    client.force_login(team.peer_users[0])

    response = _put(client, review.pk, {"scores": {"LOYAL.1": 1}})
    task = client.get(f"{URL}{review.pk}/").json()

    assert response.status_code == 400
    assert "sudah lewat" in response.json()["state"][0]
    assert task["may_answer"] is False
    assert "sudah lewat" in task["refusal"]
    assert AnswerSheet.objects.get(key=sheet_key(review.pk)).scores["LOYAL.1"] == 4
