"""Adversarial: a rater who leaves mid-round does not make a group drop under k.

After results were shown (3 peers sent, round closed, "3 penilai"), the peer's assignment
ends: the roster sync cannot touch a finished round and withdrawing the peer is refused, so
the page still reads "3 penilai" with the same mean. During the open round, a peer who sent
and then left stays counted.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from kinerja.assessment.models import AnswerSheet, BehaviorReview
from kinerja.assessment.summary import summary_build
from kinerja.assessment.testing import (
    Team360,
    close_cycle,
    make_sheet,
    make_team_360,
    pattern_scores,
)
from kinerja.core.testing import page_text
from kinerja.people.holdings import today
from kinerja.people.models import Assignment
from kinerja.people.testing import Personas
from kinerja.scoring.behavior import Relation

pytestmark = pytest.mark.django_db

PEER_PATTERNS = ((3, 3, 3), (4, 4, 5), (5, 5, 5))  # value scores 3, 4,33, 5: mean 4,11


def _send(team: Team360) -> None:
    for review, pattern in zip(team.peer_reviews, PEER_PATTERNS, strict=True):
        make_sheet(review, scores=pattern_scores(pattern))
    make_sheet(team.supervisor_review)
    make_sheet(team.self_review)


def _leave(review: BehaviorReview) -> None:
    """The rater's assignment ended yesterday (mutasi out of the agency)."""
    Assignment.objects.filter(employee_id=review.rater_id, end_date__isnull=True).update(
        end_date=today() - timedelta(days=1)
    )


def _peer_figures(team: Team360) -> list[tuple[bool, int | None, object]]:
    summary = summary_build(cycle=team.cycle, employee_id=team.ratee.pk)
    return [
        (v.figure(Relation.PEER).shown, v.figure(Relation.PEER).count, v.figure(Relation.PEER).mean)
        for v in summary.values
    ]


def _page(client: Client, team: Team360) -> str:
    url = reverse(
        "assessment:results", kwargs={"cycle_id": team.cycle.pk, "employee_id": team.ratee.pk}
    )
    response = client.get(url)
    assert response.status_code == 200
    return page_text(response.content)


def test_a_peer_who_leaves_after_results_were_shown_keeps_the_group_at_three(
    client: Client, personas: Personas
) -> None:
    from kinerja.assessment.services.lists import behavior_review_withdraw
    from kinerja.assessment.services.roster import cycle_roster_sync

    team = make_team_360(personas, peers=3)
    _send(team)
    close_cycle(team.cycle)
    client.force_login(personas.supervisor)
    shown = _page(client, team)
    assert "4,11 (3 penilai)" in shown
    figures = _peer_figures(team)
    assert all(count == 3 for _, count, _ in figures)

    leaver = team.peer_reviews[0]
    _leave(leaver)
    with pytest.raises((ValidationError, PermissionDenied)):
        cycle_roster_sync(actor=personas.hr_admin, cycle=team.cycle)
    with pytest.raises((ValidationError, PermissionDenied)):
        behavior_review_withdraw(actor=personas.hr_admin, review=leaver, reason="Pindah tugas")
    with pytest.raises((ValidationError, PermissionDenied)):
        behavior_review_withdraw(
            actor=personas.appraiser_superior, review=leaver, reason="Pindah tugas"
        )

    leaver.refresh_from_db()
    assert leaver.withdrawn_on is None
    assert (
        AnswerSheet.objects.filter(cycle=team.cycle, relation="PEER", submitted=True).count() == 3
    )
    assert _peer_figures(team) == figures
    assert _page(client, team) == shown


def test_a_peer_who_sent_and_then_left_during_the_round_stays_counted(
    client: Client, personas: Personas
) -> None:
    from kinerja.assessment.services.roster import cycle_roster_sync

    team = make_team_360(personas, peers=3)
    _send(team)
    leaver = team.peer_reviews[0]
    _leave(leaver)
    cycle_roster_sync(actor=personas.hr_admin, cycle=team.cycle)

    leaver.refresh_from_db()
    assert leaver.withdrawn_on is None, "a rater who had sent was withdrawn"
    close_cycle(team.cycle)
    assert all(count == 3 for _, count, _ in _peer_figures(team))
    client.force_login(personas.supervisor)
    assert "4,11 (3 penilai)" in _page(client, team)


def test_a_peer_who_left_before_sending_is_withdrawn_and_the_group_is_then_suppressed(
    client: Client, personas: Personas
) -> None:
    """The other side: a leaver who had not sent is taken off (no silent half-group), and
    the two who sent stay under k."""
    from kinerja.assessment.services.roster import cycle_roster_sync

    team = make_team_360(personas, peers=3)
    for review, pattern in zip(team.peer_reviews[1:], PEER_PATTERNS[1:], strict=True):
        make_sheet(review, scores=pattern_scores(pattern))
    leaver = team.peer_reviews[0]
    _leave(leaver)
    cycle_roster_sync(actor=personas.hr_admin, cycle=team.cycle)
    leaver.refresh_from_db()
    assert leaver.withdrawn_on is not None
    close_cycle(team.cycle)
    assert all(not shown and count is None for shown, count, _ in _peer_figures(team))
    client.force_login(personas.supervisor)
    text = _page(client, team)
    assert "kurang dari 3 penilai" in text
    assert "(2 penilai)" not in text
