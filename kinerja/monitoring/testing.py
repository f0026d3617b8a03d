"""Builders for tests of monitoring and the apps above it: an approved plan in a running
period, realisations at any state, evidence rows, feedback, dialogues and their actions.

They write rows directly (fast, no audit, no notification); the services are tested through
themselves.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from kinerja.monitoring.models import (
    DialogueAction,
    DialogueKind,
    DialogueState,
    Evidence,
    EvidenceKind,
    Feedback,
    FeedbackRequest,
    FeedbackSubject,
    FeedbackTag,
    PerformanceDialogue,
    Realization,
    RealizationState,
)
from kinerja.people.holdings import today
from kinerja.people.models import Employee
from kinerja.periods.models import EvaluationWindow, PeriodState
from kinerja.planning.models import Indicator, PerformancePlan, PlanState
from kinerja.planning.testing import make_open_period, make_plan


def make_running_plan(
    *, employee: Employee, results: int = 2, state: str = PlanState.APPROVED
) -> PerformancePlan:
    """An approved plan of `employee` with `results` main results (one indicator each, target
    100) in this year's period, put in Pelaksanaan. The plan starts on 1 January, so every
    window of the year belongs to it."""
    period = make_open_period(state=PeriodState.EXECUTION)
    return make_plan(
        employee=employee,
        period=period,
        state=state,
        results=results,
        start_date=period.start_date,
    )


def window_on(plan: PerformancePlan, day: date | None = None) -> EvaluationWindow:
    """The plan period's window that contains `day` (default today)."""
    day = day or today()
    return EvaluationWindow.objects.get(
        period_id=plan.period_id, start_date__lte=day, end_date__gte=day
    )


def plan_indicators(plan: PerformancePlan) -> list[Indicator]:
    return list(Indicator.objects.filter(result__plan=plan).order_by("result__number", "number"))


def make_realization(
    *,
    plan: PerformancePlan,
    indicator: Indicator | None = None,
    window: EvaluationWindow | None = None,
    value: Decimal | int | None = 50,
    state: str = RealizationState.DRAFT,
    description: str = "",
    submitted_at: datetime | None = None,
) -> Realization:
    """A realisation of `indicator` (default: the plan's first) in `window` (default: the one
    containing today). Submitted/decided states get `submitted_at` (default now) and revision 1;
    the achievement is left empty unless the caller sets it."""
    indicator = indicator or plan_indicators(plan)[0]
    window = window or window_on(plan)
    submitted = state != RealizationState.DRAFT
    return Realization.objects.create(
        plan=plan,
        indicator=indicator,
        window=window,
        value=None if value is None else Decimal(value),
        description=description,
        state=state,
        revision=1 if submitted else 0,
        submitted_at=(submitted_at or timezone.now()) if submitted else None,
        decided_at=timezone.now()
        if state in (RealizationState.ACCEPTED, RealizationState.RETURNED)
        else None,
        return_reason="Lengkapi bukti dukung." if state == RealizationState.RETURNED else "",
    )


def make_link_evidence(
    *, realization: Realization, link: str = "https://contoh.go.id/laporan"
) -> Evidence:
    return Evidence.objects.create(
        realization=realization,
        plan_id=realization.plan_id,
        kind=EvidenceKind.LINK,
        link=link,
        title="Laporan",
    )


def make_feedback(
    *,
    employee: Employee,
    author: Employee,
    text: str = "Penyampaian di rapat sudah runtut; ringkasan tertulis akan membantu.",
    subject: str = FeedbackSubject.GENERAL,
    competencies: tuple[str, ...] = (),
    author_is_appraiser: bool = False,
    request: FeedbackRequest | None = None,
) -> Feedback:
    feedback = Feedback.objects.create(
        employee=employee,
        author=author,
        text=text,
        subject=subject,
        author_is_appraiser=author_is_appraiser,
        request=request,
    )
    FeedbackTag.objects.bulk_create(
        FeedbackTag(feedback=feedback, competency=code) for code in competencies
    )
    return feedback


def make_feedback_request(
    *, employee: Employee, asked: Employee, message: str = "Mohon masukan atas presentasi saya."
) -> FeedbackRequest:
    return FeedbackRequest.objects.create(employee=employee, asked=asked, message=message)


def make_dialogue(
    *,
    employee: Employee,
    appraiser: Employee,
    kind: str = DialogueKind.CHECK_IN,
    state: str = DialogueState.SCHEDULED,
    when: datetime | None = None,
    plan: PerformancePlan | None = None,
) -> PerformanceDialogue:
    when = when or timezone.make_aware(datetime.combine(today() + timedelta(days=2), time(9)))
    return PerformanceDialogue.objects.create(
        employee=employee,
        appraiser=appraiser,
        kind=kind,
        state=state,
        scheduled_at=when,
        plan=plan,
        agenda="Capaian triwulan dan kendala.",
        held_at=when if state == DialogueState.DONE else None,
    )


def make_action(
    *,
    dialogue: PerformanceDialogue,
    owner: Employee | None = None,
    due_date: date | None = None,
    done: bool = False,
    text: str = "Menyusun SOP arsip digital.",
) -> DialogueAction:
    return DialogueAction.objects.create(
        dialogue=dialogue,
        owner=owner or dialogue.employee,
        due_date=due_date or today() + timedelta(days=7),
        done_at=timezone.now() if done else None,
        text=text,
    )
