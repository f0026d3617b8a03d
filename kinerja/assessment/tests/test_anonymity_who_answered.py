"""Adversarial: no page tells who has or has not answered, except the rater's own status.

While the round is open, one peer sending changes nothing on the pages the rated employee, her
appraiser or an admin can open about her list (the list page, the round page as a rated
employee or appraiser, /360/, the home page): they read the same words before and after.
The quality page (BKPSDM, for calibration) names no peer or subordinate and quotes no comment.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.accounts.models import User
from kinerja.assessment.testing import (
    Team360,
    close_cycle,
    full_scores,
    make_sheet,
    make_team_360,
)
from kinerja.core.testing import page_text
from kinerja.people.testing import Personas
from kinerja.planning.selectors import core_values

pytestmark = pytest.mark.django_db


def _views(personas: Personas, team: Team360) -> list[tuple[User, str]]:
    cycle, ratee = team.cycle.pk, team.ratee.pk
    list_url = reverse("assessment:list_detail", kwargs={"cycle_id": cycle, "employee_id": ratee})
    round_url = reverse("assessment:cycle_detail", kwargs={"cycle_id": cycle})
    index = reverse("assessment:index")
    return [
        (personas.supervisor, list_url),
        (personas.appraiser_superior, list_url),
        (personas.hr_admin, list_url),
        (personas.agency_admin, list_url),
        (personas.supervisor, round_url),
        (personas.appraiser_superior, round_url),
        (personas.supervisor, index),
        (personas.appraiser_superior, index),
        (personas.supervisor, "/"),
        (personas.appraiser_superior, "/"),
    ]


def _read(client: Client, user: User, url: str) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, f"{url} as {user}: {response.status_code}"
    return page_text(response.content)


def test_a_peer_sending_changes_nothing_that_others_see_about_the_list(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas, peers=3)
    make_sheet(team.peer_reviews[1])
    views = _views(personas, team)
    before = [_read(client, user, url) for user, url in views]
    make_sheet(team.peer_reviews[0])
    make_sheet(team.subordinate_reviews[0])
    after = [_read(client, user, url) for user, url in views]
    for (user, url), old, new in zip(views, before, after, strict=True):
        assert old == new, f"{url} as {user} changes when a rater sends"


def test_the_quality_page_names_no_peer_or_subordinate_and_quotes_no_comment(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas, peers=3)
    for n, review in enumerate(team.all_reviews):
        make_sheet(
            review,
            scores=full_scores(1 + n % 5),
            comments={core_values()[0].code: f"Komentar mutu rahasia {n}"},
        )
    close_cycle(team.cycle)
    client.force_login(personas.hr_admin)
    response = client.get(reverse("assessment:quality", kwargs={"cycle_id": team.cycle.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Komentar mutu rahasia" not in html
    raters = [r.rater for r in team.peer_reviews + team.subordinate_reviews]
    for person in raters:
        assert person.name not in html, f"the quality page names {person.name}"
        assert person.nip not in html
