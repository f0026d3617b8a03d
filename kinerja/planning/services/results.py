"""Writes about the results (RHK) and indicators (IKI) of a plan, their threads, and the
cascade of a supervisor's result to subordinates."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.db.models.deletion import ProtectedError

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.discussions.models import Comment
from kinerja.organization.models import ServiceUnit
from kinerja.people.models import Employee
from kinerja.planning.models import (
    Aspect,
    Indicator,
    IndicatorSource,
    OrganizationGoal,
    PerformancePlan,
    Perspective,
    PlannedResult,
    PlanState,
    TargetKind,
)
from kinerja.planning.permissions import (
    EDITABLE_STATES,
    NOT_COMMENTER,
    can_comment_plan,
    is_plan_owner,
)
from kinerja.planning.rules import (
    Number,
    contribution_errors,
    goal_errors,
    plan_chain_for,
    target_errors,
)
from kinerja.planning.services.common import (
    Errors,
    choice_errors,
    discussions_comment_add,
    indicator_snapshot,
    raise_errors,
    require_period_open,
    require_plan_editable,
    result_snapshot,
    text_errors,
)
from kinerja.planning.services.plans import (
    _default_day,
    indicator_copy,
    period_agency_refusal_for,
    plan_create_row,
    result_numbers,
)
from kinerja.scoring.achievement import Polarity, ResultKind

RESULT_FIELDS = ["kind", "number", "text", "parent", "goal", "perspective", "updated_at"]
INDICATOR_FIELDS = [
    "aspect",
    "text",
    "target_kind",
    "target_value",
    "target_max",
    "target_unit",
    "target_description",
    "polarity",
    "source",
    "service_unit",
    "evidence_required",
    "updated_at",
]


def _result_errors(
    *,
    plan: PerformancePlan,
    result: PlannedResult | None,
    kind: str,
    text: str,
    parent: PlannedResult | None,
    goal: OrganizationGoal | None,
    perspective: str,
) -> Errors:
    errors: Errors = {}
    errors |= choice_errors(kind, ResultKind, field="kind", label="Jenis RHK")
    errors |= text_errors(text, field="text", label="Rencana hasil kerja")
    if perspective:
        errors |= choice_errors(perspective, Perspective, field="perspective", label="Perspektif")
    if parent is not None and goal is not None:
        errors["goal"] = [
            "RHK mengintervensi RHK atasan atau sasaran strategis, tidak keduanya: pilih "
            "salah satu."
        ]
        return errors
    errors |= contribution_errors(parent=parent, result=result, plan=plan)
    errors |= goal_errors(plan=plan, goal=goal)
    return errors


def result_add(
    *,
    actor: Actor,
    plan: PerformancePlan,
    kind: str = ResultKind.UTAMA.value,
    text: str,
    parent: PlannedResult | None = None,
    goal: OrganizationGoal | None = None,
    perspective: str = "",
) -> PlannedResult:
    """Add a main or additional result to an editable plan [result.added]."""
    require_plan_editable(actor, plan)
    raise_errors(
        _result_errors(
            plan=plan,
            result=None,
            kind=kind,
            text=text,
            parent=parent,
            goal=goal,
            perspective=perspective,
        )
    )
    with transaction.atomic():
        result = PlannedResult.objects.create(
            plan=plan,
            kind=kind,
            number=result_numbers(plan).get(kind, 0) + 1,
            text=text.strip(),
            parent=parent,
            goal=goal,
            perspective=perspective,
        )
        audit_record(actor=actor, action="result.added", obj=result, after=result_snapshot(result))
    return result


def _close_gap(plan_id: int, kind: str, number: int) -> None:
    PlannedResult.objects.filter(plan_id=plan_id, kind=kind, number__gt=number).update(
        number=F("number") - 1
    )


def result_update(
    *,
    actor: Actor,
    result: PlannedResult,
    kind: str,
    text: str,
    parent: PlannedResult | None,
    goal: OrganizationGoal | None,
    perspective: str = "",
) -> PlannedResult:
    """Change a result of an editable plan [result.updated]."""
    plan = result.plan
    require_plan_editable(actor, plan)
    raise_errors(
        _result_errors(
            plan=plan,
            result=result,
            kind=kind,
            text=text,
            parent=parent,
            goal=goal,
            perspective=perspective,
        )
    )
    before = result_snapshot(result)
    with transaction.atomic():
        if kind != result.kind:
            _close_gap(plan.pk, result.kind, result.number)
            result.number = result_numbers(plan).get(kind, 0) + 1
        result.kind = kind
        result.text = text.strip()
        result.parent = parent
        result.goal = goal
        result.perspective = perspective
        result.save(update_fields=RESULT_FIELDS)
        audit_record(
            actor=actor,
            action="result.updated",
            obj=result,
            before=before,
            after=result_snapshot(result),
        )
    return result


def _delete_unless_kept(obj: PlannedResult | Indicator, field: str, label: str) -> None:
    """Delete `obj`, or refuse when records of a later stage (realisations and their evidence,
    in the apps above planning) keep it: their foreign keys protect it, so the refusal comes
    from the database's own rule and planning need not know those apps."""
    try:
        obj.delete()
    except ProtectedError as error:
        kept = len(error.protected_objects)
        raise ValidationError(
            {
                field: [
                    f"{label} tidak dapat dihapus: sudah ada {kept} catatan realisasi yang "
                    "bergantung padanya, dan realisasi beserta bukti dukungnya tetap disimpan. "
                    "Ubah teks atau targetnya bila perlu."
                ]
            }
        ) from error


def result_remove(*, actor: Actor, result: PlannedResult) -> None:
    """Remove a result and its indicators from an editable plan [result.removed]; refused
    while subordinates' results contribute to it."""
    plan = result.plan
    require_plan_editable(actor, plan)
    linked = PlannedResult.objects.filter(parent=result).count()
    if linked:
        raise ValidationError(
            {
                "result": [
                    f"RHK “{result.text}” tidak dapat dihapus: {linked} RHK bawahan "
                    "mengintervensinya; minta bawahan melepas tautannya terlebih dahulu."
                ]
            }
        )
    before = result_snapshot(result) | {"indicators": result.indicators.count()}
    with transaction.atomic():
        audit_record(actor=actor, action="result.removed", obj=result, before=before)
        _delete_unless_kept(result, "result", f"RHK “{result.text}”")
        _close_gap(plan.pk, before["kind"], before["number"])


# --- indicators ---------------------------------------------------------------------------------


def _indicator_errors(
    *,
    aspect: str,
    text: str,
    target_kind: str,
    target_value: Number,
    target_max: Number,
    target_unit: str,
    target_description: str,
    polarity: str,
    source: str,
    service_unit: ServiceUnit | None,
) -> Errors:
    errors: Errors = {}
    errors |= choice_errors(aspect, Aspect, field="aspect", label="Aspek")
    errors |= text_errors(text, field="text", label="Indikator kinerja individu")
    errors |= target_errors(
        kind=target_kind,
        value=target_value,
        maximum=target_max,
        unit=target_unit,
        description=target_description,
    )
    errors |= choice_errors(polarity, Polarity, field="polarity", label="Polaritas")
    errors |= choice_errors(source, IndicatorSource, field="source", label="Sumber realisasi")
    if source == IndicatorSource.SATISFACTION_INDEX and service_unit is None:
        errors["service_unit"] = [
            "Unit layanan belum dipilih: sumber indeks kepuasan masyarakat memerlukan unit "
            "layanan yang disurvei."
        ]
    if len(target_unit.strip()) > 60:
        errors["target_unit"] = [
            f"Satuan “{target_unit.strip()[:60]}…” terlalu panjang: paling banyak 60 karakter."
        ]
    return errors


def _decimal(value: Number) -> Decimal | None:
    """The target number as stored; None when empty or not a number (the rules have already
    refused a bad number where the target kind needs one)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None


def _apply_indicator(
    indicator: Indicator,
    *,
    aspect: str,
    text: str,
    target_kind: str,
    target_value: Number,
    target_max: Number,
    target_unit: str,
    target_description: str,
    polarity: str,
    source: str,
    service_unit: ServiceUnit | None,
    evidence_required: bool,
) -> None:
    indicator.aspect = aspect
    indicator.text = text.strip()
    indicator.target_kind = target_kind
    value = _decimal(target_value)
    maximum = _decimal(target_max)
    indicator.target_value = value if target_kind != TargetKind.DESCRIBED else None
    indicator.target_max = maximum if target_kind == TargetKind.RANGE else None
    indicator.target_unit = target_unit.strip() if target_kind != TargetKind.DESCRIBED else ""
    indicator.target_description = target_description.strip()
    indicator.polarity = polarity
    indicator.source = source
    indicator.service_unit = service_unit if source == IndicatorSource.SATISFACTION_INDEX else None
    indicator.evidence_required = evidence_required


def indicator_add(
    *,
    actor: Actor,
    result: PlannedResult,
    aspect: str,
    text: str,
    target_kind: str = TargetKind.NUMBER,
    target_value: Number = None,
    target_max: Number = None,
    target_unit: str = "",
    target_description: str = "",
    polarity: str = Polarity.HIGHER_IS_BETTER.value,
    source: str = IndicatorSource.MANUAL,
    service_unit: ServiceUnit | None = None,
    evidence_required: bool = True,
) -> Indicator:
    """Add an indicator with its target to a result of an editable plan [indicator.added]."""
    require_plan_editable(actor, result.plan)
    fields: dict[str, Any] = {
        "aspect": aspect,
        "text": text,
        "target_kind": target_kind,
        "target_value": target_value,
        "target_max": target_max,
        "target_unit": target_unit,
        "target_description": target_description,
        "polarity": polarity,
        "source": source,
        "service_unit": service_unit,
    }
    raise_errors(_indicator_errors(**fields))
    with transaction.atomic():
        last = result.indicators.aggregate(last=Max("number"))["last"] or 0
        indicator = Indicator(result=result, number=last + 1)
        _apply_indicator(indicator, **fields, evidence_required=evidence_required)
        indicator.save()
        audit_record(
            actor=actor,
            action="indicator.added",
            obj=indicator,
            after=indicator_snapshot(indicator),
        )
    return indicator


def indicator_update(
    *,
    actor: Actor,
    indicator: Indicator,
    aspect: str,
    text: str,
    target_kind: str,
    target_value: Number = None,
    target_max: Number = None,
    target_unit: str = "",
    target_description: str = "",
    polarity: str = Polarity.HIGHER_IS_BETTER.value,
    source: str = IndicatorSource.MANUAL,
    service_unit: ServiceUnit | None = None,
    evidence_required: bool = True,
) -> Indicator:
    """Change an indicator of an editable plan [indicator.updated]."""
    require_plan_editable(actor, indicator.result.plan)
    fields: dict[str, Any] = {
        "aspect": aspect,
        "text": text,
        "target_kind": target_kind,
        "target_value": target_value,
        "target_max": target_max,
        "target_unit": target_unit,
        "target_description": target_description,
        "polarity": polarity,
        "source": source,
        "service_unit": service_unit,
    }
    raise_errors(_indicator_errors(**fields))
    before = indicator_snapshot(indicator)
    with transaction.atomic():
        _apply_indicator(indicator, **fields, evidence_required=evidence_required)
        indicator.save(update_fields=INDICATOR_FIELDS)
        audit_record(
            actor=actor,
            action="indicator.updated",
            obj=indicator,
            before=before,
            after=indicator_snapshot(indicator),
        )
    return indicator


def indicator_remove(*, actor: Actor, indicator: Indicator) -> None:
    """Remove an indicator from a result of an editable plan [indicator.removed]."""
    require_plan_editable(actor, indicator.result.plan)
    before = indicator_snapshot(indicator)
    with transaction.atomic():
        audit_record(actor=actor, action="indicator.removed", obj=indicator, before=before)
        _delete_unless_kept(indicator, "indicator", f"IKI “{indicator.text}”")
        Indicator.objects.filter(result_id=before["result_id"], number__gt=before["number"]).update(
            number=F("number") - 1
        )


# --- threads ------------------------------------------------------------------------------------


def result_comment_add(*, actor: Actor, result: PlannedResult, body: str) -> Comment:
    """Comment on a result (its own thread); see `can_comment_plan`."""
    if actor is not None:
        require(can_comment_plan(actor, result.plan), NOT_COMMENTER)
    with transaction.atomic():
        return discussions_comment_add(actor=actor, subject=result, body=body)


def indicator_comment_add(*, actor: Actor, indicator: Indicator, body: str) -> Comment:
    """Comment on an indicator (its own thread); see `can_comment_plan`."""
    if actor is not None:
        require(can_comment_plan(actor, indicator.result.plan), NOT_COMMENTER)
    with transaction.atomic():
        return discussions_comment_add(actor=actor, subject=indicator, body=body)


# --- cascade ------------------------------------------------------------------------------------


@dataclass
class CascadeReport:
    """What a cascade did: results added (with the plans started for them), and who was
    skipped and why."""

    added: list[PlannedResult] = field(default_factory=list)
    started: list[PerformancePlan] = field(default_factory=list)
    skipped: list[tuple[Employee, str]] = field(default_factory=list)


def result_cascade(
    *, actor: Actor, result: PlannedResult, employees: list[Employee]
) -> CascadeReport:
    """Push one of the supervisor's own results with its indicators to some or all of their
    subordinates [result.cascaded]: in each one's plan of the same period (started when
    missing) a result contributing to it, with copies of the indicators. A subordinate whose
    plan is submitted or approved, who already contributes to it, or who is not the
    supervisor's subordinate, is skipped and reported."""
    source_plan = result.plan
    if actor is not None and not is_plan_owner(actor, source_plan):
        raise PermissionDenied(
            "Hanya pemilik RHK yang dapat menurunkannya (cascade) kepada bawahannya."
        )
    require_period_open(source_plan)
    if not employees:
        raise ValidationError({"employees": ["Pilih paling sedikit satu bawahan."]})
    period = source_plan.period
    indicators = list(result.indicators.order_by("number"))
    existing = {
        plan.employee_id: plan
        for plan in PerformancePlan.objects.filter(period=period, employee__in=employees).order_by(
            "start_date", "pk"
        )
    }
    already = set(
        PlannedResult.objects.filter(parent=result).values_list("plan__employee_id", flat=True)
    )
    report = CascadeReport()
    with transaction.atomic():
        for employee in employees:
            plan = existing.get(employee.pk)
            day = plan.start_date if plan is not None else _default_day(period)
            chain = plan_chain_for(employee_id=employee.pk, day=day)
            if chain.supervisor_id != source_plan.employee_id:
                report.skipped.append((employee, "bukan bawahan langsung"))
                continue
            if employee.pk in already:
                report.skipped.append((employee, "sudah mengintervensi RHK ini"))
                continue
            if plan is None:
                if chain.position_id is None:
                    report.skipped.append((employee, "tidak memegang jabatan"))
                    continue
                if period_agency_refusal_for(period, employee):
                    report.skipped.append((employee, "di luar perangkat daerah uji coba"))
                    continue
                plan = plan_create_row(
                    actor=actor,
                    employee=employee,
                    period=period,
                    day=day,
                    chain=chain,
                    position_id=chain.position_id,
                )
                report.started.append(plan)
            if plan.state not in EDITABLE_STATES:
                label = PlanState(plan.state).label
                report.skipped.append((employee, f"SKP berstatus {label}"))
                continue
            added = PlannedResult.objects.create(
                plan=plan,
                kind=ResultKind.UTAMA.value,
                number=result_numbers(plan).get(ResultKind.UTAMA.value, 0) + 1,
                text=result.text,
                parent=result,
            )
            Indicator.objects.bulk_create(indicator_copy(i, result=added) for i in indicators)
            report.added.append(added)
        audit_record(
            actor=actor,
            action="result.cascaded",
            obj=result,
            after={
                "added_result_ids": [r.pk for r in report.added],
                "started_plan_ids": [p.pk for p in report.started],
                "skipped": {str(e.pk): reason for e, reason in report.skipped},
            },
        )
    return report
