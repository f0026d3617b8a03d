"""Builders for tests of planning and the apps above it: a period open for plans, plans at any
state with results and indicators, organisation goals.

They write rows directly (fast, no audit), but fix the post and appraiser from the chain of
command exactly as `plan_start` does, and a plan built SUBMITTED or APPROVED gets its stored
version 1 (`kinerja.discussions` DocumentVersion) as `plan_submit` would record it.
"""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

from kinerja.discussions.models import DocumentVersion
from kinerja.organization.models import Agency, Position
from kinerja.people.holdings import today
from kinerja.people.models import Employee
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.periods.testing import make_period
from kinerja.planning.models import (
    Aspect,
    GoalIndicator,
    Indicator,
    LeaderExpectation,
    OrganizationGoal,
    PerformancePlan,
    PlannedResult,
    PlanState,
    TargetKind,
)
from kinerja.planning.rules import plan_chain_for
from kinerja.scoring.achievement import ResultKind

_counter = itertools.count(1)


def make_open_period(
    *, year: int | None = None, state: str = PeriodState.PLANNING, is_trial: bool = False
) -> PerformancePeriod:
    """The period of `year` (default: this year), made by `kinerja.periods.testing.make_period`
    if missing, put in `state`."""
    year = year or today().year
    period = PerformancePeriod.objects.filter(year=year, is_trial=is_trial).first()
    if period is None:
        return make_period(year=year, state=state, is_trial=is_trial)
    if period.state != state:
        period.state = state
        period.save(update_fields=["state"])
    return period


def _plan_version(plan: PerformancePlan) -> None:
    from kinerja.planning.selectors import plan_document_build, plan_lines, plan_queryset

    fresh = plan_queryset().get(pk=plan.pk)
    DocumentVersion.objects.create(
        subject_type=plan._meta.label,
        subject_id=plan.pk,
        number=1,
        lines=plan_lines(document=plan_document_build(plan=fresh)),
        content={},
        created_by_name=plan.employee.full_name,
    )


def make_plan(
    *,
    employee: Employee,
    period: PerformancePeriod | None = None,
    position: Position | None = None,
    state: str = PlanState.DRAFT,
    results: int = 0,
    start_date: date | None = None,
) -> PerformancePlan:
    """A plan of `employee` in `period` (default: this year's, open), for their primary post
    on the start date (default: the period's start, or today if later), with `results` main
    results each with one indicator. SUBMITTED/APPROVED plans have version 1 stored."""
    period = period or make_open_period()
    day = start_date or min(max(period.start_date, today()), period.end_date)
    chain = plan_chain_for(employee_id=employee.pk, day=day)
    position_id = position.pk if position is not None else chain.position_id
    if position_id is None:
        raise ValueError(f"{employee} holds no post on {day}")
    plan = PerformancePlan.objects.create(
        period=period,
        employee=employee,
        position_id=position_id,
        start_date=day,
        end_date=period.end_date,
        appraiser_id=chain.appraiser_id,
        appraiser_position_id=chain.appraiser_position_id,
        appraiser_is_mayor=chain.appraiser_is_mayor,
    )
    for _ in range(results):
        make_result(plan=plan)
    if state in (PlanState.SUBMITTED, PlanState.APPROVED):
        _plan_version(plan)
        plan.version = 1
        if state == PlanState.APPROVED:
            plan.approved_version = 1
    plan.state = state
    plan.save()
    return plan


def make_result(
    *,
    plan: PerformancePlan,
    text: str = "",
    kind: str = ResultKind.UTAMA.value,
    parent: PlannedResult | None = None,
    goal: OrganizationGoal | None = None,
    indicators: int = 1,
) -> PlannedResult:
    """A result of `plan` (numbered after the last of its kind) with `indicators` indicators."""
    last = PlannedResult.objects.filter(plan=plan, kind=kind).order_by("-number").first()
    result = PlannedResult.objects.create(
        plan=plan,
        kind=kind,
        number=(last.number if last else 0) + 1,
        text=text or f"Hasil kerja uji {next(_counter)}",
        parent=parent,
        goal=goal,
    )
    for _ in range(indicators):
        make_indicator(result=result)
    return result


def make_indicator(
    *,
    result: PlannedResult,
    text: str = "",
    aspect: str = Aspect.QUANTITY,
    target_kind: str = TargetKind.NUMBER,
    target_value: Decimal | None = Decimal(12),
    target_max: Decimal | None = None,
    target_unit: str = "dokumen",
    target_description: str = "",
) -> Indicator:
    last = Indicator.objects.filter(result=result).order_by("-number").first()
    return Indicator.objects.create(
        result=result,
        number=(last.number if last else 0) + 1,
        aspect=aspect,
        text=text or f"Jumlah dokumen uji {next(_counter)}",
        target_kind=target_kind,
        target_value=target_value,
        target_max=target_max,
        target_unit=target_unit,
        target_description=target_description,
    )


def make_goal(
    *,
    agency: Agency,
    period: PerformancePeriod | None = None,
    statement: str = "",
    number: int | None = None,
    indicators: int = 1,
) -> OrganizationGoal:
    """An organisation goal of `agency` in `period` with `indicators` goal indicators."""
    period = period or make_open_period()
    if number is None:
        last = OrganizationGoal.objects.filter(agency=agency, period=period).order_by("-number")
        number = (last.first().number if last.exists() else 0) + 1  # type: ignore[union-attr]
    goal = OrganizationGoal.objects.create(
        agency=agency,
        period=period,
        number=number,
        statement=statement or f"Sasaran strategis uji {next(_counter)}",
    )
    for n in range(1, indicators + 1):
        GoalIndicator.objects.create(
            goal=goal,
            number=n,
            text=f"Indikator sasaran uji {n}",
            target_value=Decimal(90),
            target_unit="%",
        )
    return goal


def planning_snapshot() -> tuple[object, ...]:
    """Every planning row, version, comment and audit event as plain values: a refusal must
    leave it equal ("nothing changed")."""
    from kinerja.audit.models import AuditEvent
    from kinerja.discussions.models import Comment

    return (
        list(PerformancePlan.objects.order_by("pk").values()),
        list(PlannedResult.objects.order_by("pk").values()),
        list(Indicator.objects.order_by("pk").values()),
        list(LeaderExpectation.objects.order_by("pk").values()),
        DocumentVersion.objects.count(),
        Comment.objects.count(),
        AuditEvent.objects.count(),
    )
