"""The mandatory coaching plan (services/coaching.py), run by evaluation's predikat hook:
setting Kurang creates the coaching plan, its item and three coaching dialogues; Baik creates
nothing; a calibration move by BKPSDM to Butuh Perbaikan creates the plan without dialogues;
running it twice changes nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from kinerja.audit.models import AuditEvent
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.services.calibration import calibration_move, calibration_open
from kinerja.evaluation.services.evaluations import (
    BehaviorInput,
    ResultInput,
    evaluation_save,
    evaluation_set,
    evaluation_start,
)
from kinerja.evaluation.testing import make_achievement, make_evaluation, make_group
from kinerja.learning.models import (
    CourseKind,
    DevelopmentItem,
    DevelopmentPlan,
    ItemSource,
    PlanState,
)
from kinerja.learning.services.coaching import coaching_dialogue_times, coaching_plan_ensure
from kinerja.learning.testing import make_development_plan, make_item
from kinerja.monitoring.models import DialogueKind, DialogueState, PerformanceDialogue
from kinerja.monitoring.testing import make_running_plan, plan_indicators
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.people.holdings import today
from kinerja.people.testing import Personas
from kinerja.periods.models import EvaluationWindow, PerformancePeriod, PeriodState
from kinerja.periods.rules import window_close_date
from kinerja.planning.selectors import core_values
from kinerja.planning.testing import make_open_period
from kinerja.scoring.ratings import Predikat

pytestmark = pytest.mark.django_db

JAKARTA = ZoneInfo("Asia/Jakarta")


def _rated(personas: Personas, *, results: str, behavior: str) -> Evaluation:
    """An evaluation of the employee set by their appraiser through `evaluation_set`."""
    plan = make_running_plan(employee=personas.staff.employee, results=1)
    closed = [
        w
        for w in EvaluationWindow.objects.filter(period=plan.period).order_by("number")
        if window_close_date(w) < today()
    ]
    if not closed:
        pytest.skip("no window has closed this early in the year")
    window = closed[-1]
    for indicator in plan_indicators(plan):
        make_achievement(plan=plan, indicator=indicator, window=window, percent="100")
    evaluation = evaluation_start(actor=personas.supervisor, plan=plan, window=window)
    evaluation_save(
        actor=personas.supervisor,
        evaluation=evaluation,
        results=[
            ResultInput(r.result_id, results, "Laporan terlambat dua bulan.")
            for r in evaluation.result_ratings.all()
        ],
        behaviors=[BehaviorInput(v.code, behavior, "") for v in core_values()],
        results_rating=results,
        results_reason="Laporan terlambat dua bulan.",
        behavior_rating=behavior,
        behavior_reason="Beberapa kali tidak hadir rapat koordinasi.",
        early_reason="",
    )
    evaluation_set(actor=personas.supervisor, evaluation=evaluation)
    evaluation.refresh_from_db()
    return evaluation


def test_setting_kurang_creates_the_coaching_plan_its_item_and_three_dialogues(
    personas: Personas,
) -> None:
    evaluation = _rated(personas, results="MEETS", behavior="BELOW")
    assert evaluation.predikat == Predikat.KURANG.value

    plan = DevelopmentPlan.objects.get(employee=personas.staff.employee)
    assert plan.is_coaching
    assert plan.trigger_evaluation_id == evaluation.pk
    assert plan.state == PlanState.AGREED
    assert plan.appraiser_id == personas.staff.supervisor.pk
    [item] = plan.items.all()
    assert (item.title, item.kind, item.source) == (
        "Bimbingan kinerja", CourseKind.COACHING, ItemSource.COACHING,
    )  # fmt: skip
    assert item.jp_planned == 0
    assert "Kurang" in item.reason
    dialogues = list(
        PerformanceDialogue.objects.filter(employee=personas.staff.employee).order_by(
            "scheduled_at"
        )
    )
    expected = coaching_dialogue_times(today=timezone.localdate(), period_end=plan.period.end_date)
    assert len(dialogues) == len(expected)
    assert [d.scheduled_at for d in dialogues] == expected
    assert all(d.kind == DialogueKind.COACHING for d in dialogues)
    assert all(d.state == DialogueState.SCHEDULED for d in dialogues)
    if dialogues:
        assert item.dialogue_id == dialogues[0].pk
    event = AuditEvent.objects.get(action="development_plan.coaching_required")
    assert (event.after or {})["dialogue_ids"] == [d.pk for d in dialogues]
    for user in (personas.employee, personas.supervisor):
        assert Notification.objects.filter(
            recipient=user, kind=NotificationKind.DEVELOPMENT_COACHING_REQUIRED
        ).exists()


def test_the_dialogues_are_at_nine_on_the_7th_37th_and_67th_day_within_the_period() -> None:
    start = date(2026, 3, 2)
    times = coaching_dialogue_times(today=start, period_end=date(2026, 12, 31))
    assert times == [
        datetime(2026, 3, 9, 9, tzinfo=JAKARTA),
        datetime(2026, 4, 8, 9, tzinfo=JAKARTA),
        datetime(2026, 5, 8, 9, tzinfo=JAKARTA),
    ]
    late = coaching_dialogue_times(today=date(2026, 11, 20), period_end=date(2026, 12, 31))
    assert late == [
        datetime(2026, 11, 27, 9, tzinfo=JAKARTA),
        datetime(2026, 12, 27, 9, tzinfo=JAKARTA),
    ]


def test_setting_baik_creates_nothing(personas: Personas) -> None:
    evaluation = _rated(personas, results="MEETS", behavior="MEETS")
    assert evaluation.predikat == Predikat.BAIK.value
    assert not DevelopmentPlan.objects.exists()
    assert not PerformanceDialogue.objects.exists()
    assert coaching_plan_ensure(personas.supervisor, evaluation) is None


def test_a_calibration_move_to_butuh_perbaikan_creates_the_plan_without_dialogues(
    personas: Personas,
) -> None:
    scope = Scope(make_open_period(state=PeriodState.EVALUATION), None)
    (evaluation,) = make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK])
    session = calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)

    calibration_move(
        actor=personas.hr_admin,
        session=session,
        evaluation=evaluation,
        field="RESULTS",
        after="BELOW",
        reason="Target layanan daring tidak tercapai.",
    )

    plan = DevelopmentPlan.objects.get(employee=evaluation.plan.employee)
    assert plan.is_coaching
    assert plan.trigger_evaluation_id == evaluation.pk
    assert plan.agency_id == personas.agency.pk
    assert plan.appraiser_id is None  # a head rated by the Wali Kota
    [item] = plan.items.all()
    assert item.dialogue_id is None
    assert not PerformanceDialogue.objects.exists()
    event = AuditEvent.objects.get(action="development_plan.coaching_required")
    assert event.actor_id == personas.hr_admin.pk
    assert Notification.objects.filter(
        recipient=personas.leader, kind=NotificationKind.DEVELOPMENT_COACHING_REQUIRED
    ).exists()


def test_running_twice_for_the_same_evaluation_changes_nothing(personas: Personas) -> None:
    evaluation = _rated(personas, results="MEETS", behavior="BELOW")
    dialogues = PerformanceDialogue.objects.count()

    again = coaching_plan_ensure(personas.supervisor, evaluation)

    assert again is not None
    assert DevelopmentPlan.objects.count() == 1
    assert DevelopmentItem.objects.count() == 1
    assert PerformanceDialogue.objects.count() == dialogues
    assert AuditEvent.objects.filter(action="development_plan.coaching_required").count() == 1
    assert (
        Notification.objects.filter(kind=NotificationKind.DEVELOPMENT_COACHING_REQUIRED).count()
        == 2
    )


def test_an_existing_plan_keeps_its_items_and_gets_the_coaching_item(
    personas: Personas,
) -> None:
    period = make_open_period(state=PeriodState.EVALUATION)
    existing = make_development_plan(employee=personas.staff.employee, period=period)
    kept = make_item(plan=existing)
    (evaluation,) = make_group(agency=personas.agency, scope=Scope(period, None),
                               predikats=[Predikat.KURANG])  # fmt: skip
    evaluation.plan.employee = personas.staff.employee
    evaluation.plan.save(update_fields=["employee"])

    plan = coaching_plan_ensure(personas.hr_admin, evaluation)

    assert plan is not None
    assert plan.pk == existing.pk
    assert plan.state == PlanState.DRAFT
    assert plan.is_coaching
    titles = set(plan.items.values_list("title", flat=True))
    assert titles == {kept.title, "Bimbingan kinerja"}
    event = AuditEvent.objects.get(action="development_plan.coaching_required")
    assert (event.before or {})["is_coaching"] is False


def test_the_coaching_item_target_is_within_the_period(personas: Personas) -> None:
    evaluation = _rated(personas, results="BELOW", behavior="MEETS")
    assert evaluation.predikat == Predikat.BUTUH_PERBAIKAN.value
    item = DevelopmentItem.objects.get()
    period = item.plan.period
    assert timezone.localdate() <= item.target_date or item.target_date == period.end_date
    assert item.target_date <= max(period.end_date, timezone.localdate())
    assert item.target_date <= timezone.localdate() + timedelta(days=90)


def test_three_dialogues_a_month_apart_when_the_period_runs_long_enough(
    personas: Personas,
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=1)
    day = timezone.localdate()
    PerformancePeriod.objects.filter(pk=plan.period_id).update(
        end_date=max(plan.period.end_date, day + timedelta(days=120))
    )
    evaluation = make_evaluation(plan=plan, results="MEETS", behavior="BELOW")

    development = coaching_plan_ensure(personas.supervisor, evaluation)

    assert development is not None
    moments = list(
        PerformanceDialogue.objects.order_by("scheduled_at").values_list("scheduled_at", flat=True)
    )
    assert [timezone.localtime(m).date() - day for m in moments] == [
        timedelta(days=7), timedelta(days=37), timedelta(days=67),
    ]  # fmt: skip
    assert {timezone.localtime(m).hour for m in moments} == {9}
    assert (
        development.items.get().dialogue_id
        == PerformanceDialogue.objects.earliest("scheduled_at").pk
    )


def test_a_trial_period_requires_no_coaching(personas: Personas) -> None:
    evaluation = _rated(personas, results="MEETS", behavior="BELOW")
    DevelopmentPlan.objects.all().delete()
    PerformancePeriod.objects.filter(pk=evaluation.plan.period_id).update(is_trial=True)
    evaluation.refresh_from_db()

    assert coaching_plan_ensure(personas.supervisor, evaluation) is None
    assert not DevelopmentPlan.objects.exists()
