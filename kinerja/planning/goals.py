"""Organisation goals (Perjanjian Kinerja): an agency's strategic goals for a period, each with
its indicators (IKU) and targets.

Who: the Admin OPD of the agency, or Admin BKPSDM (`can_manage_agency`). When: any stage but a
closed period. Targets follow the one target rule, `kinerja.planning.rules.target_errors`, that
individual indicators follow too. Every change writes an `organization_goal.*` audit event in
its transaction. A goal that a head of agency's result links to cannot be removed: the link
goes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_manage_agency, require
from kinerja.audit.services import audit_record
from kinerja.organization.models import Agency
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.planning.alignment import can_see_agency_chain, period_day
from kinerja.planning.models import GoalIndicator, OrganizationGoal, Perspective, TargetKind
from kinerja.planning.rules import target_errors, target_text
from kinerja.scoring.achievement import Polarity

GOAL_REFUSED = (
    "Sasaran strategis hanya dapat diubah oleh Admin OPD perangkat daerah tersebut atau "
    "Admin BKPSDM."
)
STATEMENT_MAX = 500


def goal_period_refusal(period: PerformancePeriod) -> str | None:
    """Goals change in every stage of a period except a closed one."""
    if period.state == PeriodState.CLOSED:
        return (
            f"{period.name} sudah ditutup; sasaran strategis periode yang ditutup tidak dapat "
            "diubah."
        )
    return None


def can_manage_goals(actor: Actor, agency_id: int) -> bool:
    return actor is None or can_manage_agency(actor, agency_id)


def require_goal_manager(actor: Actor, agency_id: int) -> None:
    if actor is not None:
        require(can_manage_goals(actor, agency_id), GOAL_REFUSED)


def _require_open(period: PerformancePeriod) -> None:
    refusal = goal_period_refusal(period)
    if refusal:
        raise ValidationError({"period": [refusal]})


def _text_errors(field: str, label: str, value: str, maximum: int) -> dict[str, list[str]]:
    text = value.strip()
    if not text:
        return {field: [f"{label} wajib diisi; tuliskan kalimatnya."]}
    if len(text) > maximum:
        return {
            field: [f"{label} terlalu panjang ({len(text)} karakter); paling banyak {maximum}."]
        }
    return {}


def _perspective_errors(perspective: str) -> dict[str, list[str]]:
    if perspective and perspective not in Perspective.values:
        accepted = ", ".join(str(label) for label in Perspective.labels)
        return {
            "perspective": [
                f"Perspektif “{perspective}” tidak dikenal; pilih salah satu: {accepted}, "
                "atau kosongkan."
            ]
        }
    return {}


def _snapshot(goal: OrganizationGoal) -> dict[str, Any]:
    return {"number": goal.number, "statement": goal.statement, "perspective": goal.perspective}


def _indicator_snapshot(indicator: GoalIndicator) -> dict[str, Any]:
    return {
        "goal": indicator.goal_id,
        "number": indicator.number,
        "indicator": indicator.text,
        "target_kind": indicator.target_kind,
        "target_value": str(indicator.target_value) if indicator.target_value is not None else "",
        "target_max": str(indicator.target_max) if indicator.target_max is not None else "",
        "target_unit": indicator.target_unit,
        "target_description": indicator.target_description,
        "polarity": indicator.polarity,
    }


def _number_errors(
    *, agency: Agency, period: PerformancePeriod, number: int | None, exclude: int | None
) -> dict[str, list[str]]:
    if number is None:
        return {}
    if number < 1 or number > 999:
        return {"number": [f"Nomor {number} tidak sah; isi bilangan bulat 1 sampai 999."]}
    taken = OrganizationGoal.objects.filter(agency=agency, period=period, number=number)
    if exclude is not None:
        taken = taken.exclude(pk=exclude)
    if taken.exists():
        return {
            "number": [
                f"Nomor {number} sudah dipakai sasaran lain pada periode ini; pilih nomor lain."
            ]
        }
    return {}


def _next_number(*, agency: Agency, period: PerformancePeriod) -> int:
    highest = OrganizationGoal.objects.filter(agency=agency, period=period).aggregate(
        n=Max("number")
    )["n"]
    return int(highest or 0) + 1


def goal_create(
    *,
    actor: Actor,
    agency: Agency,
    period: PerformancePeriod,
    statement: str,
    perspective: str = "",
    number: int | None = None,
) -> OrganizationGoal:
    """Add a strategic goal to the agency's Perjanjian Kinerja [organization_goal.created]."""
    require_goal_manager(actor, agency.pk)
    _require_open(period)
    errors = {
        **_text_errors("statement", "Sasaran strategis", statement, STATEMENT_MAX),
        **_perspective_errors(perspective),
        **_number_errors(agency=agency, period=period, number=number, exclude=None),
    }
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        goal = OrganizationGoal.objects.create(
            agency=agency,
            period=period,
            number=number if number is not None else _next_number(agency=agency, period=period),
            statement=statement.strip(),
            perspective=perspective,
        )
        audit_record(
            actor=actor, action="organization_goal.created", obj=goal, after=_snapshot(goal)
        )
    return goal


def goal_update(
    *,
    actor: Actor,
    goal: OrganizationGoal,
    statement: str,
    perspective: str = "",
    number: int | None = None,
) -> OrganizationGoal:
    """Change a goal's statement, perspective or number [organization_goal.updated]."""
    require_goal_manager(actor, goal.agency_id)
    _require_open(goal.period)
    errors = {
        **_text_errors("statement", "Sasaran strategis", statement, STATEMENT_MAX),
        **_perspective_errors(perspective),
        **_number_errors(agency=goal.agency, period=goal.period, number=number, exclude=goal.pk),
    }
    if errors:
        raise ValidationError(errors)
    before = _snapshot(goal)
    with transaction.atomic():
        goal.statement = statement.strip()
        goal.perspective = perspective
        if number is not None:
            goal.number = number
        goal.save(update_fields=["statement", "perspective", "number", "updated_at"])
        audit_record(
            actor=actor,
            action="organization_goal.updated",
            obj=goal,
            before=before,
            after=_snapshot(goal),
        )
    return goal


def goal_remove(*, actor: Actor, goal: OrganizationGoal) -> None:
    """Remove a goal and its indicators, unless a result links to it [organization_goal.removed]."""
    require_goal_manager(actor, goal.agency_id)
    _require_open(goal.period)
    linked = goal.results.count()
    if linked:
        raise ValidationError(
            {
                "goal": [
                    f"Sasaran “{goal.statement}” sudah dirujuk oleh {linked} RHK; lepaskan "
                    "tautan RHK itu dahulu, baru sasaran dapat dihapus."
                ]
            }
        )
    before = _snapshot(goal)
    before["indicators"] = [i.text for i in goal.indicators.all()]
    with transaction.atomic():
        audit_record(actor=actor, action="organization_goal.removed", obj=goal, before=before)
        goal.delete()


@dataclass(frozen=True)
class GoalTarget:
    """A target as an entrance received it (form, import)."""

    kind: str
    value: Decimal | None = None
    maximum: Decimal | None = None
    unit: str = ""
    description: str = ""


def _target(
    kind: str, value: Decimal | None, maximum: Decimal | None, unit: str, description: str
) -> GoalTarget:
    return GoalTarget(kind=kind, value=value, maximum=maximum, unit=unit, description=description)


def goal_indicator_errors(*, text: str, target: GoalTarget, polarity: str) -> dict[str, list[str]]:
    """Every problem of an indicator's values: the form, the service and the import ask here."""
    errors = _text_errors("text", "Indikator kinerja utama", text, STATEMENT_MAX)
    if target.kind not in TargetKind.values:
        accepted = ", ".join(str(label) for label in TargetKind.labels)
        errors["target_kind"] = [
            f"Jenis target “{target.kind}” tidak dikenal; pilih salah satu: {accepted}."
        ]
    else:
        errors.update(
            target_errors(
                kind=target.kind,
                value=target.value,
                maximum=target.maximum,
                unit=target.unit,
                description=target.description,
            )
        )
    if polarity not in {p.value for p in Polarity}:
        accepted = ", ".join(p.label for p in Polarity)
        errors["polarity"] = [f"Polaritas “{polarity}” tidak dikenal; pilih: {accepted}."]
    return errors


def goal_target_apply(indicator: GoalIndicator, target: GoalTarget) -> None:
    indicator.target_kind = target.kind
    indicator.target_value = target.value
    indicator.target_max = target.maximum if target.kind == TargetKind.RANGE else None
    indicator.target_unit = target.unit.strip() if target.kind != TargetKind.DESCRIBED else ""
    indicator.target_description = (
        target.description.strip() if target.kind == TargetKind.DESCRIBED else ""
    )
    if target.kind == TargetKind.DESCRIBED:
        indicator.target_value = None


def goal_indicator_add(
    *,
    actor: Actor,
    goal: OrganizationGoal,
    text: str,
    target_kind: str,
    target_value: Decimal | None = None,
    target_max: Decimal | None = None,
    target_unit: str = "",
    target_description: str = "",
    polarity: str = Polarity.HIGHER_IS_BETTER.value,
) -> GoalIndicator:
    """Add an indicator (IKU) with its target to a goal [organization_goal.indicator_added]."""
    require_goal_manager(actor, goal.agency_id)
    _require_open(goal.period)
    target = _target(target_kind, target_value, target_max, target_unit, target_description)
    errors = goal_indicator_errors(text=text, target=target, polarity=polarity)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        highest = goal.indicators.aggregate(n=Max("number"))["n"]
        indicator = GoalIndicator(
            goal=goal, number=int(highest or 0) + 1, text=text.strip(), polarity=polarity
        )
        goal_target_apply(indicator, target)
        indicator.save()
        audit_record(
            actor=actor,
            action="organization_goal.indicator_added",
            obj=goal,
            after=_indicator_snapshot(indicator),
        )
    return indicator


def goal_indicator_update(
    *,
    actor: Actor,
    indicator: GoalIndicator,
    text: str,
    target_kind: str,
    target_value: Decimal | None = None,
    target_max: Decimal | None = None,
    target_unit: str = "",
    target_description: str = "",
    polarity: str = Polarity.HIGHER_IS_BETTER.value,
) -> GoalIndicator:
    """Change an indicator's text, target or polarity [organization_goal.indicator_updated]."""
    goal = indicator.goal
    require_goal_manager(actor, goal.agency_id)
    _require_open(goal.period)
    target = _target(target_kind, target_value, target_max, target_unit, target_description)
    errors = goal_indicator_errors(text=text, target=target, polarity=polarity)
    if errors:
        raise ValidationError(errors)
    before = _indicator_snapshot(indicator)
    with transaction.atomic():
        indicator.text = text.strip()
        indicator.polarity = polarity
        goal_target_apply(indicator, target)
        indicator.save()
        audit_record(
            actor=actor,
            action="organization_goal.indicator_updated",
            obj=goal,
            before=before,
            after=_indicator_snapshot(indicator),
        )
    return indicator


def goal_indicator_remove(*, actor: Actor, indicator: GoalIndicator) -> None:
    """Remove one indicator of a goal [organization_goal.indicator_removed]."""
    goal = indicator.goal
    require_goal_manager(actor, goal.agency_id)
    _require_open(goal.period)
    before = _indicator_snapshot(indicator)
    with transaction.atomic():
        audit_record(
            actor=actor, action="organization_goal.indicator_removed", obj=goal, before=before
        )
        indicator.delete()


# --- reads ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalIndicatorView:
    indicator: GoalIndicator
    target: str
    """The target as people read it (`rules.target_text`): "90 %", "80 s.d. 90 %", "WTP"."""


@dataclass(frozen=True)
class GoalView:
    goal: OrganizationGoal
    indicators: list[GoalIndicatorView]


def goal_list_for_actor(
    *, actor: Actor, agency: Agency, period: PerformancePeriod
) -> list[GoalView]:
    """The agency's goals of the period with their indicators (two queries)."""
    if not can_see_agency_chain(actor, agency.pk, period_day(period)):
        raise Http404
    goals = (
        OrganizationGoal.objects.filter(agency=agency, period=period)
        .prefetch_related("indicators")
        .order_by("number", "pk")
    )
    return [
        GoalView(
            goal=goal,
            indicators=[
                GoalIndicatorView(
                    indicator=i,
                    target=target_text(
                        kind=i.target_kind,
                        value=i.target_value,
                        maximum=i.target_max,
                        unit=i.target_unit,
                        description=i.target_description,
                    ),
                )
                for i in goal.indicators.all()
            ],
        )
        for goal in goals
    ]


def goal_get_for_actor(*, actor: Actor, agency_id: int, goal_id: int) -> OrganizationGoal:
    """A goal of that agency the actor may read; 404 for one they may not know of."""
    goal = (
        OrganizationGoal.objects.select_related("agency", "period")
        .filter(pk=goal_id, agency_id=agency_id)
        .first()
    )
    if goal is None or not can_see_agency_chain(actor, goal.agency_id, period_day(goal.period)):
        raise Http404
    return goal
