"""The rules of an SKP that every entrance (page form, API, import, cascade) asks here, so they
all refuse with the same sentence:

- `target_errors`: a target is a positive number, a range with lower < upper bound (both
  positive), or a non-empty description.
- `contribution_errors`: a result contributes only to a result of the employee's supervisor
  (chain of command on the plan's start date) in a plan of the same period, and never in a loop.
- `goal_errors`: only a head of agency's plan links a result to an organisation goal, of the
  same agency and period.
- `plan_chain_for`: the post and appraiser fixed on a plan from the chain on its start date.

Each `*_errors` returns `{field: [message]}` (empty when valid), the shape of a
`ValidationError`; messages name the field, the value and what is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from kinerja.core.form_fields import parse_decimal_id
from kinerja.people.chain import Holder
from kinerja.people.holdings import chain_of_command_load
from kinerja.planning.models import OrganizationGoal, PlannedResult, TargetKind
from kinerja.scoring.formatting import format_decimal

if TYPE_CHECKING:
    from kinerja.planning.models import PerformancePlan

Errors = dict[str, list[str]]
Number = Decimal | int | float | str | None

TARGET_RULE = "target harus angka positif, rentang dengan batas bawah < batas atas, atau uraian."
MAX_PARENT_DEPTH = 50
MAX_TARGET = Decimal(10) ** 14


def number_text(value: Decimal | int | float) -> str:
    """A target number the Indonesian way, without needless decimals: 10, 12,5, 1.250."""
    exact = Decimal(str(value))
    if exact == exact.to_integral_value():
        return format_decimal(exact, 0)
    return format_decimal(exact, 2).rstrip("0").rstrip(",")


def _decimal(value: Number) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        parsed = parse_decimal_id(value)
        if parsed is None:
            raise ValueError(value)
        return parsed
    try:
        exact = Decimal(str(value))
    except InvalidOperation as error:
        raise ValueError(str(value)) from error
    if not exact.is_finite():
        raise ValueError(str(value))
    return exact


def _positive_errors(value: Number, field: str, label: str, errors: Errors) -> Decimal | None:
    try:
        exact = _decimal(value)
    except ValueError:
        errors[field] = [f"{label} {value!s} tidak diterima: bukan angka; {TARGET_RULE}"]
        return None
    if exact is None:
        errors[field] = [f"{label} belum diisi: {TARGET_RULE}"]
        return None
    if exact <= 0:
        errors[field] = [f"{label} {number_text(exact)} tidak diterima: {TARGET_RULE}"]
        return None
    if exact != exact.quantize(Decimal("0.01")) or exact >= MAX_TARGET:
        errors[field] = [
            f"{label} {value!s} tidak diterima: paling banyak 2 angka di belakang koma dan "
            "kurang dari 100 triliun."
        ]
        return None
    return exact


def target_errors(
    *,
    kind: str,
    value: Number,
    maximum: Number,
    unit: str = "",
    description: str = "",
    field_prefix: str = "target",
) -> Errors:
    """Refusals of a target (fields `<prefix>_kind`, `_value`, `_max`, `_description`).

    NUMBER: value > 0 (unit optional). RANGE: both bounds > 0 and value < maximum.
    DESCRIBED: a non-empty description.
    """
    errors: Errors = {}
    if kind == TargetKind.NUMBER:
        _positive_errors(value, f"{field_prefix}_value", "Target", errors)
    elif kind == TargetKind.RANGE:
        low = _positive_errors(value, f"{field_prefix}_value", "Batas bawah target", errors)
        high = _positive_errors(maximum, f"{field_prefix}_max", "Batas atas target", errors)
        if low is not None and high is not None and low >= high:
            errors[f"{field_prefix}_max"] = [
                f"Rentang target {number_text(low)} s.d. {number_text(high)} tidak diterima: batas "
                "bawah harus lebih kecil dari batas atas."
            ]
    elif kind == TargetKind.DESCRIBED:
        if not (description or "").strip():
            errors[f"{field_prefix}_description"] = [
                f"Uraian target kosong tidak diterima: {TARGET_RULE}"
            ]
    else:
        errors[f"{field_prefix}_kind"] = [
            f"Jenis target {kind!r} tidak dikenal; pilih Angka, Rentang, atau Deskripsi "
            "(kualitatif)."
        ]
    return errors


def target_text(
    *, kind: str, value: Decimal | None, maximum: Decimal | None, unit: str, description: str
) -> str:
    """A target as people read it: "10 dokumen", "80 s.d. 90 %", or the description."""
    suffix = f" {unit}" if unit else ""
    if kind == TargetKind.NUMBER and value is not None:
        return f"{number_text(value)}{suffix}"
    if kind == TargetKind.RANGE and value is not None and maximum is not None:
        return f"{number_text(value)} s.d. {number_text(maximum)}{suffix}"
    return description


# --- the chain of command fixed on a plan -------------------------------------------------------


@dataclass(frozen=True)
class PlanChain:
    """The employee's primary post on the day and who appraises them (None + mayor for heads of
    agency and JPT); `supervisor_id` is the employee whose results theirs contribute to."""

    position_id: int | None
    appraiser_id: int | None
    appraiser_position_id: int | None
    appraiser_is_mayor: bool
    supervisor_id: int | None
    position_ids: tuple[int, ...] = ()


def plan_chain_for(*, employee_id: int, day: date) -> PlanChain:
    chain = chain_of_command_load(employee_id=employee_id, day=day)
    primary = chain.primary
    appraiser = chain.appraiser
    supervisor = chain.supervisor
    return PlanChain(
        position_id=primary.position_id if primary else None,
        appraiser_id=appraiser.employee_id if isinstance(appraiser, Holder) else None,
        appraiser_position_id=appraiser.position_id if isinstance(appraiser, Holder) else None,
        appraiser_is_mayor=primary is not None and not isinstance(appraiser, Holder),
        supervisor_id=supervisor.employee_id if isinstance(supervisor, Holder) else None,
        position_ids=tuple(h.position_id for h in chain.positions),
    )


# --- contributions and goals --------------------------------------------------------------------


def contribution_errors(
    *,
    parent: PlannedResult | None,
    result: PlannedResult | None = None,
    plan: PerformancePlan | None = None,
) -> Errors:
    """Refusal (field `parent`) of `result` (or a new result of `plan`) contributing to `parent`.

    The parent must be a result of a plan in the same period whose employee is the plan's
    employee's supervisor on the plan's start date, and following parents upward from it must
    never reach `result` (a loop).
    """
    if parent is None:
        return {}
    if plan is None:
        if result is None:
            raise ValueError("contribution_errors needs a result or a plan")
        plan = result.plan
    parent_plan = parent.plan
    quoted = f"RHK atasan “{parent.text}”"
    if result is not None and result.pk is not None and parent.pk == result.pk:
        return {
            "parent": [
                f"{quoted} tidak dapat dipilih: RHK tidak dapat mengintervensi dirinya sendiri."
            ]
        }
    if parent_plan.period_id != plan.period_id:
        return {
            "parent": [
                f"{quoted} berasal dari {parent_plan.period.name}; RHK hanya dapat "
                f"mengintervensi RHK atasan pada {plan.period.name}."
            ]
        }
    supervisor_id = plan_chain_for(employee_id=plan.employee_id, day=plan.start_date).supervisor_id
    if supervisor_id is None or parent_plan.employee_id != supervisor_id:
        return {
            "parent": [
                f"{quoted} milik {parent_plan.employee.full_name}, bukan atasan "
                f"langsung {plan.employee.full_name} pada {plan.period.name}; RHK "
                "hanya dapat mengintervensi RHK atasan langsung."
            ]
        }
    if result is not None and result.pk is not None:
        seen: set[int] = set()
        cursor_id: int | None = parent.parent_id
        while cursor_id is not None and cursor_id not in seen and len(seen) < MAX_PARENT_DEPTH:
            if cursor_id == result.pk:
                return {
                    "parent": [
                        f"{quoted} tidak dapat dipilih: hubungan ini membentuk "
                        "lingkaran (RHK itu sendiri mengintervensi RHK ini)."
                    ]
                }
            seen.add(cursor_id)
            cursor_id = (
                PlannedResult.objects.filter(pk=cursor_id)
                .values_list("parent_id", flat=True)
                .first()
            )
    return {}


def goal_errors(*, plan: PerformancePlan, goal: OrganizationGoal | None) -> Errors:
    """Refusal (field `goal`) of linking a result of `plan` to an organisation goal."""
    if goal is None:
        return {}
    quoted = f"Sasaran strategis “{goal.statement}”"
    if not plan.position.is_head_of_agency:
        return {
            "goal": [
                f"{quoted} tidak dapat dipilih: hanya RHK kepala perangkat daerah yang "
                "dikaitkan langsung dengan sasaran strategis; RHK lain mengintervensi "
                "RHK atasan."
            ]
        }
    if goal.agency_id != plan.position.agency_id or goal.period_id != plan.period_id:
        return {
            "goal": [
                f"{quoted} bukan sasaran {plan.position.agency.name} pada "
                f"{plan.period.name}; pilih sasaran perangkat daerah dan periode SKP "
                "ini."
            ]
        }
    return {}
