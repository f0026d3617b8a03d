"""Reads of the rating pages: /penilaian/ (my evaluations and my team's to rate in a group's
time) and /penilaian/<id>/ (one evaluation with what it is rated on: each result's indicators,
the realisations of the window with their evidence, the continuous feedback; each core value
with its behaviours, the leader's expectation and the feedback on it).

Each fetches and authorises in one call (`selectors.common.evaluation_get_for_actor`: 404 for
outsiders and for the employee while it is a draft). The list costs the same number of
queries for 3 subordinates and for 300.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, Q
from django.db.models.functions import TruncDate

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import is_auditor, is_leader
from kinerja.assessment.selectors.results import feedback360_for_plan
from kinerja.assessment.summary import Summary360, ValueSummary
from kinerja.evaluation.models import (
    BehaviorRating,
    Evaluation,
    EvaluationState,
    OrganizationRating,
    ResultRating,
)
from kinerja.evaluation.notes import EvaluationNote, evaluation_notes
from kinerja.evaluation.permissions import can_acknowledge_evaluation, can_rate_plan
from kinerja.evaluation.rules import (
    Scope,
    evaluation_change_refusal,
    objection_deadline,
    rating_early_refusal,
)
from kinerja.evaluation.selectors.common import (
    evaluation_get_for_actor,
    evaluation_queryset,
    scope_filter,
)
from kinerja.evaluation.selectors.distribution import organization_rating_for
from kinerja.monitoring.models import Feedback, FeedbackSubject, Realization
from kinerja.monitoring.selectors.evidence import EvidenceItem, evidence_by_realization_for_plan
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.people.permissions import is_appraiser_of, is_appraiser_superior_of
from kinerja.periods.models import PeriodState
from kinerja.planning.models import Indicator, LeaderExpectation, PerformancePlan, PlannedResult
from kinerja.planning.permissions import is_plan_decider
from kinerja.planning.selectors import CoreValue, core_values, indicator_target_text, plan_queryset
from kinerja.scoring.achievement import ResultKind

RATING_STATES = frozenset({PeriodState.EXECUTION, PeriodState.EVALUATION})
"""Evaluations are opened and rated while the period runs (periodic windows) and while it is
being evaluated; never in Perencanaan (nothing to rate yet) or once Ditutup."""
NOT_STARTED = "Belum dimulai"

# --- the list ------------------------------------------------------------------------------


@dataclass
class TeamRow:
    """One plan the actor rates, with its evaluation of the group's time (None: not started)."""

    plan: PerformancePlan
    evaluation: Evaluation | None

    @property
    def state(self) -> str:
        return self.evaluation.state if self.evaluation else "NOT_STARTED"

    @property
    def state_label(self) -> str:
        return self.evaluation.get_state_display() if self.evaluation else NOT_STARTED


@dataclass
class EvaluationList:
    scope: Scope
    mine: list[Evaluation]
    team: list[TeamRow]
    may_start: bool
    """The period's stage allows opening evaluations (Pelaksanaan or Evaluasi)."""
    is_employee: bool
    """The actor is an employee (has evaluations of their own)."""


def decider_plans(actor: Actor) -> Q | None:
    """The plans the actor decides (`is_plan_decider`) as a filter: the appraiser fixed on the
    plan, and for a Pimpinan user the plans the Wali Kota rates. None when there are none."""
    me = employee_id_for_user(actor)
    query = Q(appraiser_id=me, appraiser_is_mayor=False) if me is not None else None
    if is_leader(actor):
        mayor = Q(appraiser_is_mayor=True)
        query = mayor if query is None else query | mayor
    return query


def scope_plans(scope: Scope) -> Q:
    """Approved plans of the scope's period that the scope's time covers."""
    query = Q(period_id=scope.period.pk, approved_version__isnull=False)
    if scope.window is not None:
        query &= Q(start_date__lte=scope.window.end_date, end_date__gte=scope.window.start_date)
    return query


def evaluation_list_for_actor(*, actor: Actor, scope: Scope) -> EvaluationList:
    """My rated evaluations of the scope's period (never drafts), and every approved plan I
    decide that the scope's time covers with its evaluation of that time: three queries."""
    me = employee_id_for_user(actor)
    mine: list[Evaluation] = []
    if me is not None:
        mine = list(
            evaluation_queryset()
            .filter(plan__employee_id=me, plan__period_id=scope.period.pk)
            .exclude(state=EvaluationState.DRAFT)
            .order_by(F("window__number").asc(nulls_last=True), "plan__start_date", "pk")
        )
    team: list[TeamRow] = []
    decider = decider_plans(actor)
    if decider is not None:
        plans = list(
            plan_queryset()
            .filter(decider, scope_plans(scope))
            .order_by("employee__name", "start_date", "pk")
        )
        found = {
            e.plan_id: e
            for e in Evaluation.objects.filter(
                scope_filter(scope), plan_id__in=[p.pk for p in plans]
            )
        }
        team = [TeamRow(plan, found.get(plan.pk)) for plan in plans]
    return EvaluationList(
        scope=scope,
        mine=mine,
        team=team,
        may_start=scope.period.state in RATING_STATES,
        is_employee=me is not None,
    )


# --- one evaluation ------------------------------------------------------------------------


@dataclass
class IndicatorRow:
    indicator: Indicator
    target_text: str
    realization: Realization | None
    evidence: list[EvidenceItem]


@dataclass
class ResultRow:
    row: ResultRating
    result: PlannedResult
    label: str
    parent_text: str
    indicators: list[IndicatorRow]
    feedback: list[Feedback]


@dataclass
class BehaviorRow:
    value: CoreValue
    row: BehaviorRating | None
    expectation: str
    feedback: list[Feedback]
    feedback360: ValueSummary | None = None  # this value in the latest closed 360° round


@dataclass
class EvaluationPage:
    evaluation: Evaluation
    scope: Scope
    results: list[ResultRow]
    behaviors: list[BehaviorRow]
    may_rate: bool
    may_acknowledge: bool
    may_see_feedback: bool
    organization: OrganizationRating | None
    early_refusal: str | None
    change_refusal: str | None
    objection_deadline: date | None
    feedback360: Summary360 | None = None  # the latest closed 360° round of the window
    notes: list[EvaluationNote] = field(default_factory=list)  # from the apps above

    @property
    def objection_open(self) -> bool:
        """The objection window runs today (acknowledged, and the deadline not passed)."""
        return self.objection_deadline is not None and today() <= self.objection_deadline

    @property
    def main(self) -> list[ResultRow]:
        return [r for r in self.results if r.result.kind == ResultKind.UTAMA.value]

    @property
    def additional(self) -> list[ResultRow]:
        return [r for r in self.results if r.result.kind != ResultKind.UTAMA.value]


def _scope_realizations(plan: PerformancePlan, scope: Scope) -> dict[int, Realization]:
    """Each indicator's realisation of the window; for the year, its latest window's."""
    rows = Realization.objects.filter(plan_id=plan.pk).select_related("window")
    if scope.window is not None:
        rows = rows.filter(window_id=scope.window.pk)
    else:
        rows = rows.filter(window__period_id=scope.period.pk)
    latest: dict[int, Realization] = {}
    for realization in rows.order_by("window__number", "pk"):
        latest[realization.indicator_id] = realization
    return latest


def _feedback_visible(actor: Actor, plan: PerformancePlan) -> bool:
    """Whether the actor reads every piece of feedback of the plan's employee (the feedback
    rule of `monitoring.feedback_permissions`: the employee, the appraiser and their superior,
    Inspektorat; and the deciding side of the plan, who rates on it). Others read only what
    they wrote."""
    me = employee_id_for_user(actor)
    if me == plan.employee_id or is_plan_decider(actor, plan) or is_auditor(actor):
        return True
    if me is None:
        return False
    return is_appraiser_of(actor, plan.employee_id) or is_appraiser_superior_of(
        actor, plan.employee_id
    )


def _feedback(actor: Actor, plan: PerformancePlan, everything: bool) -> list[Feedback]:
    rows = (
        Feedback.objects.filter(employee_id=plan.employee_id)
        .filter(
            Q(subject=FeedbackSubject.RESULT, result__plan_id=plan.pk)
            | Q(subject=FeedbackSubject.CORE_VALUE)
        )
        .annotate(day=TruncDate("created_at"))
        .filter(day__gte=plan.start_date)
        .select_related("author")
        .order_by("created_at", "pk")
    )
    if not everything:
        me = employee_id_for_user(actor)
        rows = rows.filter(author_id=me) if me is not None else rows.none()
    return list(rows)


def evaluation_page_for_actor(*, actor: Actor, evaluation_id: int) -> EvaluationPage:
    """One evaluation with everything its page shows; 404 unless the actor may see it. A
    constant number of queries whatever the number of results and evidence."""
    evaluation = evaluation_get_for_actor(actor=actor, evaluation_id=evaluation_id)
    plan = evaluation.plan
    if evaluation.window is not None:
        evaluation.window.period = plan.period
    scope = Scope(plan.period, evaluation.window)
    ratings = sorted(
        ResultRating.objects.filter(evaluation_id=evaluation.pk).select_related(
            "result", "result__parent", "result__goal"
        ),
        key=lambda r: (r.result.kind != ResultKind.UTAMA.value, r.result.number, r.result_id),
    )
    indicators: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in Indicator.objects.filter(result__plan_id=plan.pk).order_by("number", "pk"):
        indicators[indicator.result_id].append(indicator)
    realizations = _scope_realizations(plan, scope)
    evidence = evidence_by_realization_for_plan(
        actor=actor, plan=plan, realization_ids=[r.pk for r in realizations.values()]
    )
    everything = _feedback_visible(actor, plan)
    feedback = _feedback(actor, plan, everything)
    by_result: dict[int, list[Feedback]] = defaultdict(list)
    by_value: dict[str, list[Feedback]] = defaultdict(list)
    for item in feedback:
        if item.subject == FeedbackSubject.RESULT and item.result_id is not None:
            by_result[item.result_id].append(item)
        elif item.subject == FeedbackSubject.CORE_VALUE:
            by_value[item.core_value].append(item)
    results = []
    for rating in ratings:
        result = rating.result
        kind = "Utama" if result.kind == ResultKind.UTAMA.value else "Tambahan"
        parent = (
            result.parent.text if result.parent else result.goal.statement if result.goal else ""
        )
        rows = []
        for indicator in indicators.get(result.pk, []):
            found = realizations.get(indicator.pk)
            rows.append(
                IndicatorRow(
                    indicator=indicator,
                    target_text=indicator_target_text(indicator),
                    realization=found,
                    evidence=evidence.get(found.pk, []) if found else [],
                )
            )
        results.append(
            ResultRow(
                row=rating,
                result=result,
                label=f"{kind} {result.number}",
                parent_text=parent,
                indicators=rows,
                feedback=by_result.get(result.pk, []),
            )
        )
    behavior_rows = {
        row.core_value: row for row in BehaviorRating.objects.filter(evaluation_id=evaluation.pk)
    }
    expectations = dict(
        LeaderExpectation.objects.filter(plan_id=plan.pk).values_list("core_value", "text")
    )
    feedback360 = feedback360_for_plan(actor=actor, plan=plan, window_id=evaluation.window_id)
    behaviors = [
        BehaviorRow(
            value=value,
            row=behavior_rows.get(value.code),
            expectation=expectations.get(value.code, ""),
            feedback=by_value.get(value.code, []),
            feedback360=feedback360.value(value.code) if feedback360 else None,
        )
        for value in core_values()
    ]
    is_draft = evaluation.state == EvaluationState.DRAFT
    change_refusal = evaluation_change_refusal(evaluation)
    may_rate = is_draft and can_rate_plan(actor, plan) and change_refusal is None
    organization = None
    if evaluation.results_from_organization:
        organization = organization_rating_for(agency_id=plan.position.agency_id, scope=scope)
    return EvaluationPage(
        evaluation=evaluation,
        scope=scope,
        results=results,
        behaviors=behaviors,
        may_rate=may_rate,
        may_acknowledge=can_acknowledge_evaluation(actor, evaluation),
        may_see_feedback=everything,
        organization=organization,
        early_refusal=rating_early_refusal(scope, today(), "") if may_rate else None,
        change_refusal=change_refusal,
        objection_deadline=objection_deadline(evaluation),
        feedback360=feedback360,
        notes=evaluation_notes(actor, evaluation) if not is_draft else [],
    )
