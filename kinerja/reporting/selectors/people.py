"""A unit's people and one person's figures for a period, read straight from the owning apps
in a constant number of queries (the list: one query per column family for the page's 50
rows; the person: one query per kind of record), authorised like the unit dashboard.

- `unit_people_for_actor`: the employees whose stored home unit (`Employee.home_unit`) is the
  unit or one of its sub-units, searched by name or NIP, with the period's plan state, the
  latest final evaluation's predikat and the open objections.
- `person_for_actor`: one employee (readers of their home agency; 403 otherwise, 404 when
  unknown): post, unit, agency, plans, evaluations, objections, realisations on time and late,
  360° completion and the year's JP, each plan and evaluation with a link only where the
  viewer may open it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.urls import reverse

from kinerja.accounts.actors import Actor
from kinerja.accounts.login_names import login_name_normalize
from kinerja.accounts.permissions import refuse
from kinerja.organization.models import Agency, Unit
from kinerja.people.holdings import covering, today
from kinerja.people.models import Assignment, Employee
from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.panels.base import Level
from kinerja.reporting.permissions import agency_dashboard_refusal, city_dashboard_refusal
from kinerja.reporting.selectors.dashboard import (
    UnitTree,
    dashboard_url,
    periods_for_dashboard,
    scope_for_actor,
    unit_tree,
)
from kinerja.scoring.formatting import format_date_id, format_decimal
from kinerja.scoring.ratings import Predikat

PAGE_SIZE = 50
FINAL_EVALUATION_STATES = ("RATED", "ACKNOWLEDGED")


def period_pick(period_id: int | None) -> tuple[PerformancePeriod | None, list[PerformancePeriod]]:
    """The chosen real period (default: the newest) and all of them; 404 for an unknown one."""
    periods = periods_for_dashboard()
    if period_id is None:
        return (periods[0] if periods else None), periods
    for period in periods:
        if period.pk == period_id:
            return period, periods
    raise Http404


def predikat_label(value: str) -> str:
    try:
        return str(Predikat(value).label)
    except ValueError:
        return value or "-"


def _state_label(choices: type, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def person_url(employee_id: int, period_id: int | None) -> str:
    url = reverse("reporting:person", args=[employee_id])
    return f"{url}?periode={period_id}" if period_id else url


# --- a unit's people ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRow:
    employee_id: int
    name: str
    nip: str
    employment_type: str
    post: str
    plan_state: str
    predikat: str
    open_objections: int
    url: str


@dataclass(frozen=True)
class UnitPeople:
    unit: Unit
    agency: Agency
    period: PerformancePeriod | None
    periods: tuple[PerformancePeriod, ...]
    page: Page[Employee]
    rows: tuple[PersonRow, ...]
    query: str
    trail: tuple[tuple[str, str], ...]


def _search(employees: QuerySet[Employee], query: str) -> QuerySet[Employee]:
    """A NIP (with or without spaces) matches by prefix; anything else searches the name."""
    normalized = login_name_normalize(query)
    if normalized.isdigit():
        return employees.filter(nip__startswith=normalized)
    for word in query.split():
        employees = employees.filter(name__icontains=word)
    return employees


def unit_people_queryset(
    unit_ids: Sequence[int], *, day: date, query: str = ""
) -> QuerySet[Employee]:
    """Employees whose home unit (`Employee.home_unit`, the stored rule of people.holdings) is
    one of `unit_ids`, by name, each with `post_name` (their definitive post on `day`). The
    index (home_unit, name, id) serves the filter and the order."""
    post = Assignment.objects.filter(
        covering(day), is_acting=False, employee=OuterRef("pk")
    ).order_by("-start_date", "-pk")
    employees = Employee.objects.filter(home_unit_id__in=list(unit_ids))
    if query:
        employees = _search(employees, query)
    return (
        employees.annotate(post_name=Subquery(post.values("position__name")[:1]))
        .only("nip", "name", "title_prefix", "title_suffix", "employment_type")
        .order_by("name", "pk")
    )


def _plan_states(ids: list[int], period: PerformancePeriod) -> dict[int, str]:
    from kinerja.planning.models import PerformancePlan, PlanState

    states: dict[int, str] = {}
    rows = (
        PerformancePlan.objects.filter(period=period, employee_id__in=ids)
        .order_by("employee_id", "start_date", "pk")
        .values_list("employee_id", "state")
    )
    for employee_id, state in rows:  # the latest plan of each (a mid-year move makes two)
        states[employee_id] = _state_label(PlanState, state)
    return states


def _latest_predikat(ids: list[int], period: PerformancePeriod) -> dict[int, str]:
    from kinerja.evaluation.models import Evaluation

    found: dict[int, str] = {}
    rows = (
        Evaluation.objects.filter(
            plan__period=period, plan__employee_id__in=ids, state__in=FINAL_EVALUATION_STATES
        )
        .exclude(predikat="")
        .order_by("plan__employee_id", "rated_at", "pk")
        .values_list("plan__employee_id", "predikat")
    )
    for employee_id, predikat in rows:
        found[employee_id] = predikat_label(predikat)
    return found


def _open_objections(ids: list[int], period: PerformancePeriod) -> dict[int, int]:
    from kinerja.appeals.models import OPEN_STATES, Objection

    rows = (
        Objection.objects.filter(
            employee_id__in=ids, state__in=OPEN_STATES, evaluation__plan__period=period
        )
        .values("employee_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {r["employee_id"]: r["n"] for r in rows}


def _unit_trail(
    actor: Actor, agency: Agency, unit: Unit, tree: UnitTree, period_id: int | None
) -> list[tuple[str, str]]:
    """City (for its readers), agency, then the unit's ancestors and the unit itself."""
    trail: list[tuple[str, str]] = []
    if city_dashboard_refusal(actor) is None:
        trail.append(("Dasbor kota", dashboard_url(Level.CITY, None, period_id)))
    trail.append((agency.name, dashboard_url(Level.AGENCY, agency.pk, period_id)))
    for pk in reversed(tree.chain(unit.pk)):
        trail.append((tree.name[pk], dashboard_url(Level.UNIT, pk, period_id)))
    return trail


def unit_people_for_actor(
    *,
    actor: Actor,
    unit_id: int,
    period_id: int | None = None,
    query: str = "",
    page_number: str | int | None = 1,
) -> UnitPeople:
    """The people of a unit and its sub-units, 50 a page: 403 for an agency the actor may not
    read, 404 for an unknown unit or period. Nine queries whatever the number of people."""
    _, agency, unit = scope_for_actor(actor=actor, unit_id=unit_id)
    assert agency is not None
    assert unit is not None
    period, periods = period_pick(period_id)
    tree = unit_tree(unit.agency_id)
    unit_ids = tree.subtree(unit.pk)
    query = query.strip()[:100]
    employees = unit_people_queryset(unit_ids, day=today(), query=query)
    page = Paginator(employees, PAGE_SIZE).get_page(page_number)
    people = list(page.object_list)
    ids = [e.pk for e in people]
    plans = _plan_states(ids, period) if period and ids else {}
    predikat = _latest_predikat(ids, period) if period and ids else {}
    objections = _open_objections(ids, period) if period and ids else {}
    chosen = period.pk if period else None
    rows = tuple(
        PersonRow(
            employee_id=e.pk,
            name=e.full_name,
            nip=e.nip,
            employment_type=e.employment_type,
            post=getattr(e, "post_name", "") or "",
            plan_state=plans.get(e.pk, "Belum ada SKP"),
            predikat=predikat.get(e.pk, "-"),
            open_objections=objections.get(e.pk, 0),
            url=person_url(e.pk, chosen),
        )
        for e in people
    )
    return UnitPeople(
        unit=unit,
        agency=agency,
        period=period,
        periods=tuple(periods),
        page=page,
        rows=rows,
        query=query,
        trail=tuple(_unit_trail(actor, agency, unit, tree, chosen)),
    )


# --- one person ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanLine:
    label: str
    post: str
    state: str
    url: str


@dataclass(frozen=True)
class EvaluationLine:
    kind: str
    window: str
    state: str
    predikat: str
    url: str
    explanation_url: str


@dataclass(frozen=True)
class ObjectionLine:
    filed_at: object
    state: str
    subject: str
    is_open: bool


@dataclass(frozen=True)
class Person:
    employee: Employee
    period: PerformancePeriod | None
    periods: tuple[PerformancePeriod, ...]
    post: str
    unit: Unit | None
    agency: Agency | None
    plans: tuple[PlanLine, ...]
    evaluations: tuple[EvaluationLine, ...]
    objections: tuple[ObjectionLine, ...]
    realizations_on_time: int
    realizations_late: int
    reviews_asked: int
    reviews_sent: int
    jp: Decimal
    jp_target: Decimal
    trail: tuple[tuple[str, str], ...]

    @property
    def open_objections(self) -> int:
        return sum(1 for line in self.objections if line.is_open)

    @property
    def reviews_text(self) -> str:
        return (
            f"{format_decimal(self.reviews_sent, 0)} dari {format_decimal(self.reviews_asked, 0)}"
        )

    @property
    def jp_text(self) -> str:
        from kinerja.learning.selectors.jp import jp_text

        return f"{jp_text(self.jp)} dari {jp_text(self.jp_target)} JP"


def _current_post(employee_id: int, day: date) -> Assignment | None:
    """The definitive post held on `day`, else the most recent definitive one."""
    held = (
        Assignment.objects.filter(employee_id=employee_id, is_acting=False)
        .select_related("position__unit", "position__agency")
        .annotate(now=Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=day)))
        .order_by("-now", "-start_date", "-pk")
    )
    return held.first()


def _plans(actor: Actor, employee_id: int, period: PerformancePeriod) -> tuple[PlanLine, ...]:
    from kinerja.planning.models import PerformancePlan, PlanState
    from kinerja.planning.permissions import can_view_plan

    plans = (
        PerformancePlan.objects.filter(period=period, employee_id=employee_id)
        .select_related("position__agency")
        .order_by("start_date", "pk")
    )
    return tuple(
        PlanLine(
            label=f"SKP {format_date_id(plan.start_date)} s.d. {format_date_id(plan.end_date)}",
            post=plan.position.name,
            state=_state_label(PlanState, plan.state),
            url=reverse("planning:plan_detail", args=[plan.pk])
            if can_view_plan(actor, plan)
            else "",
        )
        for plan in plans
    )


def _evaluations(
    actor: Actor, employee_id: int, period: PerformancePeriod
) -> tuple[EvaluationLine, ...]:
    from kinerja.evaluation.models import Evaluation, EvaluationKind, EvaluationState
    from kinerja.evaluation.permissions import can_view_evaluation

    evaluations = (
        Evaluation.objects.filter(plan__period=period, plan__employee_id=employee_id)
        .select_related("plan__position__agency", "window")
        .order_by("window__number", "kind", "pk")
    )
    lines = []
    for evaluation in evaluations:
        visible = can_view_evaluation(actor, evaluation)
        final = evaluation.state != EvaluationState.DRAFT
        window = evaluation.window
        lines.append(
            EvaluationLine(
                kind=_state_label(EvaluationKind, evaluation.kind),
                window=str(getattr(window, "name", "") or window) if window else "Seluruh periode",
                state=_state_label(EvaluationState, evaluation.state),
                predikat=predikat_label(evaluation.predikat) if final else "-",
                url=reverse("evaluation:evaluation_detail", args=[evaluation.pk])
                if visible
                else "",
                # the explanation page opens for whoever may see a rated evaluation
                explanation_url=reverse(
                    "appeals:evaluation_explanation", kwargs={"evaluation_id": evaluation.pk}
                )
                if visible and final
                else "",
            )
        )
    return tuple(lines)


def _objections(employee_id: int, period: PerformancePeriod) -> tuple[ObjectionLine, ...]:
    from kinerja.appeals.models import OPEN_STATES, Objection, ObjectionState, ObjectionSubject

    rows = (
        Objection.objects.filter(employee_id=employee_id, evaluation__plan__period=period)
        .order_by("filed_at", "pk")
        .values_list("filed_at", "state", "subject")
    )
    return tuple(
        ObjectionLine(
            filed_at=filed,
            state=_state_label(ObjectionState, state),
            subject=_state_label(ObjectionSubject, subject),
            is_open=state in OPEN_STATES,
        )
        for filed, state, subject in rows
    )


def _realizations(employee_id: int, period: PerformancePeriod) -> tuple[int, int]:
    """Realisations first submitted by the window's due date, and after it (the monitoring
    rule `realization_rules.is_late`)."""
    from kinerja.monitoring.models import Realization

    late = Q(submitted_at__date__gt=F("window__realization_due_date"))
    counts = Realization.objects.filter(
        plan__period=period, plan__employee_id=employee_id, submitted_at__isnull=False
    ).aggregate(on_time=Count("id", filter=~late), late=Count("id", filter=late))
    return counts["on_time"] or 0, counts["late"] or 0


def _reviews(employee_id: int, period: PerformancePeriod) -> tuple[int, int]:
    """360° reviews asked about the person (active) and sent (never who answered)."""
    from kinerja.assessment.models import BehaviorReview

    active = BehaviorReview.objects.filter(
        reviewer_list__employee_id=employee_id,
        reviewer_list__cycle__period=period,
        withdrawn_on__isnull=True,
    )
    counts = active.aggregate(
        asked=Count("id"), sent=Count("id", filter=Q(submitted_on__isnull=False))
    )
    return counts["asked"] or 0, counts["sent"] or 0


def person_for_actor(*, actor: Actor, employee_id: int, period_id: int | None = None) -> Person:
    """One person's figures for the period: 404 for an unknown employee or period, 403 for a
    viewer who does not read the person's home agency. The same queries for 2 and for 12
    plans or evaluations."""
    employee = Employee.objects.filter(pk=employee_id).first()
    if employee is None:
        raise Http404
    refuse(agency_dashboard_refusal(actor, employee.home_agency_id))
    period, periods = period_pick(period_id)
    held = _current_post(employee.pk, today())
    position = held.position if held else None
    unit = position.unit if position else None
    agency = position.agency if position else None
    chosen = period.pk if period else None
    trail: list[tuple[str, str]] = []
    if city_dashboard_refusal(actor) is None:
        trail.append(("Dasbor kota", dashboard_url(Level.CITY, None, chosen)))
    if agency is not None:
        trail.append((agency.name, dashboard_url(Level.AGENCY, agency.pk, chosen)))
    if unit is not None:
        trail.append((unit.name, dashboard_url(Level.UNIT, unit.pk, chosen)))
    from kinerja.learning.rules import JP_TARGET
    from kinerja.learning.selectors.jp import jp_by_employee

    if period is None:
        plans: tuple[PlanLine, ...] = ()
        evaluations: tuple[EvaluationLine, ...] = ()
        objections: tuple[ObjectionLine, ...] = ()
        on_time = late = asked = sent = 0
        jp = Decimal(0)
    else:
        plans = _plans(actor, employee.pk, period)
        evaluations = _evaluations(actor, employee.pk, period)
        objections = _objections(employee.pk, period)
        on_time, late = _realizations(employee.pk, period)
        asked, sent = _reviews(employee.pk, period)
        jp = jp_by_employee([employee.pk], period.year)[employee.pk]
    return Person(
        employee=employee,
        period=period,
        periods=tuple(periods),
        post=position.name if position else "",
        unit=unit,
        agency=agency,
        plans=plans,
        evaluations=evaluations,
        objections=objections,
        realizations_on_time=on_time,
        realizations_late=late,
        reviews_asked=asked,
        reviews_sent=sent,
        jp=jp,
        jp_target=Decimal(JP_TARGET),
        trail=tuple(trail),
    )
