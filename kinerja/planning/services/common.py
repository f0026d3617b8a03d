"""What every planning service shares: the edit check, snapshots for the audit trail, and the
bridge to the discussions app (threads and versions)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model

from kinerja.accounts.actors import Actor
from kinerja.discussions.models import Comment, DocumentVersion
from kinerja.discussions.services import comment_add, version_record
from kinerja.periods.rules import period_planning_refusal
from kinerja.planning.models import Indicator, PerformancePlan, PlannedResult
from kinerja.planning.permissions import (
    NOT_PARTICIPANT,
    is_plan_decider,
    is_plan_owner,
    plan_content_state_refusal,
)

Errors = dict[str, list[str]]


def require_plan_editable(actor: Actor, plan: PerformancePlan) -> None:
    """Refuse a change to the plan's content: a non-participant (403), a submitted or approved
    plan (field `state`), a period not open for planning (field `period`). The system (None)
    skips only the first."""
    if actor is not None and not (is_plan_owner(actor, plan) or is_plan_decider(actor, plan)):
        raise PermissionDenied(NOT_PARTICIPANT)
    require_plan_open(plan)


def require_plan_open(plan: PerformancePlan) -> None:
    state = plan_content_state_refusal(plan)
    if state:
        raise ValidationError({"state": [state]})
    require_period_open(plan)


def require_period_open(plan: PerformancePlan) -> None:
    period = period_planning_refusal(plan.period)
    if period:
        raise ValidationError({"period": [period]})


def raise_errors(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def text_errors(text: str, *, field: str, label: str, max_length: int = 500) -> Errors:
    value = text.strip()
    if not value:
        return {field: [f"{label} kosong tidak diterima: tuliskan {label.lower()}."]}
    if len(value) > max_length:
        return {
            field: [
                f"{label} sepanjang {len(value)} karakter tidak diterima: paling banyak "
                f"{max_length} karakter."
            ]
        }
    return {}


def choice_errors(value: str, choices: Any, *, field: str, label: str) -> Errors:
    """`choices` is a TextChoices class or a LabelledEnum (with `.choices()`)."""
    pairs = choices.choices() if callable(choices.choices) else choices.choices
    values = [code for code, _ in pairs]
    if value in values:
        return {}
    accepted = ", ".join(str(name) for _, name in pairs)
    return {field: [f"{label} {value!r} tidak dikenal; pilih salah satu: {accepted}."]}


def plan_snapshot(plan: PerformancePlan) -> dict[str, Any]:
    return {
        "period_id": plan.period_id,
        "employee_id": plan.employee_id,
        "position_id": plan.position_id,
        "start_date": plan.start_date,
        "end_date": plan.end_date,
        "appraiser_id": plan.appraiser_id,
        "appraiser_is_mayor": plan.appraiser_is_mayor,
        "approach": plan.approach,
        "state": plan.state,
        "version": plan.version,
        "approved_version": plan.approved_version,
        "resource_support": plan.resource_support,
        "accountability_scheme": plan.accountability_scheme,
        "consequences": plan.consequences,
    }


def result_snapshot(result: PlannedResult) -> dict[str, Any]:
    return {
        "plan_id": result.plan_id,
        "kind": result.kind,
        "number": result.number,
        "text": result.text,
        "parent_id": result.parent_id,
        "goal_id": result.goal_id,
        "perspective": result.perspective,
    }


def indicator_snapshot(indicator: Indicator) -> dict[str, Any]:
    return {
        "result_id": indicator.result_id,
        "number": indicator.number,
        "aspect": indicator.aspect,
        "text": indicator.text,
        "target_kind": indicator.target_kind,
        "target_value": indicator.target_value,
        "target_max": indicator.target_max,
        "target_unit": indicator.target_unit,
        "target_description": indicator.target_description,
        "polarity": indicator.polarity,
        "source": indicator.source,
        "service_unit_id": indicator.service_unit_id,
        "evidence_required": indicator.evidence_required,
    }


def discussions_comment_add(*, actor: Actor, subject: Model, body: str) -> Comment:
    return comment_add(actor=actor, subject=subject, body=body)


def discussions_version_record(
    *, actor: Actor, subject: Model, lines: list[str], content: dict[str, Any], note: str = ""
) -> DocumentVersion:
    return version_record(actor=actor, subject=subject, lines=lines, content=content, note=note)
