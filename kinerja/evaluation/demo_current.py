"""Demo of the current year part way, on the group a page opens on (the latest window whose
realisations have closed):

- the Pimpinan gives Dinas Dukcapil the organisation predikat Baik (`organization_rating_set`);
- the demo employee's appraiser rates them through the services (one suggestion overridden
  with a reason) and sets it; the employee has not acknowledged yet (their home card asks);
- every other approved Dukcapil plan of that window is rated Baik or Sangat Baik, none lower:
  the curve shows, in words, that an organisation rated Baik needs at least one Butuh
  Perbaikan or Kurang, and finalising asks for a justification;
- the 2019 allowance scheme and the month's attendance of Dukcapil, so the TPP sheet has rows.

The services ask the real clock: on a demo seeded for another day this part is left out.
Idempotent: a window that already holds evaluations is left as it is.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from kinerja.accounts.demo_identities import (
    DEMO_EMPLOYEE,
    DEMO_LEADER,
    DEMO_SUPERVISOR,
    DUKCAPIL_CODE,
)
from kinerja.accounts.models import User
from kinerja.audit.services import audit_record
from kinerja.core.demo import DemoOptions
from kinerja.evaluation.models import (
    AttendanceRecord,
    BehaviorRating,
    Evaluation,
    EvaluationState,
    ResultRating,
)
from kinerja.evaluation.rules import Scope, predikat_for
from kinerja.evaluation.selectors.common import default_scope
from kinerja.evaluation.services.allowance import allowance_scheme_default
from kinerja.evaluation.services.evaluations import (
    BehaviorInput,
    ResultInput,
    evaluation_save,
    evaluation_set,
    evaluation_start,
)
from kinerja.evaluation.services.organization import organization_rating_set
from kinerja.evaluation.services.rows import evaluation_rows_build, evaluation_rows_save
from kinerja.evaluation.suggestions import plan_suggestions
from kinerja.organization.models import Agency
from kinerja.people.holdings import today
from kinerja.people.models import Employee
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.models import PerformancePlan
from kinerja.scoring.ratings import OrganizationPredikat, Rating

OVERRIDE_REASON = (
    "Sebagian berkas tertunda karena gangguan jaringan SIAK pusat selama sepekan, di luar "
    "kendali pegawai; berkas yang masuk diselesaikan tepat waktu."
)
HELPED_REASON = (
    "Capaian di atas target karena loket keliling tambahan dari bidang lain; kontribusi "
    "pribadi sesuai ekspektasi."
)
OVERALL_REASON = (
    "Capaian di bawah target terutama karena gangguan jaringan SIAK pusat; hasil kerja yang "
    "dapat dikendalikan pegawai sesuai ekspektasi."
)


def _aware(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _rate_demo_employee(scope: Scope, appraiser: User, plan: PerformancePlan) -> str:
    """The appraiser rates the demo employee through the services and sets the result: each
    result as suggested except the first that departs from "meets", judged to meet it with a
    reason (and the results rating overall with it), behaviour above on two core values."""
    evaluation = evaluation_start(actor=appraiser, plan=plan, window=scope.window)
    rows = list(evaluation.result_ratings.select_related("result").order_by("pk"))
    results = []
    overridden = False
    for row in rows:
        rating = row.suggestion or Rating.MEETS.value
        reason = ""
        if not overridden and rating != Rating.MEETS.value:
            reason = OVERRIDE_REASON if rating == Rating.BELOW.value else HELPED_REASON
            rating, overridden = Rating.MEETS.value, True
        results.append(ResultInput(result_id=row.result_id, rating=rating, reason=reason))
    codes = [b.core_value for b in evaluation.behavior_ratings.order_by("pk")]
    behaviors = [
        BehaviorInput(
            core_value=code,
            rating=Rating.ABOVE.value if i < 2 else Rating.MEETS.value,
            note="Melayani pemohon lansia dengan sabar." if i == 0 else "",
        )
        for i, code in enumerate(codes)
    ]
    # Saved once to see the suggestions overall that follow from the ratings above.
    evaluation = evaluation_save(
        actor=appraiser,
        evaluation=evaluation,
        results=results,
        behaviors=behaviors,
        results_rating="",
        results_reason="",
        behavior_rating="",
        behavior_reason="",
    )
    departs = evaluation.results_suggestion not in ("", Rating.MEETS.value)
    evaluation = evaluation_save(
        actor=appraiser,
        evaluation=evaluation,
        results=results,
        behaviors=behaviors,
        results_rating=Rating.MEETS.value,
        results_reason=OVERALL_REASON if departs else "",
        behavior_rating=evaluation.behavior_suggestion or Rating.MEETS.value,
        behavior_reason="",
    )
    evaluation = evaluation_set(actor=appraiser, evaluation=evaluation)
    return evaluation.get_predikat_display()


def _rate_others(scope: Scope, plans: list[PerformancePlan], rng: random.Random) -> int:
    """Draft rows with their suggestions, then rated Baik or Sangat Baik (none lower)."""
    found = plan_suggestions(plan_ids=[p.pk for p in plans], scope=scope)
    evaluations = evaluation_rows_save(
        [
            evaluation_rows_build(
                plan=plan,
                scope=scope,
                suggestions=found[plan.pk],
                organization=OrganizationPredikat.BAIK,
                is_head_of_agency=plan.position.is_head_of_agency,
            )
            for plan in plans
        ]
    )
    assert scope.window is not None
    rated_on = _aware(min(today(), scope.window.realization_due_date))
    for index, evaluation in enumerate(evaluations):
        top = index % 3 == 0
        results_rating = Rating.ABOVE.value if top else Rating.MEETS.value
        if evaluation.results_from_organization:  # a head of agency: the organisation's
            results_rating = evaluation.results_suggestion or Rating.MEETS.value
        behavior_rating = Rating.ABOVE.value if top else Rating.MEETS.value
        ResultRating.objects.filter(evaluation=evaluation).update(rating=results_rating)
        BehaviorRating.objects.filter(evaluation=evaluation).update(rating=behavior_rating)
        evaluation.results_rating = results_rating
        evaluation.behavior_rating = behavior_rating
        evaluation.behavior_suggestion = behavior_rating
        found_predikat = predikat_for(results_rating, behavior_rating)
        evaluation.predikat = found_predikat.value if found_predikat else ""
        evaluation.state = (
            EvaluationState.ACKNOWLEDGED if rng.random() < 0.5 else EvaluationState.RATED
        )
        evaluation.rated_at = rated_on
        if evaluation.state == EvaluationState.ACKNOWLEDGED:
            evaluation.acknowledged_at = rated_on
    Evaluation.objects.bulk_update(
        evaluations,
        [
            "results_rating",
            "behavior_rating",
            "behavior_suggestion",
            "predikat",
            "state",
            "rated_at",
            "acknowledged_at",
        ],
    )
    return len(evaluations)


def _attendance(agency: Agency, scope: Scope, rng: random.Random) -> int:
    """The window's month of attendance for everyone with a Dukcapil plan this year."""
    assert scope.window is not None
    year, month = scope.window.start_date.year, scope.window.start_date.month
    employees = Employee.objects.filter(
        plans__period=scope.period, plans__position__agency=agency
    ).distinct()
    recorded = set(
        AttendanceRecord.objects.filter(year=year, month=month).values_list(
            "employee_id", flat=True
        )
    )
    rows = [
        AttendanceRecord(
            employee=employee,
            year=year,
            month=month,
            working_days=21,
            present_days=21 - rng.choice([0, 0, 0, 1, 2]),
        )
        for employee in employees
        if employee.pk not in recorded
    ]
    AttendanceRecord.objects.bulk_create(rows)
    return len(rows)


def demo_current_year(options: DemoOptions) -> list[str]:
    if options.today != today():
        return ["Penilaian demo tahun berjalan hanya diisi untuk hari ini; dilewati."]
    period = PerformancePeriod.objects.filter(year=options.today.year, is_trial=False).first()
    agency = Agency.objects.filter(code=DUKCAPIL_CODE).first()
    if period is None or agency is None:
        return ["Periode tahun ini atau Dinas Dukcapil tidak ada; penilaian demo dilewati."]
    scope = default_scope(period, options.today)
    if scope.window is None:
        return ["Belum ada evaluasi periodik yang realisasinya ditutup; penilaian demo dilewati."]
    scope.window.period = period
    if Evaluation.objects.filter(window=scope.window).exists():
        return [f"Penilaian demo {scope.label} sudah ada."]
    users = {u.username: u for u in User.objects.filter(username__in=[
        DEMO_LEADER.username, DEMO_SUPERVISOR.username, DEMO_EMPLOYEE.username
    ])}  # fmt: skip
    leader, appraiser = users.get(DEMO_LEADER.username), users.get(DEMO_SUPERVISOR.username)
    if leader is None or appraiser is None:
        return ["Akun demo Pimpinan/atasan tidak ada; penilaian demo dilewati."]
    plans = list(
        PerformancePlan.objects.filter(
            period=period,
            position__agency=agency,
            approved_version__isnull=False,
            start_date__lte=scope.window.end_date,
        )
        .select_related("position", "employee__user", "period")
        .order_by("pk")
    )
    mine = next((p for p in plans if p.employee.nip == DEMO_EMPLOYEE.username), None)
    rng = random.Random(options.seed)  # noqa: S311 - demo data, not secrets
    lines = []
    organization_rating_set(
        actor=leader,
        agency=agency,
        scope=scope,
        predikat=OrganizationPredikat.BAIK.value,
        planning_note="IKU waktu layanan KTP-el tercapai; cakupan akta kelahiran di bawah target.",
        hr_note="Disiplin kehadiran baik.",
        audit_note="Tidak ada temuan pada bulan ini.",
    )
    lines.append(f"Predikat kinerja organisasi Dinas Dukcapil {scope.label}: Baik (Pimpinan).")
    appraiser_employee = Employee.objects.filter(user=appraiser).first()
    if mine is not None and appraiser_employee and mine.appraiser_id == appraiser_employee.pk:
        predikat = _rate_demo_employee(scope, appraiser, mine)
        lines.append(
            f"{DEMO_EMPLOYEE.name} dinilai {DEMO_SUPERVISOR.name} untuk {scope.label}: "
            f"{predikat}; saran di bawah ekspektasi diganti dengan alasan tertulis; menunggu "
            "diterima pegawai."
        )
    others = [p for p in plans if p is not mine]
    with transaction.atomic():
        count = _rate_others(scope, others, rng) if others else 0
        allowance_scheme_default()
        present = _attendance(agency, scope, rng)
        audit_record(
            actor=None,
            action="demo_evaluations.seeded",
            after={"window_id": scope.window.pk, "evaluations": count, "attendance": present},
        )
    lines.append(
        f"{count} penilaian lain Dukcapil {scope.label} ditetapkan Baik atau Sangat Baik, tanpa "
        "Butuh Perbaikan/Kurang: kurva menunjukkan penyimpangannya dan finalisasi meminta "
        f"justifikasi. Kehadiran {present} pegawai dicatat untuk lembar TPP."
    )
    return lines
