"""Reads of SKP: one plan for an actor, the actor's own plans and their team's, and the plan
as a document (what the page, the PDF, the XLSX and the stored versions show).

Every selector fetches and authorises in one call (`kinerja.planning.permissions`); a plan the
actor may not see is a 404. Lists cost the same number of queries at any size.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import is_leader
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.people.models import Employee
from kinerja.people.permissions import team_chain_of
from kinerja.periods.models import EvaluationWindow
from kinerja.planning.models import (
    Aspect,
    Indicator,
    IndicatorSource,
    LeaderExpectation,
    PerformancePlan,
    PlannedResult,
    PlanState,
)
from kinerja.planning.permissions import can_view_plan
from kinerja.planning.rules import target_text
from kinerja.scoring.achievement import Polarity, ResultKind
from kinerja.scoring.ikm import IkmResult
from kinerja.surveys.indicator_values import satisfaction_values

DATA_DIR = Path(__file__).resolve().parent / "data"
WALI_KOTA = "Wali Kota"
NOT_STARTED = "Belum mulai"

PLAN_RELATED = (
    "period",
    "employee",
    "position",
    "position__agency",
    "position__unit",
    "appraiser",
    "appraiser_position",
)


# --- core values (reference/berakhlak.json) ----------------------------------------------------


@dataclass(frozen=True)
class CoreValue:
    code: str
    name: str
    behaviors: tuple[str, ...]


@cache
def core_values() -> tuple[CoreValue, ...]:
    """The 7 core values of ASN BerAKHLAK in the official order, each with its 3 behaviours."""
    data: dict[str, Any] = json.loads((DATA_DIR / "berakhlak.json").read_text(encoding="utf-8"))
    return tuple(
        CoreValue(code=v["code"], name=v["name"], behaviors=tuple(v["behaviors"]))
        for v in data["values"]
    )


def core_value_codes() -> frozenset[str]:
    return frozenset(v.code for v in core_values())


# --- one plan -----------------------------------------------------------------------------------


def plan_queryset() -> QuerySet[PerformancePlan]:
    return PerformancePlan.objects.select_related(*PLAN_RELATED)


def plan_get_for_actor(*, actor: Actor, plan_id: int) -> PerformancePlan:
    """The plan with its period, people and posts; 404 unless the actor may see it."""
    plan = plan_queryset().filter(pk=plan_id).first()
    if plan is None or not can_view_plan(actor, plan):
        raise Http404("SKP tidak ditemukan.")
    return plan


# --- the document -------------------------------------------------------------------------------


@dataclass
class ResultView:
    result: PlannedResult
    parent_text: str
    indicators: list[Indicator]
    number: int = 0


@dataclass(frozen=True)
class ExpectationView:
    code: str
    name: str
    behaviors: tuple[str, ...]
    text: str


@dataclass
class PlanDocument:
    plan: PerformancePlan
    main: list[ResultView]
    additional: list[ResultView]
    expectations: list[ExpectationView]
    appraiser_name: str
    appraiser_nip: str
    appraiser_position_name: str
    appraiser_grade: str
    employee_grade: str
    unit_name: str
    agency_name: str
    results: list[ResultView] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.results:
            self.results = [*self.main, *self.additional]


def _result_views(plan: PerformancePlan) -> list[ResultView]:
    rows = (
        PlannedResult.objects.filter(plan_id=plan.pk)
        .select_related("parent", "goal")
        .prefetch_related(
            Prefetch(
                "indicators",
                queryset=Indicator.objects.select_related("service_unit").order_by("number"),
            )
        )
        .order_by("kind", "number", "pk")
    )
    views = []
    for result in rows:
        parent_text = (
            result.parent.text if result.parent else result.goal.statement if result.goal else ""
        )
        views.append(ResultView(result, parent_text, list(result.indicators.all())))
    return views


def plan_document_build(*, plan: PerformancePlan) -> PlanDocument:
    """Everything a page, PDF or XLSX shows of the plan, in three queries (results with their
    parents and goals, indicators, expectations) when the plan came from `plan_queryset`."""
    views = _result_views(plan)
    main = [v for v in views if v.result.kind == ResultKind.UTAMA.value]
    additional = [v for v in views if v.result.kind != ResultKind.UTAMA.value]
    for group in (main, additional):
        for number, view in enumerate(group, start=1):
            view.number = number
    texts = dict(
        LeaderExpectation.objects.filter(plan_id=plan.pk).values_list("core_value", "text")
    )
    expectations = [
        ExpectationView(v.code, v.name, v.behaviors, texts.get(v.code, "")) for v in core_values()
    ]
    if plan.appraiser_is_mayor or plan.appraiser is None:
        name, nip, position_name, grade = WALI_KOTA, "", WALI_KOTA, ""
    else:
        name, nip = plan.appraiser.full_name, plan.appraiser.nip
        position_name = plan.appraiser_position.name if plan.appraiser_position else ""
        grade = plan.appraiser.grade
    position = plan.position
    return PlanDocument(
        plan=plan,
        main=main,
        additional=additional,
        expectations=expectations,
        appraiser_name=name,
        appraiser_nip=nip,
        appraiser_position_name=position_name,
        appraiser_grade=grade,
        employee_grade=plan.employee.grade,
        unit_name=position.unit.name if position.unit else "",
        agency_name=position.agency.name,
    )


@dataclass(frozen=True)
class SatisfactionValue:
    """The IKM of an indicator's service unit over one evaluation window of the plan."""

    window_name: str
    start: date
    end: date
    result: IkmResult | None


def plan_satisfaction_values(
    *, plan: PerformancePlan, indicators: Iterable[Indicator], day: date | None = None
) -> dict[int, list[SatisfactionValue]]:
    """Per indicator sourced from a unit's index, its value in each evaluation window of the
    plan's period that has started by `day` (today) and overlaps the plan, oldest first. No
    query without such an indicator; else two (the windows, the survey totals) at any count."""
    sourced = [
        i
        for i in indicators
        if i.source == IndicatorSource.SATISFACTION_INDEX and i.service_unit_id is not None
    ]
    if not sourced:
        return {}
    windows = list(
        EvaluationWindow.objects.filter(
            period_id=plan.period_id,
            start_date__lte=min(day or today(), plan.end_date),
            end_date__gte=plan.start_date,
        ).order_by("number")
    )
    values = satisfaction_values(
        service_unit_ids={i.service_unit_id for i in sourced if i.service_unit_id},
        windows=[(w.start_date, w.end_date) for w in windows],
    )
    return {
        indicator.pk: [
            SatisfactionValue(
                window_name=f"{window.name} {plan.period.year}",
                start=window.start_date,
                end=window.end_date,
                result=values.get((unit_id, window.start_date, window.end_date)),
            )
            for window in windows
        ]
        for indicator in sourced
        if (unit_id := indicator.service_unit_id) is not None
    }


def indicator_target_text(indicator: Indicator) -> str:
    return target_text(
        kind=indicator.target_kind,
        value=indicator.target_value,
        maximum=indicator.target_max,
        unit=indicator.target_unit,
        description=indicator.target_description,
    )


def plan_lines(*, document: PlanDocument) -> list[str]:
    """The readable rendering stored with each version and compared between versions: one line
    per result, indicator, expectation and annex field, in the document's order. Lines carry no
    numbers: removing the first result must show as one removed result, not as every later
    result renumbered."""
    plan = document.plan
    lines = [f"Pendekatan: {plan.get_approach_display()}"]
    for view in document.results:
        result = view.result
        head = f"RHK {ResultKind(result.kind).label}: {result.text}"
        if view.parent_text:
            head += f" (mengintervensi: {view.parent_text})"
        if result.perspective:
            head += f" [perspektif: {result.get_perspective_display()}]"
        lines.append(head)
        for indicator in view.indicators:
            aspect = Aspect(indicator.aspect).label if indicator.aspect in Aspect.values else ""
            source = ""
            if indicator.source == IndicatorSource.SATISFACTION_INDEX:
                source = f"; sumber: {IndicatorSource.SATISFACTION_INDEX.label}"
            lines.append(
                f"  IKI ({aspect}): {indicator.text}; target: "
                f"{indicator_target_text(indicator)}; "
                f"{Polarity(indicator.polarity).label.lower()}{source}; "
                f"{'wajib bukti dukung' if indicator.evidence_required else 'tanpa bukti dukung'}"
            )
    for expectation in document.expectations:
        if expectation.text:
            lines.append(f"Ekspektasi {expectation.name}: {expectation.text}")
    lines.append(f"Dukungan sumber daya: {plan.resource_support}")
    lines.append(f"Skema pertanggungjawaban: {plan.accountability_scheme}")
    lines.append(f"Konsekuensi: {plan.consequences}")
    return [str(line) for line in lines]


# --- lists --------------------------------------------------------------------------------------


def plan_list_for_actor(*, actor: Actor, period_id: int | None = None) -> QuerySet[PerformancePlan]:
    """The actor's own plans (newest period first), one query."""
    me = employee_id_for_user(actor)
    plans = plan_queryset().filter(employee_id=me if me is not None else -1)
    if period_id is not None:
        plans = plans.filter(period_id=period_id)
    return plans.order_by("-period__year", "period__is_trial", "start_date", "pk")


@dataclass(frozen=True)
class TeamPlanRow:
    employee: Employee
    position_id: int
    is_acting: bool
    plans: tuple[PerformancePlan, ...]

    @property
    def plan(self) -> PerformancePlan | None:
        """The plan for the subordinate's current post, else their latest plan of the period."""
        for plan in self.plans:
            if plan.position_id == self.position_id:
                return plan
        return self.plans[-1] if self.plans else None

    @property
    def state_label(self) -> str:
        plan = self.plan
        return plan.get_state_display() if plan is not None else NOT_STARTED

    @property
    def state(self) -> str:
        plan = self.plan
        return plan.state if plan is not None else ""


@dataclass(frozen=True)
class TeamPlans:
    rows: list[TeamPlanRow]
    period_id: int | None

    def count(self, state: str) -> int:
        """Subordinates whose plan is in `state` ("" counts those who have not started)."""
        return sum(1 for row in self.rows if row.state == state)


def plan_team_list_for_actor(*, actor: Actor, period_id: int | None = None) -> TeamPlans:
    """Each subordinate today ("Tim saya") with their plan of the period, or "Belum mulai".

    Without `period_id`, the period of the actor's latest plan or, failing that, the latest
    period holding any plan of the team. Queries: the chain (bounded by the tree's depth), the
    employees, the plans.
    """
    chain = team_chain_of(actor, day=today())
    if chain is None or not chain.subordinates:
        return TeamPlans(rows=[], period_id=period_id)
    holders = {h.employee_id: h for h in reversed(chain.subordinates)}
    employees = Employee.objects.in_bulk(list(holders))
    plans = plan_queryset().filter(employee_id__in=list(holders))
    if period_id is not None:
        plans = plans.filter(period_id=period_id)
    plan_rows = list(plans.order_by("-period__year", "period__is_trial", "start_date", "pk"))
    if period_id is None and plan_rows:
        period_id = plan_rows[0].period_id
    by_employee: dict[int, list[PerformancePlan]] = {}
    for plan in plan_rows:
        if plan.period_id == period_id:
            by_employee.setdefault(plan.employee_id, []).append(plan)
    rows = [
        TeamPlanRow(
            employee=employees[employee_id],
            position_id=holder.position_id,
            is_acting=holder.is_acting,
            plans=tuple(by_employee.get(employee_id, ())),
        )
        for employee_id, holder in holders.items()
        if employee_id in employees
    ]
    rows.sort(key=lambda row: (row.employee.name, row.employee.pk))
    return TeamPlans(rows=rows, period_id=period_id)


def plans_awaiting_decision(*, actor: Actor) -> QuerySet[PerformancePlan]:
    """Submitted plans the actor must approve or return (one query)."""
    me = employee_id_for_user(actor)
    plans = plan_queryset().filter(state=PlanState.SUBMITTED)
    if is_leader(actor):
        condition = Q(appraiser_is_mayor=True)
        if me is not None:
            condition |= Q(appraiser_id=me)
        return plans.filter(condition).order_by("period__plan_due_date", "submitted_at", "pk")
    return plans.filter(appraiser_id=me if me is not None else -1).order_by(
        "period__plan_due_date", "submitted_at", "pk"
    )
