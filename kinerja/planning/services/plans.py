"""Writes about a plan as a whole: start, annex, leader expectations, submit, return, approve,
revise, copy from last year, and comments on the plan."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.discussions.models import Comment, DocumentVersion
from kinerja.discussions.services import comment_body_errors
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import notify
from kinerja.organization.models import Position
from kinerja.people.holdings import employee_home_agency_id, today
from kinerja.people.models import Employee
from kinerja.periods.models import PerformancePeriod
from kinerja.periods.rules import period_agency_refusal, period_planning_refusal
from kinerja.planning.models import (
    Approach,
    Indicator,
    LeaderExpectation,
    PerformancePlan,
    PlannedResult,
    PlanState,
)
from kinerja.planning.permissions import (
    NOT_COMMENTER,
    NOT_DECIDER,
    NOT_OWNER,
    NOT_PARTICIPANT,
    NOT_STARTER,
    can_comment_plan,
    can_start_plan,
    is_plan_decider,
    is_plan_owner,
)
from kinerja.planning.rules import PlanChain, plan_chain_for
from kinerja.planning.selectors import (
    PlanDocument,
    core_value_codes,
    core_values,
    plan_document_build,
    plan_lines,
)
from kinerja.planning.services.common import (
    choice_errors,
    discussions_comment_add,
    discussions_version_record,
    plan_snapshot,
    raise_errors,
    require_period_open,
    require_plan_editable,
    require_plan_open,
)
from kinerja.scoring.formatting import format_date_id


def _default_day(period: PerformancePeriod) -> date:
    """The period's start, or today if later (never past the period's end)."""
    return min(max(period.start_date, today()), period.end_date)


def period_agency_refusal_for(period: PerformancePeriod, employee: Employee) -> str | None:
    """`period_agency_refusal` for the employee's home agency (a query only for an agency
    trial)."""
    if period.trial_agency_id is None:
        return None
    return period_agency_refusal(period, employee_home_agency_id(employee_id=employee.pk))


def require_period_agency(period: PerformancePeriod, employee: Employee) -> None:
    refusal = period_agency_refusal_for(period, employee)
    if refusal:
        raise ValidationError({"period": [refusal]})


def plan_create_row(
    *,
    actor: Actor,
    employee: Employee,
    period: PerformancePeriod,
    day: date,
    chain: PlanChain,
    position_id: int,
) -> PerformancePlan:
    """Create and audit the plan row (rights and rules already checked by the caller; the
    agency of a trial period is checked here too, the one door every new plan passes)."""
    require_period_agency(period, employee)
    plan = PerformancePlan.objects.create(
        period=period,
        employee=employee,
        position_id=position_id,
        start_date=day,
        end_date=period.end_date,
        appraiser_id=chain.appraiser_id,
        appraiser_position_id=chain.appraiser_position_id,
        appraiser_is_mayor=chain.appraiser_is_mayor,
        started_by=actor,
    )
    audit_record(actor=actor, action="plan.started", obj=plan, after=plan_snapshot(plan))
    return plan


def plan_start(
    *,
    actor: Actor,
    employee: Employee,
    period: PerformancePeriod,
    position: Position | None = None,
    start_date: date | None = None,
) -> PerformancePlan:
    """Start an employee's draft plan for a post in a period [plan.started].

    The employee for themself, or their supervisor/appraiser for a subordinate. The post
    defaults to the employee's primary post on the start date (default: the period's start,
    or today if later); the appraiser is fixed from the chain of command on that date.
    """
    day = start_date or _default_day(period)
    refusal = period_planning_refusal(period)
    if refusal:
        raise ValidationError({"period": [refusal]})
    require_period_agency(period, employee)
    if not period.start_date <= day <= period.end_date:
        raise ValidationError(
            {
                "start_date": [
                    f"Tanggal mulai {format_date_id(day)} berada di luar {period.name} "
                    f"({format_date_id(period.start_date)} s.d. "
                    f"{format_date_id(period.end_date)})."
                ]
            }
        )
    if actor is not None:
        require(can_start_plan(actor, employee, day=day), NOT_STARTER)
    chain = plan_chain_for(employee_id=employee.pk, day=day)
    position_id = position.pk if position is not None else chain.position_id
    if position_id is None or position_id not in chain.position_ids:
        what = f"jabatan {position.name}" if position is not None else "jabatan apa pun"
        raise ValidationError(
            {
                "position": [
                    f"{employee.full_name} tidak memegang {what} pada {format_date_id(day)}; "
                    "SKP disusun untuk jabatan yang dipegang pada tanggal mulainya."
                ]
            }
        )
    exists = PerformancePlan.objects.filter(
        period=period, employee=employee, position_id=position_id
    ).exists()
    if exists:
        name = position.name if position is not None else "jabatan ini"
        raise ValidationError(
            {
                "period": [
                    f"{employee.full_name} sudah memiliki SKP untuk {name} pada {period.name}; "
                    "buka SKP itu untuk melanjutkan."
                ]
            }
        )
    with transaction.atomic():
        _end_earlier_plans(actor, employee=employee, period=period, day=day)
        return plan_create_row(
            actor=actor,
            employee=employee,
            period=period,
            day=day,
            chain=chain,
            position_id=position_id,
        )


def _end_earlier_plans(
    actor: Actor, *, employee: Employee, period: PerformancePeriod, day: date
) -> None:
    """A mid-year move: the employee's earlier plans of the period end the day before the new
    one starts [plan.ended], so each plan covers its own dates."""
    earlier = PerformancePlan.objects.filter(
        employee=employee, period=period, start_date__lt=day, end_date__gte=day
    )
    for plan in earlier:
        before = {"end_date": plan.end_date}
        plan.end_date = day - timedelta(days=1)
        plan.save(update_fields=["end_date", "updated_at"])
        audit_record(
            actor=actor,
            action="plan.ended",
            obj=plan,
            before=before,
            after={"end_date": plan.end_date},
        )


def plan_update_annex(
    *,
    actor: Actor,
    plan: PerformancePlan,
    resource_support: str,
    accountability_scheme: str,
    consequences: str,
    approach: str = Approach.QUANTITATIVE,
) -> PerformancePlan:
    """Change the annex (resource support, accountability scheme, consequences) and the
    approach of an editable plan [plan.updated]."""
    require_plan_editable(actor, plan)
    raise_errors(choice_errors(approach, Approach, field="approach", label="Pendekatan"))
    before = plan_snapshot(plan)
    with transaction.atomic():
        plan.resource_support = resource_support.strip()
        plan.accountability_scheme = accountability_scheme.strip()
        plan.consequences = consequences.strip()
        plan.approach = approach
        plan.save(
            update_fields=[
                "resource_support",
                "accountability_scheme",
                "consequences",
                "approach",
                "updated_at",
            ]
        )
        audit_record(
            actor=actor, action="plan.updated", obj=plan, before=before, after=plan_snapshot(plan)
        )
    return plan


def expectation_set(
    *, actor: Actor, plan: PerformancePlan, core_value: str, text: str
) -> LeaderExpectation:
    """Write the leader's expectation for one core value [plan.expectation_set]; the deciding
    side (appraiser) only, on an editable plan."""
    if actor is not None:
        require(
            is_plan_decider(actor, plan),
            "Ekspektasi khusus pimpinan hanya dapat ditulis oleh pejabat penilai SKP ini.",
        )
    require_plan_open(plan)
    if core_value not in core_value_codes():
        names = ", ".join(v.name for v in core_values())
        raise ValidationError(
            {
                "core_value": [
                    f"Nilai dasar {core_value!r} tidak dikenal; pilih salah satu: {names}."
                ]
            }
        )
    if len(text.strip()) > 2000:
        raise ValidationError(
            {
                "text": [
                    f"Ekspektasi sepanjang {len(text.strip())} karakter tidak diterima: "
                    "paling banyak 2000 karakter."
                ]
            }
        )
    with transaction.atomic():
        expectation, _ = LeaderExpectation.objects.get_or_create(plan=plan, core_value=core_value)
        before = {"core_value": core_value, "text": expectation.text}
        expectation.text = text.strip()
        expectation.save(update_fields=["text", "updated_at"])
        audit_record(
            actor=actor,
            action="plan.expectation_set",
            obj=plan,
            before=before,
            after={"core_value": core_value, "text": expectation.text},
        )
    return expectation


# --- the loop: submit, return, approve, revise --------------------------------------------------


def plan_content(document: PlanDocument) -> dict[str, Any]:
    """The structured snapshot stored with a version (enough to rebuild the document)."""
    plan = document.plan
    return {
        "approach": plan.approach,
        "results": [
            {
                "id": view.result.pk,
                "kind": view.result.kind,
                "number": view.number,
                "text": view.result.text,
                "parent_id": view.result.parent_id,
                "goal_id": view.result.goal_id,
                "parent_text": view.parent_text,
                "perspective": view.result.perspective,
                "indicators": [
                    {
                        "id": i.pk,
                        "aspect": i.aspect,
                        "text": i.text,
                        "target_kind": i.target_kind,
                        "target_value": None if i.target_value is None else str(i.target_value),
                        "target_max": None if i.target_max is None else str(i.target_max),
                        "target_unit": i.target_unit,
                        "target_description": i.target_description,
                        "polarity": i.polarity,
                        "source": i.source,
                        "service_unit_id": i.service_unit_id,
                        "evidence_required": i.evidence_required,
                    }
                    for i in view.indicators
                ],
            }
            for view in document.results
        ],
        "expectations": {e.code: e.text for e in document.expectations if e.text},
        "resource_support": plan.resource_support,
        "accountability_scheme": plan.accountability_scheme,
        "consequences": plan.consequences,
        "appraiser_id": plan.appraiser_id,
        "appraiser_is_mayor": plan.appraiser_is_mayor,
    }


def _completeness_errors(document: PlanDocument) -> dict[str, list[str]]:
    if not document.main:
        return {
            "results": [
                "SKP belum memiliki RHK utama: tambahkan paling sedikit satu RHK utama sebelum "
                "mengajukan."
            ]
        }
    bare = [view.result.text for view in document.results if not view.indicators]
    if bare:
        names = ", ".join(f"“{text}”" for text in bare)
        return {
            "indicators": [
                f"RHK {names} belum memiliki indikator (IKI): setiap RHK memerlukan paling "
                "sedikit satu IKI sebelum SKP diajukan."
            ]
        }
    return {}


def _lock(plan: PerformancePlan) -> None:
    """Re-read the state under a row lock so two decisions never cross."""
    plan.state = (
        PerformancePlan.objects.select_for_update().values_list("state", flat=True).get(pk=plan.pk)
    )


def plan_submit(*, actor: Actor, plan: PerformancePlan, note: str = "") -> DocumentVersion:
    """Submit a draft or returned plan to the appraiser [plan.submitted]: the employee only;
    at least one main result, every result with an indicator. Records the next numbered
    version (`kinerja.discussions` DocumentVersion) and returns it."""
    if actor is not None:
        require(is_plan_owner(actor, plan), NOT_OWNER)
    require_plan_open(plan)
    raise_errors(_completeness_errors(plan_document_build(plan=plan)))
    before = plan_snapshot(plan)
    with transaction.atomic():
        _lock(plan)
        require_plan_open(plan)
        # Built again under the lock: the version holds exactly what was submitted, even if
        # the other side saved an edit between the first check and the lock.
        document = plan_document_build(plan=plan)
        raise_errors(_completeness_errors(document))
        version = discussions_version_record(
            actor=actor,
            subject=plan,
            lines=plan_lines(document=document),
            content=plan_content(document),
            note=note,
        )
        plan.version = version.number
        plan.state = PlanState.SUBMITTED
        plan.submitted_at = timezone.now()
        plan.save(update_fields=["version", "state", "submitted_at", "updated_at"])
        after = plan_snapshot(plan) | {"note": note.strip()}
        audit_record(actor=actor, action="plan.submitted", obj=plan, before=before, after=after)
        if plan.appraiser is not None:
            _notify_plan(
                plan,
                recipient_id=plan.appraiser.user_id,
                kind=NotificationKind.PLAN_SUBMITTED,
                title=f"SKP {plan.employee.full_name} diajukan",
                text=f"Versi {version.number} menunggu persetujuan Anda. {note}",
            )
    return version


def _notify_plan(
    plan: PerformancePlan, *, recipient_id: int | None, kind: str, title: str, text: str
) -> None:
    """Tell the other side of a plan decision, inside the decision's transaction."""
    notify(
        recipient_ids=[recipient_id],
        kind=kind,
        title=title,
        text=text.strip(),
        url=reverse("planning:plan_detail", kwargs={"plan_id": plan.pk}),
    )


def _note_errors(text: str, field: str) -> dict[str, list[str]]:
    """A note that goes to the plan's thread, refused under the service's own field name."""
    messages = [m for found in comment_body_errors(text).values() for m in found]
    return {field: messages} if messages else {}


def _require_decision(actor: Actor, plan: PerformancePlan, verb: str) -> None:
    if actor is not None:
        require(is_plan_decider(actor, plan), NOT_DECIDER)
    if plan.state != PlanState.SUBMITTED:
        raise ValidationError(
            {
                "state": [
                    f"SKP berstatus {plan.get_state_display()} tidak dapat {verb}; hanya SKP "
                    "yang sedang diajukan yang dapat disetujui atau dikembalikan."
                ]
            }
        )
    require_period_open(plan)


def plan_return(*, actor: Actor, plan: PerformancePlan, note: str) -> PerformancePlan:
    """Return a submitted plan to the employee with notes [plan.returned]: the appraiser
    only; the note is required and is added to the plan's thread."""
    _require_decision(actor, plan, "dikembalikan")
    if not note.strip():
        raise ValidationError(
            {
                "note": [
                    "Catatan pengembalian kosong tidak diterima: tuliskan apa yang perlu "
                    "diperbaiki pegawai."
                ]
            }
        )
    raise_errors(_note_errors(note, "note"))
    before = plan_snapshot(plan)
    with transaction.atomic():
        _lock(plan)
        _require_decision(None, plan, "dikembalikan")
        plan.state = PlanState.RETURNED
        plan.save(update_fields=["state", "updated_at"])
        discussions_comment_add(actor=actor, subject=plan, body=note)
        after = plan_snapshot(plan) | {"note": note.strip()}
        audit_record(actor=actor, action="plan.returned", obj=plan, before=before, after=after)
        _notify_plan(
            plan,
            recipient_id=plan.employee.user_id,
            kind=NotificationKind.PLAN_RETURNED,
            title=f"SKP {plan.period.name} dikembalikan untuk diperbaiki",
            text=f"Catatan pejabat penilai: {note.strip()}",
        )
    return plan


def plan_approve(*, actor: Actor, plan: PerformancePlan, note: str = "") -> PerformancePlan:
    """Approve a submitted plan [plan.approved]: the appraiser only; the submitted version
    becomes the version in force."""
    _require_decision(actor, plan, "disetujui")
    if note.strip():
        raise_errors(_note_errors(note, "note"))
    before = plan_snapshot(plan)
    with transaction.atomic():
        _lock(plan)
        _require_decision(None, plan, "disetujui")
        plan.state = PlanState.APPROVED
        plan.approved_version = plan.version
        plan.approved_at = timezone.now()
        plan.save(update_fields=["state", "approved_version", "approved_at", "updated_at"])
        if note.strip():
            discussions_comment_add(actor=actor, subject=plan, body=note)
        after = plan_snapshot(plan) | {"note": note.strip()}
        audit_record(actor=actor, action="plan.approved", obj=plan, before=before, after=after)
        _notify_plan(
            plan,
            recipient_id=plan.employee.user_id,
            kind=NotificationKind.PLAN_APPROVED,
            title=f"SKP {plan.period.name} disetujui",
            text=(
                f"Catatan pejabat penilai: {note.strip()}"
                if note.strip()
                else f"Versi {plan.version} kini berlaku; realisasinya diisi per evaluasi periodik."
            ),
        )
    return plan


def plan_revise(*, actor: Actor, plan: PerformancePlan, reason: str) -> PerformancePlan:
    """Start a new version of an approved plan [plan.revision_started]: back to DRAFT, while
    the approved version stays in force until the new one is approved. Either side; the
    reason is required and added to the plan's thread."""
    if actor is not None and not (is_plan_owner(actor, plan) or is_plan_decider(actor, plan)):
        raise PermissionDenied(NOT_PARTICIPANT)
    if plan.state != PlanState.APPROVED:
        raise ValidationError(
            {
                "state": [
                    f"SKP berstatus {plan.get_state_display()} tidak perlu direvisi; revisi hanya "
                    "untuk SKP yang sudah disetujui (SKP draf atau dikembalikan dapat langsung "
                    "diubah)."
                ]
            }
        )
    require_period_open(plan)
    if not reason.strip():
        raise ValidationError(
            {
                "reason": [
                    "Alasan revisi kosong tidak diterima: tuliskan mengapa SKP yang sudah "
                    "disetujui perlu diubah."
                ]
            }
        )
    raise_errors(_note_errors(reason, "reason"))
    before = plan_snapshot(plan)
    with transaction.atomic():
        _lock(plan)
        if plan.state != PlanState.APPROVED:  # the other side started the revision first
            raise ValidationError({"state": ["Revisi SKP ini sudah dimulai; muat ulang halaman."]})
        plan.state = PlanState.DRAFT
        plan.save(update_fields=["state", "updated_at"])
        discussions_comment_add(actor=actor, subject=plan, body=reason)
        after = plan_snapshot(plan) | {"reason": reason.strip()}
        audit_record(
            actor=actor, action="plan.revision_started", obj=plan, before=before, after=after
        )
    return plan


# --- copying last year's plan, comments ---------------------------------------------------------


def previous_plan_for(plan: PerformancePlan) -> PerformancePlan | None:
    """The employee's plan of the previous year (the same post first, then the latest)."""
    candidates = list(
        PerformancePlan.objects.filter(
            employee_id=plan.employee_id,
            period__year=plan.period.year - 1,
            period__is_trial=False,
        ).order_by("-start_date", "-pk")
    )
    same_post = [c for c in candidates if c.position_id == plan.position_id]
    chosen = same_post or candidates
    return chosen[0] if chosen else None


def plan_copy_previous(*, actor: Actor, plan: PerformancePlan) -> int:
    """Copy the results (without links to a supervisor's result or goal) and indicators of
    the employee's plan of last year into this editable plan [plan.copied]; returns how many
    results were copied."""
    require_plan_editable(actor, plan)
    source = previous_plan_for(plan)
    if source is None:
        raise ValidationError(
            {
                "plan": [
                    f"Tidak ada SKP tahun {plan.period.year - 1} milik "
                    f"{plan.employee.full_name} untuk disalin."
                ]
            }
        )
    results = list(
        PlannedResult.objects.filter(plan=source)
        .prefetch_related("indicators")
        .order_by("kind", "number", "pk")
    )
    with transaction.atomic():
        numbers = result_numbers(plan)
        copies: list[tuple[PlannedResult, list[Indicator]]] = []
        for result in results:
            numbers[result.kind] = numbers.get(result.kind, 0) + 1
            copy = PlannedResult(
                plan=plan,
                kind=result.kind,
                number=numbers[result.kind],
                text=result.text,
                perspective=result.perspective,
            )
            copies.append((copy, list(result.indicators.all())))
        PlannedResult.objects.bulk_create([copy for copy, _ in copies])
        Indicator.objects.bulk_create(
            indicator_copy(indicator, result=copy)
            for copy, indicators in copies
            for indicator in indicators
        )
        plan.copied_from = source
        plan.save(update_fields=["copied_from", "updated_at"])
        audit_record(
            actor=actor,
            action="plan.copied",
            obj=plan,
            after={"copied_from_id": source.pk, "results": len(copies)},
        )
    return len(copies)


def result_numbers(plan: PerformancePlan) -> dict[str, int]:
    """The highest result number of each kind in the plan (one query)."""
    rows = (
        PlannedResult.objects.filter(plan=plan)
        .values("kind")
        .annotate(last=Max("number"))
        .values_list("kind", "last")
    )
    return {kind: last or 0 for kind, last in rows}


def indicator_copy(indicator: Indicator, *, result: PlannedResult) -> Indicator:
    return Indicator(
        result=result,
        number=indicator.number,
        aspect=indicator.aspect,
        text=indicator.text,
        target_kind=indicator.target_kind,
        target_value=indicator.target_value,
        target_max=indicator.target_max,
        target_unit=indicator.target_unit,
        target_description=indicator.target_description,
        polarity=indicator.polarity,
        source=indicator.source,
        service_unit_id=indicator.service_unit_id,
        evidence_required=indicator.evidence_required,
    )


def plan_comment_add(*, actor: Actor, plan: PerformancePlan, body: str) -> Comment:
    """Comment on the plan as a whole (thread of the plan); see `can_comment_plan`."""
    if actor is not None:
        require(can_comment_plan(actor, plan), NOT_COMMENTER)
    with transaction.atomic():
        return discussions_comment_add(actor=actor, subject=plan, body=body)
