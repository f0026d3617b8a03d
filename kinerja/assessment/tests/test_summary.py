"""The one summary of an employee's 360° answers: what it shows and what it withholds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.assessment.models import CycleState, ReviewCycle
from kinerja.assessment.summary import summary_build
from kinerja.assessment.testing import full_scores, make_sheet, make_team_360
from kinerja.people.testing import Personas
from kinerja.scoring.behavior import Relation

pytestmark = pytest.mark.django_db


def _close(cycle: ReviewCycle) -> None:
    ReviewCycle.objects.filter(pk=cycle.pk).update(state=CycleState.CLOSED)
    cycle.state = CycleState.CLOSED


def test_three_peers_show_a_mean_and_comments_one_subordinate_shows_kurang_dari_3(
    personas: Personas,
) -> None:
    team = make_team_360(personas)
    for review, score in zip(team.peer_reviews, (5, 4, 3), strict=True):
        make_sheet(review, scores=full_scores(score), comments={"AKUNTABEL": f"Komentar {score}"})
    make_sheet(team.subordinate_reviews[0], comments={"AKUNTABEL": "Rahasia bawahan"})
    make_sheet(team.supervisor_review, scores=full_scores(2))
    _close(team.cycle)

    value = summary_build(cycle=team.cycle, employee_id=team.ratee.pk).value("AKUNTABEL")

    assert value is not None
    peers = value.figure(Relation.PEER)
    assert (peers.shown, peers.count, peers.mean) == (True, 3, Decimal("4.00"))
    assert peers.comments == ("Komentar 3", "Komentar 4", "Komentar 5")
    assert peers.text == "4,00 (3 penilai)"
    subordinates = value.figure(Relation.SUBORDINATE)
    assert (subordinates.shown, subordinates.count, subordinates.mean) == (False, None, None)
    assert subordinates.comments == ()
    assert subordinates.text == "kurang dari 3 penilai"
    supervisor = value.figure(Relation.SUPERVISOR)
    assert (supervisor.mean, supervisor.rater_name) == (Decimal("2.00"), "Dewi Kabid")


def test_nothing_is_shown_while_the_round_is_open(personas: Personas) -> None:
    team = make_team_360(personas)
    for review in team.all_reviews:
        make_sheet(review)

    summary = summary_build(cycle=team.cycle, employee_id=team.ratee.pk)

    assert (summary.available, summary.values) == (False, ())


def test_a_draft_and_cannot_rate_answers_do_not_count(personas: Personas) -> None:
    team = make_team_360(personas)
    make_sheet(team.peer_reviews[0])
    make_sheet(team.peer_reviews[1])
    make_sheet(team.peer_reviews[2], submitted=False)
    _close(team.cycle)

    value = summary_build(cycle=team.cycle, employee_id=team.ratee.pk).value("AKUNTABEL")

    assert value is not None
    assert not value.figure(Relation.PEER).shown
