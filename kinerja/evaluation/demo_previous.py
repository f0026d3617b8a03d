"""Demo of a finished previous year: Dukcapil's plans of last year (copied from this year's
results and indicators), December's cumulative realisations, annual evaluations rated and
acknowledged, the organisation predikat Baik with the units' recommendations, and a locked
calibration session with one move and its audit event.

Last year's period is closed, so the services refuse every write: the rows are written
directly, dated in January and February of this year, with the same audit events the services
would have written for the move and the lock. Idempotent: a period that holds evaluations is
left as it is.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from kinerja.accounts.demo_identities import DEMO_LEADER, DUKCAPIL_CODE
from kinerja.accounts.models import User
from kinerja.audit.services import audit_record
from kinerja.core.demo import DemoOptions
from kinerja.evaluation.models import (
    BehaviorRating,
    CalibrationField,
    CalibrationMove,
    CalibrationSession,
    CalibrationState,
    Evaluation,
    EvaluationState,
    OrganizationRating,
    ResultRating,
)
from kinerja.evaluation.rules import Scope, predikat_for
from kinerja.evaluation.selectors.distribution import group_distribution
from kinerja.evaluation.services.rows import evaluation_rows_build, evaluation_rows_save
from kinerja.evaluation.suggestions import plan_suggestions, results_suggestion
from kinerja.monitoring.models import Realization, RealizationState
from kinerja.monitoring.realization_rules import indicator_achievement
from kinerja.organization.models import Agency
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.models import (
    Indicator,
    PerformancePlan,
    PlannedResult,
    PlanState,
    TargetKind,
)
from kinerja.scoring.ratings import OrganizationPredikat, Rating
from kinerja.scoring.suggestions import suggest_behavior_rating


@dataclass(frozen=True)
class Profile:
    """How one employee's year went: the share of the target reached, and the behaviour."""

    share: Decimal
    behavior: Rating


# A spread that follows the guidance for an organisation rated Baik: Baik the largest group
# (at most 70%), a few Sangat Baik, at least one Butuh Perbaikan.
PROFILES = (
    Profile(Decimal("1.15"), Rating.ABOVE),
    Profile(Decimal("1.02"), Rating.MEETS),
    Profile(Decimal("1.00"), Rating.MEETS),
    Profile(Decimal("0.85"), Rating.MEETS),
    Profile(Decimal("1.12"), Rating.ABOVE),
    Profile(Decimal("1.20"), Rating.ABOVE),
    Profile(Decimal("1.01"), Rating.MEETS),
)

OVERRIDE_REASON = (
    "Target RHK ini ditetapkan sebelum penambahan loket keliling; capaian di atas target "
    "terutama karena tambahan sarana, sehingga dinilai sesuai ekspektasi."
)
MOVE_REASON = (
    "Disetarakan dengan pegawai lain pada jabatan yang sama: capaian di atas target "
    "didukung tim lintas bidang, bukan kinerja perorangan."
)


def _aware(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _copy_plans(period: PerformancePeriod, sources: list[PerformancePlan]) -> list[PerformancePlan]:
    """Last year's approved plan for each employee of `sources`, with the same results and
    indicators."""
    plans = PerformancePlan.objects.bulk_create(
        PerformancePlan(
            period=period,
            employee_id=source.employee_id,
            position_id=source.position_id,
            start_date=period.start_date,
            end_date=period.end_date,
            appraiser_id=source.appraiser_id,
            appraiser_position_id=source.appraiser_position_id,
            appraiser_is_mayor=source.appraiser_is_mayor,
            state=PlanState.APPROVED,
            version=1,
            approved_version=1,
            submitted_at=_aware(date(period.year, 1, 20)),
            approved_at=_aware(date(period.year, 1, 27)),
        )
        for source in sources
    )
    results: list[PlannedResult] = []
    pairs: list[tuple[PlannedResult, list[Indicator]]] = []
    for source, plan in zip(sources, plans, strict=True):
        for old in source.results.all():
            new = PlannedResult(plan=plan, kind=old.kind, number=old.number, text=old.text)
            results.append(new)
            pairs.append((new, list(old.indicators.all())))
    PlannedResult.objects.bulk_create(results)
    indicators = [
        Indicator(
            result=new,
            number=old.number,
            aspect=old.aspect,
            text=old.text,
            polarity=old.polarity,
            target_kind=old.target_kind,
            target_value=old.target_value,
            target_max=old.target_max,
            target_unit=old.target_unit,
            target_description=old.target_description,
            evidence_required=False,
        )
        for new, olds in pairs
        for old in olds
    ]
    Indicator.objects.bulk_create(indicators)
    return plans


def _realizations(period: PerformancePeriod, plans: list[PerformancePlan]) -> None:
    """December's cumulative realisation of every indicator, accepted in early January."""
    december = period.windows.order_by("-number").first()
    if december is None:
        return
    rows = []
    profiles = {plan.pk: PROFILES[i % len(PROFILES)] for i, plan in enumerate(plans)}
    for indicator in Indicator.objects.filter(result__plan__in=plans).select_related("result"):
        share = profiles[indicator.result.plan_id].share
        if indicator.target_kind == TargetKind.DESCRIBED or indicator.target_value is None:
            value = None
        elif indicator.polarity == "LOWER_IS_BETTER":
            value = (indicator.target_value * (2 - share)).quantize(Decimal("0.01"))
        else:
            value = (indicator.target_value * share).quantize(Decimal("0.01"))
        rows.append(
            Realization(
                plan_id=indicator.result.plan_id,
                indicator=indicator,
                window=december,
                value=value,
                description="" if value is not None else "Kegiatan terlaksana sesuai rencana.",
                achievement=indicator_achievement(indicator, value),
                state=RealizationState.ACCEPTED,
                revision=1,
                submitted_at=_aware(date(period.year + 1, 1, 3)),
                decided_at=_aware(date(period.year + 1, 1, 6)),
            )
        )
    Realization.objects.bulk_create(rows)


def _rate(scope: Scope, plans: list[PerformancePlan], rng: random.Random) -> list[Evaluation]:
    """Annual evaluations of `plans`, rated as suggested (one override with a reason) and
    acknowledged by the employees."""
    found = plan_suggestions(plan_ids=[p.pk for p in plans], scope=scope)
    rows = [
        evaluation_rows_build(
            plan=plan,
            scope=scope,
            suggestions=found[plan.pk],
            organization=OrganizationPredikat.BAIK,
            is_head_of_agency=plan.position.is_head_of_agency,
        )
        for plan in plans
    ]
    evaluations = evaluation_rows_save(rows)
    year = scope.period.year + 1
    overridden = False
    for index, evaluation in enumerate(evaluations):
        profile = PROFILES[index % len(PROFILES)]
        results = list(evaluation.result_ratings.select_related("result"))
        for rating in results:
            rating.rating = rating.suggestion or Rating.MEETS.value
            if rating.rating == Rating.ABOVE.value and not overridden and profile.share < 1.2:
                rating.rating, rating.reason, overridden = Rating.MEETS.value, OVERRIDE_REASON, True
        ResultRating.objects.bulk_update(results, ["rating", "reason"])
        behaviors = list(evaluation.behavior_ratings.all())
        for value in behaviors:
            slip = rng.random() < 0.15
            value.rating = Rating.MEETS.value if slip else profile.behavior.value
        BehaviorRating.objects.bulk_update(behaviors, ["rating"])
        overall = results_suggestion(
            [(r.result.kind, r.rating) for r in results],
            organization=OrganizationPredikat.BAIK,
            head_of_agency=evaluation.results_from_organization,
        )
        behavior = suggest_behavior_rating([Rating(b.rating) for b in behaviors])
        evaluation.results_suggestion = overall.rating.value if overall else ""
        evaluation.results_suggestion_text = overall.explanation if overall else ""
        evaluation.results_rating = evaluation.results_suggestion or Rating.MEETS.value
        evaluation.behavior_suggestion = behavior.rating.value
        evaluation.behavior_suggestion_text = behavior.explanation
        evaluation.behavior_rating = behavior.rating.value
        found_predikat = predikat_for(evaluation.results_rating, evaluation.behavior_rating)
        evaluation.predikat = found_predikat.value if found_predikat else ""
        evaluation.state = EvaluationState.ACKNOWLEDGED
        evaluation.rated_at = _aware(date(year, 1, 15))
        evaluation.acknowledged_at = _aware(date(year, 1, 18))
    Evaluation.objects.bulk_update(
        evaluations,
        [
            "results_suggestion",
            "results_suggestion_text",
            "results_rating",
            "behavior_suggestion",
            "behavior_suggestion_text",
            "behavior_rating",
            "predikat",
            "state",
            "rated_at",
            "acknowledged_at",
        ],
    )
    return evaluations


def _calibrate(
    agency: Agency, scope: Scope, evaluations: list[Evaluation], leader: User | None
) -> str:
    """The organisation predikat, one calibration move (audited) and the lock."""
    year = scope.period.year + 1
    OrganizationRating.objects.create(
        agency=agency,
        period=scope.period,
        predikat=OrganizationPredikat.BAIK.value,
        planning_note="Capaian IKU pelayanan adminduk 2 dari 3 di atas target (Bapppeda).",
        hr_note="Kehadiran dan disiplin baik; dua pegawai perlu pembinaan kinerja (BKPSDM).",
        audit_note="Tidak ada temuan material atas pelayanan adminduk (Inspektorat).",
        set_by=leader,
    )
    session = CalibrationSession.objects.create(
        agency=agency,
        period=scope.period,
        opened_by=leader,
        note="Rapat kalibrasi bersama BKPSDM dan Sekretaris Daerah.",
    )
    moved = next((e for e in evaluations if e.results_rating == Rating.ABOVE.value), None)
    if moved is not None:
        before = {"rating": moved.results_rating, "predikat": moved.predikat}
        moved.results_rating = Rating.MEETS.value
        found = predikat_for(moved.results_rating, moved.behavior_rating)
        moved.predikat = found.value if found else ""
        moved.save(update_fields=["results_rating", "predikat"])
        CalibrationMove.objects.create(
            session=session,
            evaluation=moved,
            field=CalibrationField.RESULTS,
            before=before["rating"],
            after=moved.results_rating,
            predikat_before=before["predikat"],
            predikat_after=moved.predikat,
            reason=MOVE_REASON,
            moved_by=leader,
        )
        audit_record(
            actor=leader,
            action="calibration.moved",
            obj=moved,
            before={"field": "RESULTS", **before},
            after={
                "field": "RESULTS",
                "rating": moved.results_rating,
                "predikat": moved.predikat,
                "reason": MOVE_REASON,
            },
        )
    group = group_distribution(agency=agency, scope=scope)
    locked_at = _aware(date(year, 2, 5))
    session.state = CalibrationState.LOCKED
    session.locked_by = leader
    session.locked_at = locked_at
    session.violations = group.violations
    session.justification = (
        "Sebaran sesuai pedoman." if not group.violations else "Unit kecil; lihat catatan rapat."
    )
    session.save()
    Evaluation.objects.filter(pk__in=[e.pk for e in evaluations]).update(
        locked_at=locked_at, calibration=session
    )
    audit_record(
        actor=leader,
        action="calibration.locked",
        obj=session,
        after={"locked": len(evaluations), "violations": group.violations},
    )
    return "mengikuti pedoman" if not group.violations else "dengan justifikasi"


def demo_previous_year(options: DemoOptions) -> list[str]:
    year = options.today.year - 1
    period = PerformancePeriod.objects.filter(year=year, is_trial=False).first()
    current = PerformancePeriod.objects.filter(year=year + 1, is_trial=False).first()
    agency = Agency.objects.filter(code=DUKCAPIL_CODE).first()
    if period is None or current is None or agency is None:
        return ["Periode tahun lalu atau Dinas Dukcapil tidak ada; penilaian tahun lalu dilewati."]
    if Evaluation.objects.filter(plan__period=period).exists():
        return [f"Penilaian demo {period.name} sudah ada."]
    sources = list(
        PerformancePlan.objects.filter(period=current, position__agency=agency)
        .exclude(employee__plans__period=period)
        .select_related("position")
        .prefetch_related("results__indicators")
        .order_by("position__unit_id", "pk")
    )
    if not sources:
        return ["Belum ada SKP Dukcapil tahun ini untuk disalin; penilaian tahun lalu dilewati."]
    leader = User.objects.filter(username=DEMO_LEADER.username).first()
    rng = random.Random(options.seed)  # noqa: S311 - demo data, not secrets
    scope = Scope(period, None)
    with transaction.atomic():
        plans = _copy_plans(period, sources)
        for plan, source in zip(plans, sources, strict=True):
            plan.position = source.position
        _realizations(period, plans)
        evaluations = _rate(scope, plans, rng)
        spread = _calibrate(agency, scope, evaluations, leader)
        audit_record(
            actor=None,
            action="demo_evaluations.seeded",
            after={"period_id": period.pk, "evaluations": len(evaluations)},
        )
    return [
        f"Penilaian tahunan {year} Dinas Dukcapil: {len(evaluations)} SKP dinilai dan diterima "
        f"pegawai, predikat organisasi Baik, kalibrasi dikunci ({spread}) dengan satu "
        "pergeseran rating."
    ]
