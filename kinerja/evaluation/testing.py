"""Builders for tests of evaluation and the apps above it: evaluations at any state, an
agency group with a chosen spread of predikat, organisation ratings.

They write rows directly (fast, no audit, no notification); the services are tested through
themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time
from decimal import Decimal

from django.utils import timezone

from kinerja.accounts.models import User
from kinerja.evaluation.models import (
    AttendanceRecord,
    BehaviorRating,
    CalibrationSession,
    CalibrationState,
    Evaluation,
    EvaluationKind,
    EvaluationState,
    OrganizationRating,
    ResultRating,
)
from kinerja.evaluation.rules import Scope, predikat_for
from kinerja.evaluation.selectors.distribution import organization_rating_for
from kinerja.monitoring.models import Feedback, FeedbackSubject, Realization, RealizationState
from kinerja.monitoring.testing import (
    make_link_evidence,
    make_realization,
    plan_indicators,
    window_on,
)
from kinerja.organization.models import Agency, Position, Unit
from kinerja.organization.testing import make_agency
from kinerja.people.models import Employee
from kinerja.people.testing import assign, make_employee, make_position
from kinerja.periods.models import EvaluationWindow, PerformancePeriod, PeriodState
from kinerja.planning.models import Indicator, PerformancePlan, PlannedResult, PlanState
from kinerja.planning.selectors import core_values
from kinerja.planning.testing import make_open_period, make_plan, make_result
from kinerja.scoring.ratings import OrganizationPredikat, Predikat, Rating

# A (results, behaviour) pair that gives each predikat through the matrix.
PAIR_FOR: dict[Predikat, tuple[Rating, Rating]] = {
    Predikat.SANGAT_BAIK: (Rating.ABOVE, Rating.ABOVE),
    Predikat.BAIK: (Rating.MEETS, Rating.MEETS),
    Predikat.BUTUH_PERBAIKAN: (Rating.BELOW, Rating.MEETS),
    Predikat.KURANG: (Rating.MEETS, Rating.BELOW),
    Predikat.SANGAT_KURANG: (Rating.BELOW, Rating.BELOW),
}


def make_evaluation(
    *,
    plan: PerformancePlan,
    window: EvaluationWindow | None = None,
    results: str = Rating.MEETS.value,
    behavior: str = Rating.MEETS.value,
    state: str = EvaluationState.RATED,
    detail: bool = True,
) -> Evaluation:
    """An evaluation of `plan` for `window` (None: the annual one) with both ratings and their
    predikat; `detail` also writes a rating per result and per core value (the same ratings,
    suggestions equal to them). A rated evaluation has `rated_at` now; an acknowledged one
    `acknowledged_at` too."""
    now = timezone.now()
    rated = state != EvaluationState.DRAFT
    found = predikat_for(results, behavior)
    evaluation = Evaluation.objects.create(
        plan=plan,
        window=window,
        kind=EvaluationKind.PERIODIC if window else EvaluationKind.ANNUAL,
        state=state,
        results_rating=results,
        results_suggestion=results,
        behavior_rating=behavior,
        behavior_suggestion=behavior,
        predikat=found.value if found else "",
        appraiser_id=plan.appraiser_id,
        rated_at=now if rated else None,
        acknowledged_at=now if state == EvaluationState.ACKNOWLEDGED else None,
    )
    if detail:
        ResultRating.objects.bulk_create(
            ResultRating(evaluation=evaluation, result=r, suggestion=results, rating=results)
            for r in PlannedResult.objects.filter(plan=plan)
        )
        BehaviorRating.objects.bulk_create(
            BehaviorRating(evaluation=evaluation, core_value=v.code, rating=behavior)
            for v in core_values()
        )
    return evaluation


def make_org_rating(
    *, agency: Agency, scope: Scope, predikat: str = OrganizationPredikat.BAIK.value
) -> OrganizationRating:
    return OrganizationRating.objects.create(
        agency=agency, period=scope.period, window=scope.window, predikat=predikat
    )


def make_group(
    *,
    agency: Agency,
    scope: Scope,
    predikats: Iterable[Predikat],
    supervisor: Position | None = None,
    unit: Unit | None = None,
    state: str = EvaluationState.RATED,
) -> list[Evaluation]:
    """One new employee per predikat in `predikats`, each with a post in `agency` (under
    `supervisor`, in `unit`), an approved plan with one result for the scope's period and an
    evaluation of the scope giving that predikat."""
    period: PerformancePeriod = scope.period
    evaluations = []
    for value in predikats:
        employee = make_employee()
        position = make_position(agency=agency, supervisor=supervisor, unit=unit)
        assign(employee, position, start=period.start_date)
        plan = PerformancePlan.objects.create(
            period=period,
            employee=employee,
            position=position,
            start_date=period.start_date,
            end_date=period.end_date,
            appraiser_is_mayor=supervisor is None,
            state=PlanState.APPROVED,
            version=1,
            approved_version=1,
        )
        make_result(plan=plan)
        results, behavior = PAIR_FOR[Predikat(value)]
        evaluations.append(
            make_evaluation(
                plan=plan,
                window=scope.window,
                results=results.value,
                behavior=behavior.value,
                state=state,
            )
        )
    return evaluations


# --- ev-docs ---


def make_documented_evaluation(
    *,
    employee: Employee,
    appraiser: Employee,
    results: int = 2,
    trial: bool = False,
    reason: str = "Laporan diserahkan terlambat dua minggu.",
) -> Evaluation:
    """A rated periodic evaluation of a new approved plan of `employee` (this year's period, or
    a trial period), for the window containing today, with everything the document prints:
    `results` main results with an indicator each, an accepted realisation with a link as
    evidence for each, the appraiser's feedback on the first result and on one core value, the
    first result rated below its suggestion with `reason`, and the agency's organisation
    predikat Baik."""
    period = make_open_period(state=PeriodState.EXECUTION, is_trial=trial)
    plan = make_plan(
        employee=employee,
        period=period,
        state=PlanState.APPROVED,
        results=results,
        start_date=period.start_date,
    )
    window = window_on(plan)
    for indicator in plan_indicators(plan):
        realization = make_realization(
            plan=plan,
            indicator=indicator,
            window=window,
            value=10,
            state=RealizationState.ACCEPTED,
            description="Berkas diarsipkan",
        )
        Realization.objects.filter(pk=realization.pk).update(achievement=Decimal("83.33"))
        make_link_evidence(realization=realization)
    first = PlannedResult.objects.filter(plan=plan).order_by("kind", "number").first()
    moment = timezone.make_aware(datetime.combine(window.start_date, time(10)))
    for subject, result, value, text in (
        (FeedbackSubject.RESULT, first, "", "Rekap bulanan rapi dan tepat waktu."),
        (FeedbackSubject.CORE_VALUE, None, "AKUNTABEL", "Selalu melaporkan kendala lebih awal."),
    ):
        feedback = Feedback.objects.create(
            employee=employee, author=appraiser, author_is_appraiser=True, plan=plan,
            subject=subject, result=result, core_value=value, text=text,
        )  # fmt: skip
        Feedback.objects.filter(pk=feedback.pk).update(created_at=moment)
    evaluation = make_evaluation(plan=plan, window=window)
    ResultRating.objects.filter(evaluation=evaluation, result=first).update(
        suggestion=Rating.ABOVE.value, rating=Rating.MEETS.value, reason=reason
    )
    scope = Scope(period, window)
    if organization_rating_for(agency_id=plan.position.agency_id, scope=scope) is None:
        make_org_rating(agency=plan.position.agency, scope=scope)
    return evaluation


# --- ev-tpp ---


def make_attendance(
    *, employee: Employee, year: int, month: int, working: int = 20, present: int = 20
) -> AttendanceRecord:
    return AttendanceRecord.objects.create(
        employee=employee, year=year, month=month, working_days=working, present_days=present
    )


def attendance_csv(rows: Iterable[tuple[str, object, object]]) -> bytes:
    """An attendance file as the import reads it: header NIP;Hari Kerja;Hari Hadir."""
    lines = ["NIP;Hari Kerja;Hari Hadir", *(f"{n};{w};{p}" for n, w, p in rows)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


# --- ev-calib ---


def make_bulk_group(
    *,
    agency: Agency,
    scope: Scope,
    count: int,
    unit: Unit | None = None,
    kind: str = "PELAKSANA",
    pairs: Iterable[tuple[Rating, Rating]] = ((Rating.MEETS, Rating.MEETS),),
    state: str = EvaluationState.RATED,
    first: int = 0,
) -> list[int]:
    """`count` employees of `agency` (posts of `kind` in `unit`, no supervisor), each with an
    approved plan of the scope's period and an evaluation of the scope, in a few bulk queries
    whatever `count` (for pages that must cost the same at 5 and 2,000 employees). Ratings go
    round `pairs` (results, behaviour). Give calls in one test different `first` numbers
    (names and NIPs follow from it). Returns the evaluation ids, in order."""
    from kinerja.people.holdings import employee_homes_refresh
    from kinerja.people.models import Assignment, Employee
    from kinerja.people.testing import synthetic_nip

    period: PerformancePeriod = scope.period
    base = 4_000_000 + first
    cycle = list(pairs)
    posts = Position.objects.bulk_create(
        Position(agency=agency, unit=unit, name=f"Staf Kalibrasi {base + i}", kind=kind)
        for i in range(count)
    )
    people = []
    for i in range(count):
        nip, birth = synthetic_nip(base + i)
        people.append(
            Employee(nip=nip, employment_type="PNS", name=f"Pegawai Kalibrasi {base + i}",
                     gender="L", birth_date=birth, grade="II/c")
        )  # fmt: skip
    people = Employee.objects.bulk_create(people)
    Assignment.objects.bulk_create(
        Assignment(employee=e, position=p, start_date=period.start_date)
        for e, p in zip(people, posts, strict=True)
    )
    employee_homes_refresh(employee_ids=[e.pk for e in people])
    plans = PerformancePlan.objects.bulk_create(
        PerformancePlan(period=period, employee=e, position=p, start_date=period.start_date,
                        end_date=period.end_date, appraiser_is_mayor=True,
                        state=PlanState.APPROVED, version=1, approved_version=1)
        for e, p in zip(people, posts, strict=True)
    )  # fmt: skip
    now = timezone.now()
    rated = state != EvaluationState.DRAFT
    evaluations = []
    for i, plan in enumerate(plans):
        results, behavior = cycle[i % len(cycle)]
        found = predikat_for(results.value, behavior.value)
        evaluations.append(
            Evaluation(
                plan=plan,
                window=scope.window,
                kind=EvaluationKind.PERIODIC if scope.window else EvaluationKind.ANNUAL,
                state=state,
                results_rating=results.value,
                results_suggestion=results.value,
                behavior_rating=behavior.value,
                behavior_suggestion=behavior.value,
                predikat=found.value if found else "",
                rated_at=now if rated else None,
                acknowledged_at=now if state == EvaluationState.ACKNOWLEDGED else None,
            )
        )
    return [e.pk for e in Evaluation.objects.bulk_create(evaluations)]


# --- ev-curve ---


def make_locked_calibration(
    *,
    agency: Agency,
    scope: Scope,
    locked_by: User | None = None,
    justification: str = "",
    violations: Iterable[str] = (),
) -> CalibrationSession:
    """A locked calibration session of the agency's group (the group is then final), with the
    justification and the violation sentences recorded at lock time."""
    return CalibrationSession.objects.create(
        agency=agency,
        period=scope.period,
        window=scope.window,
        state=CalibrationState.LOCKED,
        opened_by=locked_by,
        locked_by=locked_by,
        locked_at=timezone.now(),
        justification=justification,
        violations=list(violations),
    )


# --- ev-api ---


def make_achieved_plan(
    *,
    employee: Employee,
    window: EvaluationWindow | None = None,
    percents: Iterable[str] = ("120", "95"),
    period: PerformancePeriod | None = None,
) -> PerformancePlan:
    """An approved plan of `employee` (in `period`, default this year's, put in Evaluasi) with
    one main result per percent, each with one indicator whose accepted realisation in
    `window` (default: the period's first) reached that percent."""
    period = period or make_open_period(state=PeriodState.EVALUATION)
    percents = list(percents)
    plan = make_plan(
        employee=employee,
        period=period,
        state=PlanState.APPROVED,
        results=len(percents),
        start_date=period.start_date,
    )
    window = window or EvaluationWindow.objects.get(period=period, number=1)
    Indicator.objects.filter(result__plan=plan).update(target_unit="%")
    indicators = Indicator.objects.filter(result__plan=plan).order_by("result__number", "number")
    Realization.objects.bulk_create(
        Realization(
            plan=plan,
            indicator=indicator,
            window=window,
            value=Decimal(percent),
            achievement=Decimal(percent),
            state=RealizationState.ACCEPTED,
            revision=1,
            submitted_at=timezone.now(),
            decided_at=timezone.now(),
        )
        for indicator, percent in zip(indicators, percents, strict=True)
    )
    return plan


# --- ev-rate ---


def make_team_plans(
    *,
    appraiser: Employee,
    appraiser_post: Position,
    period: PerformancePeriod,
    count: int,
    results: int = 1,
) -> list[PerformancePlan]:
    """`count` new employees, each with a post under `appraiser_post` and an approved plan for
    the whole of `period` rated by `appraiser`, with `results` main results (one indicator
    each)."""
    plans = []
    for _ in range(count):
        employee = make_employee()
        position = make_position(
            agency=appraiser_post.agency, supervisor=appraiser_post, unit=appraiser_post.unit
        )
        assign(employee, position, start=period.start_date)
        plan = PerformancePlan.objects.create(
            period=period,
            employee=employee,
            position=position,
            start_date=period.start_date,
            end_date=period.end_date,
            appraiser=appraiser,
            appraiser_position=appraiser_post,
            state=PlanState.APPROVED,
            version=1,
            approved_version=1,
        )
        for _result in range(results):
            make_result(plan=plan)
        plans.append(plan)
    return plans


def make_achievement(
    *,
    plan: PerformancePlan,
    indicator: Indicator,
    window: EvaluationWindow,
    percent: str,
    state: str = RealizationState.ACCEPTED,
) -> Realization:
    """A realisation of `indicator` in `window` with the achievement `percent` (a string such
    as "115"), accepted unless told. The indicator's target is made a percentage, so that the
    achievement is compared as it is (a count's is prorated within the year)."""
    Indicator.objects.filter(pk=indicator.pk).update(target_unit="%")
    realization = make_realization(plan=plan, indicator=indicator, window=window, state=state)
    realization.achievement = Decimal(percent)
    realization.save(update_fields=["achievement"])
    return realization


def make_rated_agencies(*, scope: Scope, count: int, name: str = "Dinas Uji") -> list[Agency]:
    """`count` agencies rated Baik for the scope; every tenth has a group of two employees
    (Baik and Kurang/Misconduct)."""
    agencies = []
    for n in range(count):
        agency = make_agency(name=f"{name} {n:02d}")
        make_org_rating(agency=agency, scope=scope, predikat="BAIK")
        if n % 10 == 0:
            make_group(agency=agency, scope=scope, predikats=[Predikat.BAIK, Predikat.KURANG])
        agencies.append(agency)
    return agencies
