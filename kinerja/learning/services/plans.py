"""Development plans and their items: open, add, remove, propose, agree, return.

Who may: the plan's employee writes while DRAFT or RETURNED and proposes; the plan's appraiser
adds while PROPOSED, agrees or returns (`kinerja.learning.permissions`). Anyone else is refused
with 403; a plan in the wrong state is refused under the field `plan`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.discussions.models import Comment
from kinerja.discussions.services import comment_add, version_record
from kinerja.learning.models import (
    Competency,
    CourseKind,
    DevelopmentItem,
    DevelopmentPlan,
    ItemSource,
    ItemState,
    PlanState,
    TrainingCourse,
)
from kinerja.learning.permissions import (
    NOT_APPRAISER,
    NOT_OWNER,
    is_plan_appraiser,
    is_plan_employee,
)
from kinerja.learning.rules import TEXT_MAX, TITLE_MAX, jp_errors, text_errors
from kinerja.learning.services.common import (
    Errors,
    appraiser_user_ids,
    employee_post_today,
    item_locked,
    item_snapshot,
    plan_locked,
    plan_notify,
    plan_snapshot,
    raise_errors,
)
from kinerja.notifications.models import NotificationKind
from kinerja.people.holdings import employee_user_ids
from kinerja.people.models import Employee
from kinerja.periods.models import PerformancePeriod
from kinerja.scoring.formatting import format_date_id, format_decimal

NOT_PLAN_PARTY = "Hanya pegawai pemilik rencana dan pejabat penilainya yang dapat melakukan ini."
EMPLOYEE_WRITES = (PlanState.DRAFT, PlanState.RETURNED)
EMPLOYEE_SOURCES = (ItemSource.SUGGESTED, ItemSource.EMPLOYEE)


def jp_text(value: Decimal) -> str:
    return format_decimal(value, 0 if value == value.to_integral_value() else 1)


def _state_refusal(plan: DevelopmentPlan, allowed: tuple[str, ...], doing: str) -> None:
    if plan.state not in allowed:
        names = " atau ".join(str(PlanState(s).label) for s in allowed)
        raise ValidationError(
            {
                "plan": [
                    f"Rencana pengembangan berstatus {plan.get_state_display()}; {doing} hanya "
                    f"dapat dilakukan ketika berstatus {names}."
                ]
            }
        )


def plan_post_today(employee: Employee) -> tuple[int, int | None]:
    """The agency of the employee's post today and their appraiser (None when the Wali Kota
    rates). ValidationError on `employee` when they hold no post today."""
    post = employee_post_today(employee.pk)
    if post is None:
        raise ValidationError(
            {
                "employee": [
                    f"{employee.full_name} tidak memegang jabatan hari ini; rencana pengembangan "
                    "mengikuti jabatan dan pejabat penilainya."
                ]
            }
        )
    return post


def development_plan_open(
    *, actor: Actor, employee: Employee, period: PerformancePeriod
) -> DevelopmentPlan:
    """The employee's plan for the period, created as DRAFT if missing
    [development_plan.opened] with the appraiser and agency of the employee's post (the
    chain of command today). Only the employee themself (or the system, actor None)."""
    if actor is not None and employee.user_id != actor.pk:
        raise PermissionDenied(NOT_OWNER)
    found = DevelopmentPlan.objects.filter(employee=employee, period=period).first()
    if found is not None:
        return found
    agency_id, appraiser_id = plan_post_today(employee)
    try:
        with transaction.atomic():
            plan = DevelopmentPlan.objects.create(
                employee=employee,
                period=period,
                agency_id=agency_id,
                appraiser_id=appraiser_id,
                state=PlanState.DRAFT,
            )
            audit_record(
                actor=actor, action="development_plan.opened", obj=plan, after=plan_snapshot(plan)
            )
    except IntegrityError:  # opened by a second request at the same moment
        return DevelopmentPlan.objects.get(employee=employee, period=period)
    return plan


def _adder_source(actor: Actor, plan: DevelopmentPlan, source: str) -> str:
    """The item's source once the actor may add to the plan now (403 / `plan` otherwise)."""
    if is_plan_employee(actor, plan):
        _state_refusal(plan, EMPLOYEE_WRITES, "menambah atau menghapus kegiatan")
        if source not in EMPLOYEE_SOURCES:
            accepted = ", ".join(f"{s.value} ({s.label})" for s in EMPLOYEE_SOURCES)
            raise ValidationError(
                {
                    "source": [
                        f"Asal kegiatan “{source}” tidak diterima; isi salah satu: {accepted}."
                    ]
                }
            )
        return source
    if is_plan_appraiser(actor, plan):
        _state_refusal(plan, (PlanState.PROPOSED,), "menambah atau menghapus kegiatan")
        return ItemSource.APPRAISER.value
    raise PermissionDenied(NOT_PLAN_PARTY)


def _item_errors(
    *,
    plan: DevelopmentPlan,
    title: str,
    kind: str,
    jp_planned: Decimal | None,
    target_date: date,
    reason: str,
    course: TrainingCourse | None,
    competency_id: int | None,
) -> Errors:
    period = plan.period
    errors: Errors = {
        **text_errors("title", "Nama kegiatan", title, max_length=TITLE_MAX),
        **jp_errors("jp_planned", "JP direncanakan", jp_planned),
        **text_errors("reason", "Alasan", reason, max_length=TEXT_MAX, required=False),
    }
    if kind not in CourseKind.values:
        accepted = ", ".join(f"{value} ({label})" for value, label in CourseKind.choices)
        errors["kind"] = [f"Jenis kegiatan “{kind}” tidak dikenal; isi salah satu: {accepted}."]
    if not period.start_date <= target_date <= period.end_date:
        errors["target_date"] = [
            f"Target selesai {format_date_id(target_date)} di luar periode {period.name}; isi "
            f"tanggal {format_date_id(period.start_date)} sampai {format_date_id(period.end_date)}."
        ]
    if course is not None:
        if not course.is_active:
            errors["course"] = [
                f"Pelatihan “{course.title}” sudah tidak aktif di katalog; pilih pelatihan lain."
            ]
        elif plan.items.filter(course=course).exists():
            errors["course"] = [
                f"Pelatihan “{course.title}” sudah ada di rencana ini; pilih pelatihan lain."
            ]
    if competency_id is not None and not Competency.objects.filter(pk=competency_id).exists():
        errors["competency_id"] = [
            f"Kompetensi nomor {competency_id} tidak ada di kamus kompetensi; pilih dari kamus."
        ]
    return errors


def development_item_add(
    *,
    actor: Actor,
    plan: DevelopmentPlan,
    title: str,
    kind: str,
    jp_planned: Decimal | None,
    target_date: date,
    source: str,
    reason: str = "",
    course: TrainingCourse | None = None,
    competency_id: int | None = None,
) -> DevelopmentItem:
    """Add an activity [development_item.added]: the employee while DRAFT/RETURNED, or the
    appraiser while PROPOSED (source APPRAISER). From a course: title, kind and JP default to
    the course's (when left empty). Refused: target date outside the period; JP outside 0,5 to
    `JP_MAX`; a course already in the plan; title empty or over 200."""
    source = _adder_source(actor, plan, source)
    if course is not None:
        title = title.strip() or course.title
        kind = kind or course.kind
        jp_planned = course.jp if jp_planned is None else jp_planned
        if competency_id is None:
            competency_id = (
                course.competencies.order_by("name").values_list("pk", flat=True).first()
            )

    def check(plan: DevelopmentPlan) -> Errors:
        return _item_errors(
            plan=plan,
            title=title,
            kind=kind,
            jp_planned=jp_planned,
            target_date=target_date,
            reason=reason,
            course=course,
            competency_id=competency_id,
        )

    raise_errors(check(plan))
    assert jp_planned is not None
    with transaction.atomic():
        plan = plan_locked(plan)
        source = _adder_source(actor, plan, source)
        raise_errors(check(plan))
        item = DevelopmentItem.objects.create(
            plan=plan,
            course=course,
            competency_id=competency_id,
            title=" ".join(title.split()),
            kind=kind,
            jp_planned=jp_planned,
            target_date=target_date,
            source=source,
            reason=reason.strip(),
        )
        audit_record(
            actor=actor, action="development_item.added", obj=item, after=item_snapshot(item)
        )
    return item


def development_item_remove(*, actor: Actor, item: DevelopmentItem) -> None:
    """Remove a PLANNED item [development_item.removed]; same rights as adding; a coaching item
    of a mandatory plan is never removed."""
    with transaction.atomic():
        item = item_locked(item)
        plan = item.plan
        _adder_source(actor, plan, ItemSource.EMPLOYEE.value)
        if plan.is_coaching and item.source == ItemSource.COACHING:
            raise ValidationError(
                {
                    "item": [
                        f"“{item.title}” adalah bimbingan kinerja wajib (predikat kinerja Butuh "
                        "Perbaikan atau lebih rendah); kegiatan ini tidak dapat dihapus."
                    ]
                }
            )
        if item.state != ItemState.PLANNED:
            raise ValidationError(
                {
                    "item": [
                        f"“{item.title}” berstatus {item.get_state_display()}; hanya kegiatan "
                        "yang masih Direncanakan yang dapat dihapus."
                    ]
                }
            )
        before = item_snapshot(item)
        audit_record(actor=actor, action="development_item.removed", obj=item, before=before)
        item.delete()


def plan_lines(items: list[DevelopmentItem]) -> list[str]:
    """The plan as the version compares it: one line per item "Kegiatan — JP — target"."""
    return [
        f"{item.title} — {jp_text(item.jp_planned)} JP — {format_date_id(item.target_date)}"
        for item in items
    ]


def development_plan_propose(*, actor: Actor, plan: DevelopmentPlan) -> DevelopmentPlan:
    """The employee proposes DRAFT/RETURNED → PROPOSED [development_plan.proposed]; at least one
    item; a version is recorded (`kinerja.discussions.services.version_record`, lines: one per
    item "Kegiatan — JP — target"); the appraiser is told (DEVELOPMENT_PLAN_PROPOSED)."""
    if not is_plan_employee(actor, plan):
        raise PermissionDenied(NOT_OWNER)
    with transaction.atomic():
        plan = plan_locked(plan)
        _state_refusal(plan, EMPLOYEE_WRITES, "mengajukan")
        items = list(plan.items.order_by("target_date", "pk"))
        if not items:
            raise ValidationError(
                {
                    "items": [
                        "Tambahkan paling sedikit satu kegiatan pengembangan sebelum mengajukan."
                    ]
                }
            )
        before = plan_snapshot(plan)
        version = version_record(
            actor=actor,
            subject=plan,
            lines=plan_lines(items),
            content={"items": [item_snapshot(item) for item in items]},
        )
        plan.state = PlanState.PROPOSED
        plan.proposed_at = timezone.now()
        plan.save(update_fields=["state", "proposed_at", "updated_at"])
        audit_record(
            actor=actor,
            action="development_plan.proposed",
            obj=plan,
            before=before,
            after=plan_snapshot(plan) | {"version": version.number, "items": len(items)},
        )
        total = sum((item.jp_planned for item in items), Decimal(0))
        plan_notify(
            plan,
            recipient_ids=appraiser_user_ids(plan),
            kind=NotificationKind.DEVELOPMENT_PLAN_PROPOSED,
            title=(f"{plan.employee.full_name} mengajukan rencana pengembangan {plan.period.name}"),
            text=(
                f"{len(items)} kegiatan, {jp_text(total)} JP direncanakan. Sepakati atau "
                "kembalikan dengan alasan."
            ),
        )
    return plan


def _require_appraiser(actor: Actor, plan: DevelopmentPlan) -> None:
    if not is_plan_appraiser(actor, plan):
        raise PermissionDenied(NOT_APPRAISER)


def development_plan_agree(*, actor: Actor, plan: DevelopmentPlan) -> DevelopmentPlan:
    """The appraiser agrees PROPOSED → AGREED [development_plan.agreed]; the employee is told."""
    _require_appraiser(actor, plan)
    with transaction.atomic():
        plan = plan_locked(plan)
        _state_refusal(plan, (PlanState.PROPOSED,), "menyepakati")
        before = plan_snapshot(plan)
        plan.state = PlanState.AGREED
        plan.agreed_at = timezone.now()
        plan.agreed_by = actor
        plan.return_reason = ""
        plan.save(update_fields=["state", "agreed_at", "agreed_by", "return_reason", "updated_at"])
        audit_record(
            actor=actor,
            action="development_plan.agreed",
            obj=plan,
            before=before,
            after=plan_snapshot(plan),
        )
        plan_notify(
            plan,
            recipient_ids=employee_user_ids([plan.employee_id]),
            kind=NotificationKind.DEVELOPMENT_PLAN_AGREED,
            title=f"Rencana pengembangan {plan.period.name} disepakati",
            text="Catat setiap kegiatan yang selesai beserta sertifikat dan JP-nya.",
        )
    return plan


def development_plan_return(*, actor: Actor, plan: DevelopmentPlan, reason: str) -> DevelopmentPlan:
    """The appraiser returns PROPOSED → RETURNED with a reason [development_plan.returned]; the
    employee is told; the reason is also a comment in the plan's thread."""
    _require_appraiser(actor, plan)
    raise_errors(text_errors("reason", "Alasan dikembalikan", reason, max_length=TEXT_MAX))
    with transaction.atomic():
        plan = plan_locked(plan)
        _state_refusal(plan, (PlanState.PROPOSED,), "mengembalikan")
        before = plan_snapshot(plan)
        plan.state = PlanState.RETURNED
        plan.return_reason = reason.strip()
        plan.save(update_fields=["state", "return_reason", "updated_at"])
        comment_add(actor=actor, subject=plan, body=reason)
        audit_record(
            actor=actor,
            action="development_plan.returned",
            obj=plan,
            before=before,
            after=plan_snapshot(plan),
        )
        plan_notify(
            plan,
            recipient_ids=employee_user_ids([plan.employee_id]),
            kind=NotificationKind.DEVELOPMENT_PLAN_RETURNED,
            title=f"Rencana pengembangan {plan.period.name} dikembalikan untuk diperbaiki",
            text=f"Alasan pejabat penilai: {reason.strip()}",
        )
    return plan


def development_plan_comment(*, actor: Actor, plan: DevelopmentPlan, body: str) -> Comment:
    """A comment in the plan's thread (`kinerja.discussions.services.comment_add`) by the
    employee or the appraiser."""
    if not (is_plan_employee(actor, plan) or is_plan_appraiser(actor, plan)):
        raise PermissionDenied(NOT_PLAN_PARTY)
    with transaction.atomic():
        return comment_add(actor=actor, subject=plan, body=body)
