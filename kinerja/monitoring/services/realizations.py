"""Writes of realisations: the employee saves and submits, the appraiser returns or accepts.

Rights and stages are asked of `kinerja.monitoring.permissions`; the achievement and the late
rule of `kinerja.monitoring.realization_rules`. Each service audits `realization.<verb>` and
notifies the other side inside its one transaction.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.selectors import leader_user_ids
from kinerja.audit.services import audit_record
from kinerja.monitoring.models import Realization, RealizationState
from kinerja.monitoring.permissions import (
    NOT_DECIDER,
    NOT_OWNER,
    realization_decide_problem,
    realization_state_problem,
)
from kinerja.monitoring.realization_rules import indicator_achievement, is_self_filled
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import notify
from kinerja.periods.models import EvaluationWindow
from kinerja.planning.models import Indicator, PerformancePlan, TargetKind
from kinerja.planning.permissions import is_plan_decider, is_plan_owner
from kinerja.scoring.formatting import format_decimal

VALUE_MAX = Decimal("99999999999999.99")
"""The largest realisation the column holds (16 digits, 2 decimals)."""

TEXT_MAX = 4000


def realization_snapshot(realization: Realization) -> dict[str, Any]:
    return {
        "indicator_id": realization.indicator_id,
        "window_id": realization.window_id,
        "value": realization.value,
        "description": realization.description,
        "note": realization.note,
        "achievement": realization.achievement,
        "state": realization.state,
        "revision": realization.revision,
        "return_reason": realization.return_reason,
    }


def realization_url(realization: Realization) -> str:
    return reverse(
        "monitoring:realization_edit",
        kwargs={
            "plan_id": realization.plan_id,
            "window_id": realization.window_id,
            "indicator_id": realization.indicator_id,
        },
    )


def _label(realization: Realization) -> str:
    window = realization.window
    return f"“{realization.indicator.text}” ({window.name} {window.period.year})"


def _require_owner(actor: Actor, plan: PerformancePlan) -> None:
    if actor is not None and not is_plan_owner(actor, plan):
        raise PermissionDenied(NOT_OWNER)


def _require_writable(
    plan: PerformancePlan, window: EvaluationWindow, realization: Realization | None
) -> None:
    problem = realization_state_problem(plan, window, realization)
    if problem:
        field, sentence = problem
        raise ValidationError({field: [sentence]})


def _value_errors(
    indicator: Indicator, value: Decimal | None, description: str
) -> dict[str, list[str]]:
    if indicator.target_kind == TargetKind.DESCRIBED:
        if not description:
            return {
                "description": [
                    "Uraian hasil wajib diisi: target indikator ini berupa uraian, tuliskan "
                    "hasil yang dicapai."
                ]
            }
        return {}
    if value is None:
        unit = f" (dalam {indicator.target_unit})" if indicator.target_unit else ""
        return {"value": [f"Realisasi wajib diisi: tuliskan angka yang dicapai{unit}."]}
    if not value.is_finite():
        return {"value": [f"Realisasi “{value}” bukan angka; isi angka 0 atau lebih."]}
    exponent = min(0, int(value.normalize().as_tuple().exponent))  # 3.000000 has no decimals
    shown = format_decimal(value, max(0, -exponent))
    if value < 0:
        return {"value": [f"Realisasi {shown} tidak sah; isi angka 0 atau lebih."]}
    if exponent < -2:
        return {
            "value": [f"Realisasi {shown} tidak sah; isi angka dengan paling banyak 2 desimal."]
        }
    if value > VALUE_MAX:
        return {
            "value": [
                f"Realisasi {shown} terlalu besar; paling besar {format_decimal(VALUE_MAX, 2)}."
            ]
        }
    return {}


def realization_save(
    *,
    actor: Actor,
    plan: PerformancePlan,
    indicator: Indicator,
    window: EvaluationWindow,
    value: Decimal | None = None,
    description: str = "",
    note: str = "",
) -> Realization:
    """Create or update the employee's draft (or returned) realisation of `indicator` in
    `window` [realization.saved]. The number, or for a described target the description, is
    required; a number is ≥ 0 with at most 2 decimals. A returned realisation stays returned
    until it is submitted again."""
    _require_owner(actor, plan)
    if indicator.result.plan_id != plan.pk:
        raise ValidationError(
            {"indicator": [f"Indikator “{indicator.text}” bukan indikator SKP ini."]}
        )
    if is_self_filled(indicator):
        raise ValidationError(
            {
                "indicator": [
                    f"Realisasi indikator “{indicator.text}” terisi sendiri dari indeks kepuasan "
                    "masyarakat unit layanannya dan tidak diisi manual."
                ]
            }
        )
    existing = Realization.objects.filter(indicator=indicator, window=window).first()
    _require_writable(plan, window, existing)
    description = description.strip()
    note = note.strip()
    errors = _value_errors(indicator, value, description)
    for field, text in (("description", description), ("note", note)):
        if len(text) > TEXT_MAX:
            label = "Uraian hasil" if field == "description" else "Catatan"
            errors.setdefault(field, []).append(
                f"{label} terlalu panjang ({len(text)} karakter); paling banyak {TEXT_MAX} "
                "karakter."
            )
    if errors:
        raise ValidationError(errors)
    if indicator.target_kind == TargetKind.DESCRIBED:
        value = None
    with transaction.atomic():
        realization = (
            Realization.objects.select_for_update()
            .filter(indicator=indicator, window=window)
            .first()
        )
        _require_writable(plan, window, realization)
        before = realization_snapshot(realization) if realization else None
        if realization is None:
            realization = Realization(plan=plan, indicator=indicator, window=window)
        realization.value = value
        realization.description = description
        realization.note = note
        realization.save()
        audit_record(
            actor=actor,
            action="realization.saved",
            obj=realization,
            before=before,
            after=realization_snapshot(realization),
        )
    return realization


def _decider_user_ids(plan: PerformancePlan) -> list[int | None]:
    if plan.appraiser_is_mayor:
        return list(leader_user_ids())
    appraiser = plan.appraiser
    return [appraiser.user_id if appraiser is not None else None]


def realization_submit(*, actor: Actor, realization: Realization) -> Realization:
    """Submit to the appraiser [realization.submitted]: computes the achievement, counts the
    submission (`revision`), keeps the first submission time (it decides lateness) and
    notifies the appraiser. An indicator that requires evidence needs at least one item."""
    plan = realization.plan
    _require_owner(actor, plan)
    _require_writable(plan, realization.window, realization)
    indicator = realization.indicator
    if is_self_filled(indicator):  # pragma: no cover - save refuses them first
        raise ValidationError({"indicator": ["Indikator ini terisi sendiri dari IKM."]})
    errors = _value_errors(indicator, realization.value, realization.description)
    if errors:
        raise ValidationError(errors)
    if indicator.evidence_required and not realization.evidence.exists():
        raise ValidationError(
            {
                "evidence": [
                    "Indikator ini wajib bukti dukung: lampirkan paling sedikit satu berkas atau "
                    "tautan bukti dukung sebelum mengajukan."
                ]
            }
        )
    with transaction.atomic():
        fresh = Realization.objects.select_for_update().get(pk=realization.pk)
        _require_writable(plan, fresh.window, fresh)
        before = realization_snapshot(fresh)
        now = timezone.now()
        fresh.achievement = indicator_achievement(indicator, fresh.value)
        fresh.state = RealizationState.SUBMITTED
        fresh.revision += 1
        fresh.submitted_at = fresh.submitted_at or now
        fresh.decided_at = None
        fresh.decided_by = None
        fresh.save()
        audit_record(
            actor=actor,
            action="realization.submitted",
            obj=fresh,
            before=before,
            after=realization_snapshot(fresh),
        )
        notify(
            recipient_ids=_decider_user_ids(plan),
            kind=NotificationKind.REALIZATION_SUBMITTED,
            title=f"Realisasi {plan.employee.full_name} diajukan",
            text=f"{plan.employee.full_name} mengajukan realisasi {_label(fresh)}.",
            url=realization_url(fresh),
        )
    _refresh(realization, fresh)
    return realization


def _refresh(target: Realization, source: Realization) -> None:
    for field in (
        "achievement",
        "state",
        "revision",
        "submitted_at",
        "decided_at",
        "decided_by_id",
        "return_reason",
        "updated_at",
    ):
        setattr(target, field, getattr(source, field))


def _require_decider(actor: Actor, realization: Realization) -> None:
    if actor is not None and not is_plan_decider(actor, realization.plan):
        raise PermissionDenied(NOT_DECIDER)
    problem = realization_decide_problem(realization)
    if problem:
        raise ValidationError({"state": [problem]})


def _decide(*, actor: Actor, realization: Realization, state: str, reason: str) -> Realization:
    plan = realization.plan
    with transaction.atomic():
        fresh = Realization.objects.select_for_update().get(pk=realization.pk)
        fresh.plan = plan
        _require_decider(actor, fresh)
        before = realization_snapshot(fresh)
        fresh.state = state
        fresh.decided_at = timezone.now()
        fresh.decided_by = actor
        if state == RealizationState.RETURNED:
            fresh.return_reason = reason
        fresh.save()
        returned = state == RealizationState.RETURNED
        audit_record(
            actor=actor,
            action="realization.returned" if returned else "realization.accepted",
            obj=fresh,
            before=before,
            after=realization_snapshot(fresh),
        )
        label = _label(fresh)
        notify(
            recipient_ids=[plan.employee.user_id],
            kind=NotificationKind.REALIZATION_RETURNED
            if returned
            else NotificationKind.REALIZATION_ACCEPTED,
            title=f"Realisasi {label} dikembalikan" if returned else f"Realisasi {label} diterima",
            text=f"Alasan: {reason}" if returned else "Pejabat penilai menerima realisasi ini.",
            url=realization_url(fresh),
        )
    _refresh(realization, fresh)
    return realization


def realization_return(*, actor: Actor, realization: Realization, reason: str) -> Realization:
    """Return a submitted realisation to the employee with a reason [realization.returned];
    the employee is notified with the reason."""
    _require_decider(actor, realization)
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {
                "reason": [
                    "Alasan dikembalikan wajib diisi: tuliskan apa yang perlu diperbaiki pegawai."
                ]
            }
        )
    if len(reason) > TEXT_MAX:
        raise ValidationError(
            {
                "reason": [
                    f"Alasan dikembalikan terlalu panjang ({len(reason)} karakter); paling "
                    f"banyak {TEXT_MAX} karakter."
                ]
            }
        )
    return _decide(
        actor=actor, realization=realization, state=RealizationState.RETURNED, reason=reason
    )


def realization_accept(*, actor: Actor, realization: Realization) -> Realization:
    """Accept a submitted realisation [realization.accepted]; the employee is notified."""
    _require_decider(actor, realization)
    return _decide(actor=actor, realization=realization, state=RealizationState.ACCEPTED, reason="")
