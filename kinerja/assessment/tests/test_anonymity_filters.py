"""Adversarial: filtering by relation, core value or window never yields a group under k.

No query parameter narrows a group: the results page and the results API answer exactly the
same with any parameters as without. And for every relation and core value, a group of 0, 1
or 2 raters is suppressed ("kurang dari 3 penilai": no mean, no count, no comment), while a
value one rater could not rate ("tidak dapat menilai") drops that value's group under k on its
own, without touching the other values.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.assessment.models import RelationChoice
from kinerja.assessment.summary import summary_build
from kinerja.assessment.testing import (
    Team360,
    close_cycle,
    json_figures,
    make_sheet,
    make_team_360,
    make_team_360_sized,
    pattern_scores,
)
from kinerja.core.testing import page_text
from kinerja.people.testing import Personas
from kinerja.periods.models import EvaluationWindow
from kinerja.planning.selectors import core_values
from kinerja.scoring.behavior import Relation

pytestmark = pytest.mark.django_db

PATTERNS = ((1, 2, 3), (5, 4, 4), (2, 2, 3), (3, 3, 5), (1, 1, 2))


def _send_all(team: Team360, *, tag: str = "") -> None:
    """Every rater sends, each with a different pattern and a comment naming their review."""
    for n, review in enumerate(team.all_reviews):
        make_sheet(
            review,
            scores=pattern_scores(PATTERNS[n % len(PATTERNS)]),
            comments={
                v.code: f"Komentar {tag}{review.relation}-{review.pk}" for v in core_values()
            },
        )


def _results_url(team: Team360) -> str:
    return reverse(
        "assessment:results", kwargs={"cycle_id": team.cycle.pk, "employee_id": team.ratee.pk}
    )


def _queries(team: Team360) -> list[str]:
    window = EvaluationWindow.objects.filter(period_id=team.cycle.period_id).first()
    peer = team.peer_reviews[0]
    values = [v.code for v in core_values()]
    return [
        "hubungan=PEER",
        "hubungan=SUBORDINATE",
        "hubungan=SUPERVISOR",
        "hubungan=peer",
        f"nilai={values[0]}",
        f"nilai={values[0]}&hubungan=PEER",
        f"hubungan=PEER&nilai={values[0]}&evaluasi={window.pk if window else 1}"
        f"&periode={team.cycle.period_id}",
        f"evaluasi={window.pk if window else 1}",
        f"periode={team.cycle.period_id}",
        "evaluasi=tahunan",
        "relation=PEER&value=AKUNTABEL&core_value=AKUNTABEL&window=1&period=1",
        "hubungan=PEER&hubungan=SUBORDINATE&hubungan=PEER",
        f"nilai={values[0]}&nilai={values[1]}",
        "k=1&ambang=1&min=1&threshold=1",
        f"penilai={peer.rater_id}&rater={peer.rater_id}&review={peer.pk}&lembar=1",
        f"unit={team.reviewer_list.unit_id}&agency={team.reviewer_list.agency_id}",
        "sejak=2000-01-01&sampai=2000-01-02&since=2000-01-01&until=2000-01-02&tanggal=kemarin",
        "urut=terbaru&order=-submitted_on&sort=rater&page=2&halaman=2&limit=1&offset=1",
        "format=json&detail=1&mentah=1&raw=1&debug=1",
        "hubungan=&nilai=&evaluasi=&periode=",
        "hubungan=%00&nilai=%27%22%3C&evaluasi=-1&periode=99999999999999999999",
    ]


@pytest.fixture
def closed_team(personas: Personas) -> Team360:
    team = make_team_360(personas, peers=3)
    _send_all(team)
    close_cycle(team.cycle)
    return team


def test_no_query_parameter_changes_the_results_page(
    client: Client, personas: Personas, closed_team: Team360
) -> None:
    url = _results_url(closed_team)
    for user in (personas.supervisor, personas.appraiser_superior, personas.hr_admin):
        client.force_login(user)
        plain = client.get(url)
        assert plain.status_code == 200
        expected = page_text(plain.content)
        for query in _queries(closed_team):
            response = client.get(f"{url}?{query}")
            assert response.status_code == 200, query
            assert page_text(response.content) == expected, f"?{query} changes the page"


def test_no_query_parameter_changes_the_results_api(
    client: Client, personas: Personas, closed_team: Team360
) -> None:
    client.force_login(personas.supervisor)
    for url in ("/api/v1/360/results/", f"/api/v1/360/results/{closed_team.cycle.pk}/"):
        plain = client.get(url)
        assert plain.status_code == 200, url
        expected = plain.json()
        for query in _queries(closed_team):
            response = client.get(f"{url}?{query}")
            assert response.status_code == 200, f"{url}?{query}: {response.status_code}"
            assert response.json() == expected, f"{url}?{query} changes the answer"


@pytest.mark.parametrize("relation", [RelationChoice.PEER, RelationChoice.SUBORDINATE])
@pytest.mark.parametrize("count", [0, 1, 2])
def test_a_group_of_fewer_than_three_is_suppressed_on_every_value(
    client: Client, personas: Personas, relation: str, count: int
) -> None:
    peers = count if relation == RelationChoice.PEER else 3
    subordinates = count if relation == RelationChoice.SUBORDINATE else 3
    team = make_team_360_sized(personas, peers=peers, subordinates=subordinates)
    _send_all(team, tag="uji-")
    close_cycle(team.cycle)
    hidden, other = (
        Relation(relation),
        (Relation.SUBORDINATE if relation == RelationChoice.PEER else Relation.PEER),
    )
    hidden_reviews = [r for r in team.all_reviews if r.relation == relation]

    summary = summary_build(cycle=team.cycle, employee_id=team.ratee.pk)
    assert summary.available
    for value in summary.values:
        figure = value.figure(hidden)
        assert not figure.shown
        assert figure.count is None
        assert figure.mean is None
        assert figure.comments == ()
        assert figure.text == "kurang dari 3 penilai"
        assert value.figure(other).shown
        assert value.figure(other).count == 3

    client.force_login(personas.supervisor)
    html = client.get(_results_url(team)).content.decode()
    api = client.get(f"/api/v1/360/results/{team.cycle.pk}/")
    assert api.status_code == 200
    for review in hidden_reviews:
        marker = f"Komentar uji-{relation}-{review.pk}"
        assert marker not in html
        assert marker not in api.content.decode()
    assert page_text(html).count("kurang dari 3 penilai") >= len(core_values())
    figures = json_figures(api.json(), relation)
    assert len(figures) >= len(core_values())
    for found in figures:
        assert found.get("shown") is False
        assert found.get("count") is None
        assert found.get("mean") is None
        assert not found.get("comments")


def test_a_value_one_of_three_peers_could_not_rate_is_suppressed_alone(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas, peers=3)
    first = core_values()[0].code
    unsure, *sure = team.peer_reviews
    make_sheet(
        unsure,
        scores=pattern_scores((4, 4, 4), **{first: (None, None, None)}),
        comments={first: "Komentar tanpa skor", core_values()[1].code: "Komentar dengan skor"},
    )
    for n, review in enumerate(sure):
        make_sheet(review, scores=pattern_scores(PATTERNS[n]), comments={first: f"Rekan {n}"})
    close_cycle(team.cycle)

    summary = summary_build(cycle=team.cycle, employee_id=team.ratee.pk)
    for value in summary.values:
        figure = value.figure(Relation.PEER)
        if value.value.code == first:
            assert not figure.shown
            assert figure.count is None
            assert figure.comments == ()
        else:
            assert figure.shown
            assert figure.count == 3
    client.force_login(personas.supervisor)
    html = client.get(_results_url(team)).content.decode()
    for text in ("Komentar tanpa skor", "Rekan 0", "Rekan 1"):
        assert text not in html
    assert "Komentar dengan skor" in html
