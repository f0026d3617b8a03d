"""The 360° demo (demo.py): a finished Dukcapil round with full and suppressed groups, a round
in Pengisian with unsent tasks for the demo logins; seeding twice changes nothing.

Runs against the services (services/*.py); it fails until they are merged."""

from __future__ import annotations

import pytest

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE, DEMO_SUPERVISOR, DUKCAPIL_CODE
from kinerja.assessment.models import (
    AnswerSheet,
    BehaviorReview,
    CycleState,
    ReviewCycle,
    ReviewerList,
)
from kinerja.assessment.summary import summaries_build
from kinerja.core.demo import DemoOptions, demo_seeds_run
from kinerja.people.holdings import today
from kinerja.scoring.behavior import Relation

pytestmark = pytest.mark.django_db

GROUPS = (Relation.PEER, Relation.SUBORDINATE)


def _counts() -> tuple[int, int, int, int]:
    return (
        ReviewCycle.objects.count(),
        ReviewerList.objects.count(),
        BehaviorReview.objects.count(),
        AnswerSheet.objects.count(),
    )


def test_the_demo_seeds_a_finished_round_and_an_open_one_once() -> None:
    lines = demo_seeds_run(DemoOptions(employees=400, seed=3))
    assert any("Umpan balik 360" in line and "lembar terkirim" in line for line in lines)
    rounds = ReviewCycle.objects.filter(agency__code=DUKCAPIL_CODE)

    running = rounds.get(window__isnull=True, period__year=today().year)
    assert running.state == CycleState.OPEN
    assert running.due_date > today()
    sri = ReviewerList.objects.get(cycle=running, employee__nip=DEMO_SUPERVISOR.username)
    assert sri.state == ReviewerList.State.APPROVED
    for nip in (DEMO_EMPLOYEE.username, DEMO_SUPERVISOR.username):
        unsent = BehaviorReview.objects.filter(
            reviewer_list__cycle=running, rater__nip=nip, submitted_on__isnull=True,
            withdrawn_on__isnull=True,
        )  # fmt: skip
        assert unsent.exists()
    assert BehaviorReview.objects.filter(
        reviewer_list__cycle=running, submitted_on__isnull=False
    ).exists()

    finished = rounds.filter(state=CycleState.CLOSED).first()
    if finished is None:
        pytest.skip("no window of this year has closed yet")
    assert finished.due_date < today()
    employee_ids = list(finished.lists.values_list("employee_id", flat=True))
    summaries = summaries_build(cycle=finished, employee_ids=employee_ids)
    figures = [
        value.figure(relation)
        for summary in summaries.values()
        for value in summary.values
        for relation in GROUPS
    ]
    assert any(f.shown and f.count is not None and f.count >= finished.k for f in figures)
    with_raters = set(
        BehaviorReview.objects.filter(
            reviewer_list__cycle=finished, relation__in=[r.value for r in GROUPS]
        ).values_list("reviewer_list__employee_id", flat=True)
    )
    suppressed = [
        f
        for employee_id in with_raters
        for value in summaries[employee_id].values
        for f in value.figures
        if f.relation in GROUPS and not f.shown
    ]
    assert suppressed
    assert all(f.text == f"kurang dari {finished.k} penilai" for f in suppressed)
    assert all(f.comments == () and f.mean is None for f in suppressed)

    before = _counts()
    demo_seeds_run(DemoOptions(employees=400, seed=3))
    assert _counts() == before
