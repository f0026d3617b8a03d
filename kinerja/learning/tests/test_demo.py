"""The learning demo (demo.py): the dictionary and catalogue, Agus's agreed plan with the
suggested communication course, plans in every state, employees above and below 20 JP, a
mandatory coaching plan; seeding twice changes nothing.

Runs against the services (services/*.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db.models import Sum

from kinerja.accounts.demo_identities import (
    DEMO_APPRAISER_SUPERIOR,
    DEMO_EMPLOYEE,
    DEMO_SUPERVISOR,
    DUKCAPIL_CODE,
)
from kinerja.core.demo import DemoOptions, demo_seeds_run
from kinerja.learning.data import starter_catalogue, starter_dictionary
from kinerja.learning.models import (
    Competency,
    DevelopmentItem,
    DevelopmentPlan,
    ItemSource,
    ItemState,
    PlanState,
    TrainingCourse,
)
from kinerja.learning.rules import COACHING_PREDIKAT, JP_TARGET
from kinerja.people.holdings import today

pytestmark = pytest.mark.django_db


def _confirmed_jp_by_employee() -> dict[int, Decimal]:
    rows = (
        DevelopmentItem.objects.filter(
            state=ItemState.CONFIRMED, completed_on__year=today().year, plan__period__is_trial=False
        )
        .values("plan__employee_id")
        .annotate(jp=Sum("jp_earned"))
    )
    return {row["plan__employee_id"]: row["jp"] for row in rows}


def _counts() -> tuple[int, int, int, int]:
    return (
        Competency.objects.count(),
        TrainingCourse.objects.count(),
        DevelopmentPlan.objects.count(),
        DevelopmentItem.objects.count(),
    )


def test_the_demo_seeds_the_catalogue_plans_in_every_state_and_coaching_once() -> None:
    lines = demo_seeds_run(DemoOptions(employees=400, seed=3))

    assert Competency.objects.count() == len(starter_dictionary()), lines
    assert TrainingCourse.objects.count() == len(starter_catalogue())
    assert TrainingCourse.objects.get(code="komunikasi-pelayanan-publik").competencies.exists()

    year = today().year
    plans = DevelopmentPlan.objects.filter(period__year=year, agency__code=DUKCAPIL_CODE)
    assert set(plans.values_list("state", flat=True)) == set(PlanState.values), lines
    returned = plans.get(state=PlanState.RETURNED)
    assert returned.return_reason
    sri_plan = plans.get(employee__nip=DEMO_SUPERVISOR.username)
    assert sri_plan.state == PlanState.PROPOSED
    assert sri_plan.appraiser is not None
    assert sri_plan.appraiser.nip == DEMO_APPRAISER_SUPERIOR.username

    agus = plans.get(employee__nip=DEMO_EMPLOYEE.username)
    assert agus.state == PlanState.AGREED
    suggested = agus.items.get(source=ItemSource.SUGGESTED)
    assert suggested.course is not None
    assert suggested.course.code == "komunikasi-pelayanan-publik"
    assert "umpan balik bertanda komunikasi sejak" in suggested.reason
    assert int(suggested.reason.split()[0]) >= 3
    confirmed = agus.items.get(state=ItemState.CONFIRMED)
    assert confirmed.certificate_content_type == "application/pdf"
    assert confirmed.certificate_sha256
    assert confirmed.confirmed_by is not None
    waiting = agus.items.get(state=ItemState.COMPLETED)
    assert waiting.certificate_name
    assert waiting.jp_earned

    jp = _confirmed_jp_by_employee()
    assert any(value >= JP_TARGET for value in jp.values()), jp
    assert any(value < JP_TARGET for value in jp.values()), jp

    coaching = DevelopmentPlan.objects.filter(is_coaching=True).select_related(
        "trigger_evaluation__plan"
    )
    assert coaching.exists(), lines  # Agus: the appeals demo rates him Butuh Perbaikan
    for plan in coaching:
        evaluation = plan.trigger_evaluation
        assert evaluation is not None
        assert (evaluation.plan.employee_id, evaluation.plan.period_id) == (
            plan.employee_id,
            plan.period_id,
        )
        assert (
            evaluation.predikat in COACHING_PREDIKAT
            or evaluation.objections.filter(predikat_before__in=COACHING_PREDIKAT).exists()
        )  # an objection may have raised it since
        assert plan.items.filter(source=ItemSource.COACHING).exists()

    before = _counts()
    again = demo_seeds_run(DemoOptions(employees=400, seed=3))
    assert _counts() == before
    assert any(f"Rencana pengembangan {DEMO_EMPLOYEE.name} sudah ada." in line for line in again)
    assert any("(0 baru)" in line for line in again)
