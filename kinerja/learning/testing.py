"""Builders for tests of learning (and the apps above it): dictionary entries, courses, plans
and items at any state. They write rows directly (no audit, no notification)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from itertools import count

from django.utils import timezone

from kinerja.learning.models import (
    Competency,
    CompetencyKind,
    CourseKind,
    CourseMode,
    DevelopmentItem,
    DevelopmentPlan,
    ItemSource,
    ItemState,
    PlanState,
    TrainingCourse,
)
from kinerja.learning.services.common import employee_post_today
from kinerja.people.models import Employee
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.testing import make_open_period

_numbers = count(1)


def make_competency(
    *,
    name: str = "Komunikasi efektif",
    kind: str = CompetencyKind.SOCIOCULTURAL,
    feedback_tag: str = "",
    core_value: str = "",
    position_kinds: list[str] | None = None,
) -> Competency:
    n = next(_numbers)
    return Competency.objects.create(
        code=f"kompetensi-{n}", name=name, kind=kind, description=f"Uraian {name}.",
        feedback_tag=feedback_tag, core_value=core_value, position_kinds=position_kinds or [],
    )  # fmt: skip


def make_course(
    *,
    title: str = "Pelatihan Komunikasi Pelayanan Publik",
    competencies: list[Competency] | None = None,
    jp: Decimal = Decimal(16),
    kind: str = CourseKind.COURSE,
) -> TrainingCourse:
    n = next(_numbers)
    course = TrainingCourse.objects.create(
        code=f"pelatihan-{n}", title=title, kind=kind, mode=CourseMode.OFFLINE,
        provider="BKPSDM Kota Surakarta", jp=jp,
    )  # fmt: skip
    if competencies:
        course.competencies.set(competencies)
    return course


def make_development_plan(
    *,
    employee: Employee,
    period: PerformancePeriod | None = None,
    state: str = PlanState.DRAFT,
    is_coaching: bool = False,
) -> DevelopmentPlan:
    """A plan of `employee` for `period` (default this year's open period), with the agency and
    appraiser of their post today."""
    period = period or make_open_period()
    post = employee_post_today(employee.pk)
    assert post is not None, f"{employee} holds no post today"
    agency_id, appraiser = post
    now = timezone.now()
    return DevelopmentPlan.objects.create(
        employee=employee, period=period, agency_id=agency_id, appraiser_id=appraiser,
        state=state, is_coaching=is_coaching,
        proposed_at=now if state in (PlanState.PROPOSED, PlanState.AGREED) else None,
        agreed_at=now if state == PlanState.AGREED else None,
    )  # fmt: skip


def make_item(
    *,
    plan: DevelopmentPlan,
    course: TrainingCourse | None = None,
    state: str = ItemState.PLANNED,
    jp: Decimal = Decimal(16),
    completed_on: date | None = None,
) -> DevelopmentItem:
    """An item of `plan` (from `course` when given), target a month ahead; COMPLETED and
    CONFIRMED have `completed_on` (default yesterday) and `jp_earned` = `jp`."""
    today = timezone.localdate()
    done = state in (ItemState.COMPLETED, ItemState.CONFIRMED)
    return DevelopmentItem.objects.create(
        plan=plan, course=course, title=course.title if course else "Belajar mandiri",
        kind=course.kind if course else CourseKind.ELEARNING, jp_planned=jp,
        target_date=today + timedelta(days=30), source=ItemSource.EMPLOYEE, state=state,
        completed_on=(completed_on or today - timedelta(days=1)) if done else None,
        jp_earned=jp if done else None,
        confirmed_at=timezone.now() if state == ItemState.CONFIRMED else None,
    )  # fmt: skip
