"""Adversarial: nobody reads another person's raw answers.

Another rater, the rated employee, the appraiser, the appraiser's superior, Admin OPD, Admin
BKPSDM, Pimpinan, Inspektorat and an outsider all get 404 on a peer's questionnaire page and on
its API task, reading or writing, exactly as for an id that does not exist; only the rater
opens it.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.accounts.models import User
from kinerja.assessment.keys import sheet_key
from kinerja.assessment.models import AnswerSheet, BehaviorReview
from kinerja.assessment.testing import Team360, full_scores, make_sheet, make_team_360
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.planning.selectors import core_values

pytestmark = pytest.mark.django_db

SECRET = "Komentar rahasia rekan pertama"
OTHERS = (*PERSONA_NAMES, "other_peer")


@pytest.fixture
def team(personas: Personas) -> Team360:
    team = make_team_360(personas, peers=3)
    make_sheet(
        team.peer_reviews[0], scores=full_scores(2),
        comments={core_values()[0].code: SECRET},
    )  # fmt: skip
    make_sheet(team.peer_reviews[1])
    return team


def _user(personas: Personas, team: Team360, name: str) -> User:
    return team.peer_users[1] if name == "other_peer" else personas.all()[name]


def _urls(review_id: int) -> tuple[str, str]:
    return (
        reverse("assessment:answer", kwargs={"review_id": review_id}),
        f"/api/v1/360/tasks/{review_id}/",
    )


@pytest.mark.parametrize("name", OTHERS)
def test_someone_elses_questionnaire_and_task_are_404_to_everyone_else(
    client: Client, personas: Personas, team: Team360, name: str
) -> None:
    review = team.peer_reviews[0]
    page, api = _urls(review.pk)
    client.force_login(_user(personas, team, name))
    before = AnswerSheet.objects.get(key=sheet_key(review.pk))
    for response in (
        client.get(page),
        client.post(page, {"aksi": "kirim"}),
        client.get(api),
        client.put(
            api, {"scores": full_scores(5), "comments": {}, "submit": True},
            content_type="application/json",
        ),
    ):  # fmt: skip
        assert response.status_code == 404, (
            f"{name}: {response.request['REQUEST_METHOD']} {response.status_code}"
        )
        assert SECRET not in response.content.decode()
    after = AnswerSheet.objects.get(pk=before.pk)
    assert (after.scores, after.comments) == (before.scores, before.comments)


@pytest.mark.parametrize("name", OTHERS)
def test_an_id_that_does_not_exist_answers_the_same_404(
    client: Client, personas: Personas, team: Team360, name: str
) -> None:
    missing = (
        BehaviorReview.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ) + 1000
    client.force_login(_user(personas, team, name))
    for existing, absent in zip(_urls(team.peer_reviews[0].pk), _urls(missing), strict=True):
        assert client.get(existing).status_code == client.get(absent).status_code == 404


def test_the_rater_alone_reads_their_answers(
    client: Client, personas: Personas, team: Team360
) -> None:
    page, api = _urls(team.peer_reviews[0].pk)
    client.force_login(team.peer_users[0])
    assert client.get(page).status_code == 200
    response = client.get(api)
    assert response.status_code == 200
    assert SECRET in response.content.decode()
