"""The mandatory coaching plan: registered as an evaluation predikat hook
(`kinerja.evaluation.hooks`), so it runs inside the transaction that sets or changes a
predikat."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.evaluation.models import Evaluation
from kinerja.learning.models import (
    CourseKind,
    DevelopmentItem,
    DevelopmentPlan,
    ItemSource,
    PlanState,
)
from kinerja.learning.permissions import is_plan_appraiser
from kinerja.learning.rules import (
    COACHING_DIALOGUE_DAYS,
    COACHING_DIALOGUE_HOUR,
    COACHING_DIALOGUES,
    COACHING_ITEM_TITLE,
    COACHING_PREDIKAT,
    COACHING_TARGET_DAYS,
)
from kinerja.learning.services.common import (
    appraiser_user_ids,
    employee_post_today,
    plan_notify,
    plan_snapshot,
)
from kinerja.monitoring.dialogue_permissions import dialogue_lead_refusal
from kinerja.monitoring.models import DialogueKind, PerformanceDialogue
from kinerja.monitoring.services.dialogues import dialogue_schedule, moment_id
from kinerja.notifications.models import NotificationKind
from kinerja.organization.models import Position
from kinerja.people.holdings import employee_user_ids
from kinerja.people.models import Employee
from kinerja.periods.models import PerformancePeriod
from kinerja.scoring.ratings import Predikat

JAKARTA = ZoneInfo("Asia/Jakarta")
DIALOGUE_AGENDA = (
    "Bimbingan kinerja wajib: tinjau penyebab predikat kinerja, sepakati tindak lanjut dan "
    "dukungan yang dibutuhkan."
)


def coaching_dialogue_times(*, today: date, period_end: date) -> list[datetime]:
    """09:00 WIB on the 7th, 37th and 67th day after `today`, leaving out those past the
    period's end."""
    return [
        datetime.combine(today + timedelta(days=days), time(COACHING_DIALOGUE_HOUR), JAKARTA)
        for days in COACHING_DIALOGUE_DAYS[:COACHING_DIALOGUES]
        if today + timedelta(days=days) <= period_end
    ]


def _agency_and_appraiser(evaluation: Evaluation, employee_id: int) -> tuple[int, int | None]:
    """The post today (as a plan opened by the employee), or the rated SKP's when none."""
    post = employee_post_today(employee_id)
    if post is not None:
        return post
    skp = evaluation.plan
    agency_id = Position.objects.values_list("agency_id", flat=True).get(pk=skp.position_id)
    return agency_id, skp.appraiser_id


def _predikat_text(evaluation: Evaluation) -> str:
    return str(Predikat.label_table().get(evaluation.predikat, evaluation.predikat))


def _schedule(
    actor: Actor, plan: DevelopmentPlan, employee: Employee, period: PerformancePeriod
) -> list[PerformanceDialogue]:
    """The coaching dialogues, when the actor is the plan's appraiser and may lead them."""
    if actor is None or not is_plan_appraiser(actor, plan):
        return []
    if dialogue_lead_refusal(actor, employee) is not None:
        return []
    now = timezone.now()
    return [
        dialogue_schedule(
            actor=actor,
            employee=employee,
            kind=DialogueKind.COACHING,
            scheduled_at=moment,
            agenda=DIALOGUE_AGENDA,
        )
        for moment in coaching_dialogue_times(
            today=timezone.localdate(), period_end=period.end_date
        )
        if moment > now
    ]


def coaching_plan_ensure(actor: Actor, evaluation: Evaluation) -> DevelopmentPlan | None:
    """When the evaluation's predikat is in `rules.COACHING_PREDIKAT`: the employee's plan for
    the evaluation's period is made a coaching plan (`is_coaching`, `trigger_evaluation`; the
    plan is created AGREED if missing, an existing plan keeps its items) with a COACHING item
    ("Bimbingan kinerja", source COACHING, JP 0) and, when `actor` is the plan's appraiser,
    `rules.COACHING_DIALOGUES` coaching dialogues scheduled a month apart through
    `kinerja.monitoring.services.dialogues.dialogue_schedule` (otherwise the appraiser's home
    page asks them to schedule). Audited [development_plan.coaching_required]; the employee
    and the appraiser are told (DEVELOPMENT_COACHING_REQUIRED). Idempotent: a second call for
    the same evaluation changes nothing. A trial period (uji coba) requires nothing. Returns the
    plan, or None when no coaching is due."""
    if evaluation.predikat not in COACHING_PREDIKAT:
        return None
    skp = evaluation.plan
    period = PerformancePeriod.objects.get(pk=skp.period_id)
    if period.is_trial:  # a trial period's results do not count: nothing is required
        return None
    employee = Employee.objects.get(pk=skp.employee_id)
    today = timezone.localdate()
    with transaction.atomic():
        plan = (
            DevelopmentPlan.objects.select_for_update()
            .filter(employee=employee, period=period)
            .first()
        )
        if plan is not None and plan.is_coaching and plan.trigger_evaluation_id == evaluation.pk:
            return plan
        before = plan_snapshot(plan) if plan is not None else None
        now = timezone.now()
        if plan is None:
            agency_id, appraiser_id = _agency_and_appraiser(evaluation, employee.pk)
            plan = DevelopmentPlan.objects.create(
                employee=employee,
                period=period,
                agency_id=agency_id,
                appraiser_id=appraiser_id,
                state=PlanState.AGREED,
                is_coaching=True,
                trigger_evaluation=evaluation,
                proposed_at=now,
                agreed_at=now,
            )
        else:
            plan.is_coaching = True
            plan.trigger_evaluation = evaluation
            plan.save(update_fields=["is_coaching", "trigger_evaluation", "updated_at"])
        plan.period = period
        plan.employee = employee
        item = plan.items.filter(source=ItemSource.COACHING).order_by("pk").first()
        if item is None:
            target = max(today, min(today + timedelta(days=COACHING_TARGET_DAYS), period.end_date))
            item = DevelopmentItem.objects.create(
                plan=plan,
                title=COACHING_ITEM_TITLE,
                kind=CourseKind.COACHING,
                jp_planned=Decimal(0),
                target_date=target,
                source=ItemSource.COACHING,
                reason=(
                    f"Predikat kinerja {_predikat_text(evaluation)} pada {period.name}: "
                    "bimbingan kinerja wajib (PermenPANRB 6/2022)."
                ),
            )
        dialogues: list[PerformanceDialogue] = []
        if item.dialogue_id is None:
            dialogues = _schedule(actor, plan, employee, period)
            if dialogues:
                item.dialogue = dialogues[0]
                item.save(update_fields=["dialogue", "updated_at"])
        audit_record(
            actor=actor,
            action="development_plan.coaching_required",
            obj=plan,
            before=before,
            after=plan_snapshot(plan)
            | {
                "predikat": evaluation.predikat,
                "item_id": item.pk,
                "dialogue_ids": [d.pk for d in dialogues],
            },
        )
        if dialogues:
            text = (
                f"{len(dialogues)} dialog bimbingan dijadwalkan, yang pertama "
                f"{moment_id(dialogues[0].scheduled_at)}."
            )
        else:
            text = "Pejabat penilai menjadwalkan dialog bimbingan kinerja."
        plan_notify(
            plan,
            recipient_ids=employee_user_ids([employee.pk]) + appraiser_user_ids(plan),
            kind=NotificationKind.DEVELOPMENT_COACHING_REQUIRED,
            title=f"Bimbingan kinerja wajib untuk {employee.full_name} ({period.name})",
            text=(
                f"Predikat kinerja {_predikat_text(evaluation)}: rencana bimbingan kinerja "
                f"dibuat. {text}"
            ),
        )
    return plan
