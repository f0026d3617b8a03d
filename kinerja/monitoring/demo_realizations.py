"""Demo realisations of the approved demo plans of the current period (planning's demo).

- Windows already closed (due date + `REALIZATION_LATE_DAYS` before the demo's today) can no
  longer be written through the services, so their rows are written directly with past dates:
  accepted, a few submitted after the due date (late), and one returned with a reason.
- Windows still open go through the services (`realization_save`, `realization_submit`, audited
  and notified): some submitted, some drafts, some left missing. Submitting needs evidence for
  most indicators; the evidence helper's demo adds files later, so a link row is written
  directly here for the submitted ones.

The demo employee's own story (the NIP login): planning's demo leaves their plan submitted;
here their appraiser approves it through `plan_approve`, so that the employee can try the
realisations: past windows accepted, and in the open window one realisation returned by the
appraiser with a reason (to correct and submit again), one waiting for the decision, the rest
to fill.

Idempotent: a period that already holds realisations is left as it is.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE
from kinerja.audit.services import audit_record
from kinerja.core.demo import DemoOptions
from kinerja.monitoring.models import Evidence, EvidenceKind, Realization, RealizationState
from kinerja.monitoring.realization_rules import indicator_achievement, is_self_filled
from kinerja.monitoring.services.realizations import (
    realization_return,
    realization_save,
    realization_submit,
)
from kinerja.people.holdings import today
from kinerja.periods.models import EvaluationWindow, PerformancePeriod
from kinerja.periods.rules import window_close_date, window_realization_refusal
from kinerja.periods.selectors import period_current
from kinerja.planning.models import Indicator, PerformancePlan, PlanState, TargetKind
from kinerja.planning.services import plan_approve

PLANS = 40
"""At most this many approved plans get realisations (the chain the demo logins see first)."""

LINK = "https://arsip.surakarta.go.id/bukti/laporan-bulanan"


def _aware(day: object, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))  # type: ignore[arg-type]


def _value(indicator: Indicator, share: Decimal, rng: random.Random) -> Decimal | None:
    if indicator.target_kind == TargetKind.DESCRIBED:
        return None
    target = indicator.target_value or Decimal(10)
    factor = Decimal(rng.randint(80, 115)) / 100
    return (target * share * factor).quantize(Decimal("0.01"))


def _description(indicator: Indicator) -> str:
    if indicator.target_kind == TargetKind.DESCRIBED:
        return f"Kemajuan: {indicator.target_description or indicator.text} sedang dikerjakan."
    return ""


def _demo_employee_plan_approved(period: PerformancePeriod) -> str:
    """Approve the demo employee's submitted plan as their appraiser (through the service)."""
    plan = (
        PerformancePlan.objects.filter(
            period=period, employee__nip=DEMO_EMPLOYEE.username, state=PlanState.SUBMITTED
        )
        .select_related("appraiser__user", "employee")
        .first()
    )
    if plan is None or plan.appraiser is None or plan.appraiser.user is None:
        return ""
    plan_approve(
        actor=plan.appraiser.user,
        plan=plan,
        note="Disetujui; realisasi diisi setiap bulan dengan bukti dukung.",
    )
    return (
        f"SKP {plan.employee.full_name} disetujui {plan.appraiser.full_name} "
        f"(versi {plan.version}) agar realisasinya dapat dicoba."
    )


def _demo_employee_returned(plans: list[PerformancePlan], windows: list[EvaluationWindow]) -> str:
    """In the demo employee's plan, the appraiser returns one submitted realisation of the
    earliest open window with a reason (the other submitted ones wait for a decision)."""
    plan = next((p for p in plans if p.employee.nip == DEMO_EMPLOYEE.username), None)
    if plan is None or not windows:
        return ""
    submitted = (
        Realization.objects.filter(plan=plan, window=windows[0], state=RealizationState.SUBMITTED)
        .select_related("plan__period", "plan__appraiser__user", "plan__employee", "window")
        .order_by("indicator__result__number", "indicator__number")
        .first()
    )
    if submitted is None or plan.appraiser is None or plan.appraiser.user is None:
        return ""
    realization_return(
        actor=plan.appraiser.user,
        realization=submitted,
        reason="Angka belum sesuai rekap bulanan; lampirkan rekap yang ditandatangani.",
    )
    return (
        f"Realisasi {plan.employee.full_name} {windows[0].name}: satu dikembalikan dengan "
        "alasan, yang lain menunggu keputusan atau belum diisi."
    )


def demo_realizations(options: DemoOptions) -> list[str]:
    period = period_current(day=options.today)
    if period is None:
        return ["Tidak ada periode berjalan; data demo realisasi dilewati."]
    if Realization.objects.filter(plan__period=period).exists():
        return [f"Realisasi demo {period.name} sudah ada."]
    story = _demo_employee_plan_approved(period)
    plans = list(
        PerformancePlan.objects.filter(period=period, approved_version__isnull=False)
        .select_related("period", "employee", "position")
        .order_by(F("employee__user_id").asc(nulls_last=True), "pk")[:PLANS]
    )
    # Plans of the demo logins (employees with an account) first.
    plans.sort(key=lambda p: (p.employee.user_id is None, p.pk))
    if not plans:
        return [f"Tidak ada SKP disetujui pada {period.name}; data demo realisasi dilewati."]
    windows = list(
        EvaluationWindow.objects.filter(period=period, start_date__lte=options.today).order_by(
            "number"
        )
    )
    for window in windows:
        window.period = period
    closed = [w for w in windows if window_close_date(w) < options.today]
    # The services judge a window by the real date: on a demo seeded for another day, only the
    # windows open today on both counts go through them (none, far from today).
    open_windows = [
        w
        for w in windows
        if window_realization_refusal(w, options.today) is None
        and window_realization_refusal(w, today()) is None
    ]
    rng = random.Random(options.seed)  # noqa: S311 - demo data, not secrets
    indicators: dict[int, list[Indicator]] = {}
    for indicator in (
        Indicator.objects.filter(result__plan__in=plans)
        .select_related("result")
        .order_by("result__plan_id", "result__number", "number")
    ):
        if not is_self_filled(indicator):
            indicators.setdefault(indicator.result.plan_id, []).append(indicator)
    counts = {"accepted": 0, "late": 0, "returned": 0, "submitted": 0, "draft": 0, "missing": 0}
    with transaction.atomic():
        rows = []
        returned_one = False
        for plan in plans:
            for window in closed:
                share = Decimal(window.number) / Decimal(len(windows) or 12)
                for indicator in indicators.get(plan.pk, []):
                    late = rng.random() < 0.1
                    submitted = window.realization_due_date + timedelta(
                        days=rng.randint(3, 12) if late else -rng.randint(0, 4)
                    )
                    state = RealizationState.ACCEPTED
                    reason = ""
                    if not returned_one and window is closed[-1]:
                        state, reason, returned_one = (
                            RealizationState.RETURNED,
                            "Angka realisasi belum sesuai laporan bulanan; lampirkan rekap.",
                            True,
                        )
                    value = _value(indicator, share, rng)
                    rows.append(
                        Realization(
                            plan=plan,
                            indicator=indicator,
                            window=window,
                            value=value,
                            description=_description(indicator),
                            achievement=indicator_achievement(indicator, value),
                            state=state,
                            revision=1,
                            submitted_at=_aware(submitted),
                            decided_at=_aware(submitted + timedelta(days=2), 14),
                            decided_by=None,
                            return_reason=reason,
                        )
                    )
                    counts["returned" if reason else "accepted"] += 1
                    counts["late"] += late
        Realization.objects.bulk_create(rows)
        audit_record(
            actor=None,
            action="demo_monitoring.seeded",
            after={"period_id": period.pk, "realizations": len(rows)},
        )
    for plan in plans:
        actor = plan.employee.user if plan.employee.user_id else None
        for window in open_windows:
            share = Decimal(window.number) / Decimal(len(windows) or 12)
            for position, indicator in enumerate(indicators.get(plan.pk, [])):
                roll = rng.random()
                if story and plan.employee.nip == DEMO_EMPLOYEE.username:
                    # The demo employee: the first two submitted (one to be returned), the
                    # others left as drafts, in the earliest open window only.
                    roll = 0.9 if position < 2 and window == open_windows[0] else 0.4
                if roll < 0.25:
                    counts["missing"] += 1
                    continue
                realization = realization_save(
                    actor=actor,
                    plan=plan,
                    indicator=indicator,
                    window=window,
                    value=_value(indicator, share, rng),
                    description=_description(indicator),
                    note="Sesuai laporan bulanan seksi.",
                )
                if roll < 0.6:
                    counts["draft"] += 1
                    continue
                if indicator.evidence_required:
                    Evidence.objects.create(
                        realization=realization,
                        plan=plan,
                        kind=EvidenceKind.LINK,
                        link=LINK,
                        title="Laporan bulanan",
                        uploaded_by=actor,
                    )
                realization_submit(actor=actor, realization=realization)
                counts["submitted"] += 1
    lines = [story, _demo_employee_returned(plans, open_windows)] if story else []
    summary = (
        f"Realisasi demo {period.name} untuk {len(plans)} SKP disetujui: "
        f"{counts['accepted']} diterima ({counts['late']} terlambat), "
        f"{counts['returned']} dikembalikan, {counts['submitted']} diajukan, "
        f"{counts['draft']} draf, {counts['missing']} belum diisi."
    )
    return [line for line in (*lines, summary) if line]
