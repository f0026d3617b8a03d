"""The planning demo: plans at every state, the demo employee's returned-then-resubmitted plan
with a thread, the demo supervisor's approved plan with one orphan result; idempotent."""

from __future__ import annotations

import pytest

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE, DEMO_SUPERVISOR
from kinerja.audit.models import AuditEvent
from kinerja.core.demo import DemoOptions, demo_seeds_run
from kinerja.discussions.models import Comment, DocumentVersion
from kinerja.people.holdings import today
from kinerja.planning.demo import demo_seed
from kinerja.planning.models import OrganizationGoal, PerformancePlan, PlannedResult, PlanState

pytestmark = pytest.mark.django_db


def test_the_demo_holds_plans_at_every_state_and_the_chain_the_logins_see() -> None:
    options = DemoOptions(employees=400, seed=3)
    lines = demo_seeds_run(options)  # its speed is measured by `make bench`, not here
    assert any("SKP demo" in line for line in lines)
    states = set(PerformancePlan.objects.values_list("state", flat=True))
    assert states == {PlanState.DRAFT, PlanState.SUBMITTED, PlanState.RETURNED, PlanState.APPROVED}
    mine = PerformancePlan.objects.get(
        employee__nip=DEMO_EMPLOYEE.username, period__year=today().year
    )
    # Returned, submitted again as version 2, then approved by the appraiser in monitoring's
    # demo (so that the demo employee can try realisations).
    assert (mine.state, mine.version, mine.approved_version) == (PlanState.APPROVED, 2, 2)
    assert (
        DocumentVersion.objects.filter(
            subject_id=mine.pk, subject_type="planning.PerformancePlan"
        ).count()
        == 2
    )
    first = mine.results.order_by("number").first()
    assert first is not None
    assert (
        Comment.objects.filter(
            thread__subject_id=first.pk, thread__subject_type="planning.PlannedResult"
        ).count()
        == 3
    )
    boss = PerformancePlan.objects.get(
        employee__nip=DEMO_SUPERVISOR.username, period__year=today().year
    )
    assert boss.state == PlanState.APPROVED
    contributed = [r.contributions.count() for r in boss.results.order_by("number")]
    assert contributed[0] > 0
    assert contributed[1] > 0
    assert contributed[2] == 0
    assert PlannedResult.objects.filter(goal__isnull=False).count() == 3
    assert OrganizationGoal.objects.count() == 3
    assert PerformancePlan.objects.count() > 100

    again = demo_seed(options)
    assert again == [f"SKP demo {boss.period.name} sudah ada."]
    assert AuditEvent.objects.filter(action="demo_plans.seeded").count() == 1
