"""What the evaluation document says, computed once as plain values (`EvaluationDocument`) so
the PDF template only places them: the official layout of PermenPANRB 6/2022's evaluation
form (REGULATIONS.md §1 "Evaluation form").

Read in a fixed number of queries whatever the number of results: the plan as a document
(`plan_document_build`: three), the ratings per result and per core value (two), the
realisations of the group's time with their evidence (two), the appraiser's feedback (one), the
agency's distribution with the organisation predikat (`group_distribution`: five at most).

Decisions [I]:
- The realisation shown for an indicator is the one of the evaluated window; for the year, the
  latest window's (realisations are cumulative). Only submitted or accepted ones count, as for
  the suggestions (`kinerja.evaluation.suggestions.COUNTED_STATES`).
- "Umpan balik berkelanjutan" is the appraiser's feedback on that result or core value given
  within the window (for the year: within the plan's dates); a peer's feedback is for the
  employee's development, not for the official form.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Prefetch
from django.utils import timezone

from kinerja.evaluation.documents import text
from kinerja.evaluation.models import BehaviorRating, Evaluation, EvaluationState, ResultRating
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.distribution import group_distribution
from kinerja.evaluation.suggestions import COUNTED_STATES
from kinerja.monitoring.models import Evidence, Feedback, FeedbackSubject, Realization
from kinerja.planning.selectors import ResultView, indicator_target_text, plan_document_build
from kinerja.scoring.formatting import format_date_id
from kinerja.scoring.ratings import OrganizationPredikat, Predikat, Rating


@dataclass(frozen=True)
class Person:
    """One side of the people table: name, NIP (grouped), rank, position, unit."""

    name: str
    nip: str
    grade: str
    position: str
    unit: str


@dataclass(frozen=True)
class IndicatorLine:
    aspect: str
    text: str
    target: str
    realization: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class ResultLine:
    """A result with its indicators, the appraiser's feedback on it and its rating (with the
    reason when the rating departs from the suggestion)."""

    number: int
    parent_text: str
    text: str
    indicators: tuple[IndicatorLine, ...]
    feedback: tuple[str, ...]
    rating: str
    suggestion: str
    reason: str

    @property
    def span(self) -> int:
        return max(len(self.indicators), 1)


@dataclass(frozen=True)
class BehaviorLine:
    number: int
    name: str
    behaviors: tuple[str, ...]
    expectation: str
    feedback: tuple[str, ...]
    rating: str
    note: str


@dataclass(frozen=True)
class OverallRating:
    """The results or behaviour rating: the decision, the suggestion with its basis, and the
    reason given for departing from it."""

    rating: str
    suggestion: str
    basis: str
    reason: str


@dataclass(frozen=True)
class DistributionLine:
    label: str
    count: int


@dataclass
class EvaluationDocument:
    evaluation: Evaluation
    heading: str
    government: str
    agency_name: str
    period_dates: str
    is_trial: bool
    notice: str
    employee: Person
    appraiser: Person
    main: list[ResultLine]
    additional: list[ResultLine]
    behaviors: list[BehaviorLine]
    results: OverallRating
    behavior: OverallRating
    predikat: str
    organization_predikat: str
    distribution: list[DistributionLine]
    distribution_total: int
    distribution_note: str
    violations: list[str]
    place: str
    rated_on: str
    acknowledged_on: str
    file_name: str
    groups: list[tuple[str, list[ResultLine]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.groups:
            self.groups = [("A. Utama", self.main), ("B. Tambahan", self.additional)]


def _label(value: str, enum: type[Rating] | type[Predikat] | type[OrganizationPredikat]) -> str:
    return enum(value).label if value else ""


def _local_date(moment: datetime | None) -> date | None:
    return timezone.localtime(moment).date() if moment else None


def _scope(evaluation: Evaluation) -> Scope:
    return Scope(evaluation.plan.period, evaluation.window)


def _realizations(evaluation: Evaluation) -> dict[int, Realization]:
    """The counted realisation of each indicator for the group's time, evidence prefetched."""
    rows = Realization.objects.filter(
        plan_id=evaluation.plan_id, state__in=COUNTED_STATES
    ).prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("created_at", "pk")))
    if evaluation.window is not None:
        rows = rows.filter(window_id=evaluation.window.pk)
    else:
        rows = rows.filter(window__period_id=evaluation.plan.period_id)
    latest: dict[int, Realization] = {}
    for row in rows.order_by("window__number"):
        latest[row.indicator_id] = row
    return latest


def _feedback(evaluation: Evaluation) -> tuple[dict[int, list[str]], dict[str, list[str]]]:
    """The appraiser's feedback on each result and each core value, oldest first."""
    plan = evaluation.plan
    start, end = (
        (evaluation.window.start_date, evaluation.window.end_date)
        if evaluation.window is not None
        else (plan.start_date, plan.end_date)
    )
    rows = (
        Feedback.objects.filter(
            employee_id=plan.employee_id,
            author_is_appraiser=True,
            created_at__date__gte=start,
            created_at__date__lte=end,
            subject__in=(FeedbackSubject.RESULT, FeedbackSubject.CORE_VALUE),
        )
        .select_related("author")
        .order_by("created_at", "pk")
    )
    by_result: dict[int, list[str]] = defaultdict(list)
    by_value: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        line = text.feedback_line(row)
        if row.subject == FeedbackSubject.RESULT and row.result_id:
            by_result[row.result_id].append(line)
        elif row.subject == FeedbackSubject.CORE_VALUE and row.core_value:
            by_value[row.core_value].append(line)
    return by_result, by_value


def _indicator_lines(
    view: ResultView, realizations: dict[int, Realization]
) -> tuple[IndicatorLine, ...]:
    lines = []
    for indicator in view.indicators:
        found = realizations.get(indicator.pk)
        lines.append(
            IndicatorLine(
                aspect=indicator.get_aspect_display(),
                text=indicator.text,
                target=indicator_target_text(indicator),
                realization=text.realization_text(found, indicator) if found else "",
                evidence=tuple(text.evidence_title(e) for e in found.evidence.all())
                if found
                else (),
            )
        )
    return tuple(lines)


def _result_lines(
    views: list[ResultView],
    ratings: dict[int, ResultRating],
    realizations: dict[int, Realization],
    feedback: dict[int, list[str]],
) -> list[ResultLine]:
    lines = []
    for view in views:
        rated = ratings.get(view.result.pk)
        rating = rated.rating if rated else ""
        suggestion = rated.suggestion if rated else ""
        departs = bool(rating and suggestion and rating != suggestion)
        lines.append(
            ResultLine(
                number=view.number,
                parent_text=view.parent_text,
                text=view.result.text,
                indicators=_indicator_lines(view, realizations),
                feedback=tuple(feedback.get(view.result.pk, ())),
                rating=_label(rating, Rating),
                suggestion=_label(suggestion, Rating),
                reason=rated.reason if rated and departs else "",
            )
        )
    return lines


def _overall(rating: str, suggestion: str, basis: str, reason: str) -> OverallRating:
    departs = bool(rating and suggestion and rating != suggestion)
    return OverallRating(
        rating=_label(rating, Rating),
        suggestion=_label(suggestion, Rating),
        basis=basis,
        reason=reason if departs else "",
    )


def evaluation_document_build(*, evaluation: Evaluation) -> EvaluationDocument:
    """Everything the evaluation document prints, for an evaluation read with
    `kinerja.evaluation.selectors.common.evaluation_queryset`."""
    plan = evaluation.plan
    scope = _scope(evaluation)
    plan_document = plan_document_build(plan=plan)
    result_ratings = {
        row.result_id: row for row in ResultRating.objects.filter(evaluation_id=evaluation.pk)
    }
    behavior_ratings = {
        row.core_value: row for row in BehaviorRating.objects.filter(evaluation_id=evaluation.pk)
    }
    realizations = _realizations(evaluation)
    result_feedback, value_feedback = _feedback(evaluation)
    distribution = group_distribution(agency=plan.position.agency, scope=scope)
    organization = distribution.organization_rating

    behaviors = []
    for number, value in enumerate(plan_document.expectations, start=1):
        rated_value = behavior_ratings.get(value.code)
        behaviors.append(
            BehaviorLine(
                number=number,
                name=value.name,
                behaviors=value.behaviors,
                expectation=value.text,
                feedback=tuple(value_feedback.get(value.code, ())),
                rating=_label(rated_value.rating, Rating) if rated_value else "",
                note=rated_value.note if rated_value else "",
            )
        )
    unit_name = plan.position.unit.name if plan.position.unit else ""
    employee_unit = ", ".join(part for part in (unit_name, plan_document.agency_name) if part)
    rated_on = _local_date(evaluation.rated_at)
    acknowledged_on = _local_date(evaluation.acknowledged_at)
    return EvaluationDocument(
        evaluation=evaluation,
        heading=text.heading(scope),
        government=text.government_name(),
        agency_name=plan_document.agency_name,
        period_dates=text.period_dates(evaluation),
        is_trial=plan.period.is_trial,
        notice=text.state_notice(evaluation),
        employee=Person(
            name=plan.employee.full_name,
            nip=text.nip(plan.employee.nip),
            grade=text.grade_text(plan_document.employee_grade),
            position=plan.position.name,
            unit=employee_unit,
        ),
        appraiser=Person(
            name=plan_document.appraiser_name,
            nip=text.nip(plan_document.appraiser_nip),
            grade=text.grade_text(plan_document.appraiser_grade),
            position=plan_document.appraiser_position_name,
            unit=text.government_name() if plan.appraiser_is_mayor else plan_document.agency_name,
        ),
        main=_result_lines(plan_document.main, result_ratings, realizations, result_feedback),
        additional=_result_lines(
            plan_document.additional, result_ratings, realizations, result_feedback
        ),
        behaviors=behaviors,
        results=_overall(
            evaluation.results_rating,
            evaluation.results_suggestion,
            evaluation.results_suggestion_text,
            evaluation.results_reason,
        ),
        behavior=_overall(
            evaluation.behavior_rating,
            evaluation.behavior_suggestion,
            evaluation.behavior_suggestion_text,
            evaluation.behavior_reason,
        ),
        predikat=_label(evaluation.predikat, Predikat),
        organization_predikat=(
            _label(organization.predikat, OrganizationPredikat) if organization else ""
        ),
        distribution=[DistributionLine(p.label, distribution.counts[p]) for p in Predikat],
        distribution_total=distribution.total,
        distribution_note=text.distribution_note(distribution),
        violations=distribution.violations,
        place=text.place_name(),
        rated_on=format_date_id(rated_on) if rated_on else "",
        acknowledged_on=format_date_id(acknowledged_on) if acknowledged_on else "",
        file_name=text.file_name(evaluation, "pdf"),
    )


def is_printable(evaluation: Evaluation) -> bool:
    """Rated or acknowledged: the evaluations a batch of documents holds."""
    return evaluation.state in (EvaluationState.RATED, EvaluationState.ACKNOWLEDGED)
