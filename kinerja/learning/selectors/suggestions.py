"""The signals of one employee gathered for `kinerja.learning.suggestions.suggest`, in a constant
number of queries: feedback tags since the period began, 360° core values below
`rules.BEHAVIOR_LOW` in the latest closed round (through `kinerja.assessment.summary`, never the
answer sheets), the latest set evaluation's results rating, the post's kind, the competencies of
confirmed items this year, the plan's courses, the dictionary and the active catalogue.

Not authorised: the callers (the plan pages) have fetched the plan through its selector.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from kinerja.assessment.models import CycleState, ReviewCycle
from kinerja.assessment.summary import summary_build
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.learning.models import (
    Competency,
    DevelopmentItem,
    ItemState,
    TrainingCourse,
)
from kinerja.learning.rules import BEHAVIOR_LOW
from kinerja.learning.suggestions import CompetencyLink, CourseOption, Signals, Suggestion, suggest
from kinerja.monitoring.models import Competency as FeedbackCompetency
from kinerja.monitoring.models import FeedbackTag
from kinerja.organization.models import PositionKind
from kinerja.people.holdings import covering, today
from kinerja.people.models import Assignment, Employee
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.selectors import core_values
from kinerja.scoring.behavior import Relation
from kinerja.scoring.formatting import month_name
from kinerja.scoring.ratings import Rating


def _month(day: date) -> str:
    return f"{month_name(day.month)} {day.year}"


def _feedback_tags(employee_id: int, since: date) -> dict[str, int]:
    start = timezone.make_aware(datetime.combine(since, time.min))
    codes = FeedbackTag.objects.filter(
        feedback__employee_id=employee_id, feedback__created_at__gte=start
    ).values_list("competency", flat=True)
    return dict(Counter(codes))


def _low_values(employee_id: int) -> tuple[dict[str, Decimal], str]:
    """Core values whose lowest shown mean of the others' views (supervisor, peers,
    subordinates; never the self-assessment) in the latest closed round is below
    `BEHAVIOR_LOW`, and the round's label ("umpan balik 360 September 2026")."""
    cycle = (
        ReviewCycle.objects.filter(state=CycleState.CLOSED, lists__employee_id=employee_id)
        .order_by("-due_date", "-pk")
        .first()
    )
    if cycle is None:
        return {}, ""
    summary = summary_build(cycle=cycle, employee_id=employee_id)
    low: dict[str, Decimal] = {}
    for value in summary.values:
        means = [
            figure.mean
            for figure in value.figures
            if figure.shown and figure.mean is not None and figure.relation is not Relation.SELF
        ]
        if means and min(means) < BEHAVIOR_LOW:
            low[value.value.code] = min(means)
    return low, f"umpan balik 360 {_month(cycle.due_date)}"


def _results_below(employee_id: int) -> str:
    """ "Juni 2026" when the latest set evaluation rated results below expectation."""
    latest = (
        Evaluation.objects.filter(
            plan__employee_id=employee_id,
            state__in=[EvaluationState.RATED, EvaluationState.ACKNOWLEDGED],
        )
        .select_related("window", "plan__period")
        .order_by("-rated_at", "-pk")
        .first()
    )
    if latest is None or latest.results_rating != Rating.BELOW.value:
        return ""
    if latest.window is not None:
        return _month(latest.window.end_date)
    return f"tahunan {latest.plan.period.year}"


def _position_kind(employee_id: int, day: date) -> str:
    post = (
        Assignment.objects.filter(covering(day), employee_id=employee_id)
        .order_by("is_acting", "-start_date", "-pk")
        .values_list("position__kind", flat=True)
        .first()
    )
    return post or ""


def catalogue_options() -> tuple[list[CompetencyLink], list[CourseOption]]:
    """The active dictionary and catalogue as plain values (two queries)."""
    competencies = [
        CompetencyLink(
            competency_id=c.pk,
            name=c.name,
            feedback_tag=c.feedback_tag,
            core_value=c.core_value,
            position_kinds=frozenset(c.position_kinds or ()),
            kind=c.kind,
        )
        for c in Competency.objects.filter(is_active=True)
    ]
    active = Competency.objects.filter(is_active=True).only("pk")
    courses = [
        CourseOption(
            course_id=course.pk,
            title=course.title,
            jp=course.jp,
            competency_ids=frozenset(c.pk for c in course.competencies.all()),
            kind=course.kind,
        )
        for course in TrainingCourse.objects.filter(is_active=True).prefetch_related(
            Prefetch("competencies", queryset=active)
        )
    ]
    return competencies, courses


def signals_for_employee(*, employee: Employee, period: PerformancePeriod) -> Signals:
    day = today()
    low, round_label = _low_values(employee.pk)
    kind = _position_kind(employee.pk, day)
    developed = DevelopmentItem.objects.filter(
        plan__employee_id=employee.pk,
        state=ItemState.CONFIRMED,
        completed_on__year=day.year,
        competency__isnull=False,
    ).values_list("competency_id", flat=True)
    developed_by_course = DevelopmentItem.objects.filter(
        plan__employee_id=employee.pk, state=ItemState.CONFIRMED, completed_on__year=day.year
    ).values_list("course__competencies", flat=True)
    planned = DevelopmentItem.objects.filter(
        plan__employee_id=employee.pk, plan__period_id=period.pk, course__isnull=False
    ).values_list("course_id", flat=True)
    return Signals(
        feedback_tags=_feedback_tags(employee.pk, period.start_date),
        feedback_since=period.start_date,
        tag_labels={str(c.value): str(c.label) for c in FeedbackCompetency},
        low_values=low,
        value_labels={v.code: v.name for v in core_values()},
        round_label=round_label,
        results_below=_results_below(employee.pk),
        position_kind=kind,
        position_kind_label=str(PositionKind(kind).label) if kind in PositionKind.values else "",
        developed_this_year=frozenset(developed) | frozenset(x for x in developed_by_course if x),
        planned_course_ids=frozenset(planned),
    )


def suggestions_for_employee(*, employee: Employee, period: PerformancePeriod) -> list[Suggestion]:
    """The suggested courses for the employee's plan of `period`, each with its reasons; about
    ten queries whatever the feedback, the catalogue or the plan hold."""
    competencies, courses = catalogue_options()
    return suggest(
        signals=signals_for_employee(employee=employee, period=period),
        competencies=competencies,
        courses=courses,
    )
