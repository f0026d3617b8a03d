"""The planning seed of `seed_demo`: SKP at every state across the demo city, in the current
period (the periods seed opens it). Idempotent: a period that already holds plans is left as
it is.

Through the services (audited), the chain the demo logins see:
- Dukcapil's strategic goals (3, with indicators) and its head's approved plan, whose results
  each serve a goal;
- the Kepala Bidang's approved plan, contributing to the head's results;
- the demo supervisor's (DEMO_SUPERVISOR) approved plan with three results: the first two
  cascaded to her subordinates, the third contributed to by nobody (the orphan the results-
  role matrix flags); her second result has an indicator sourced from the IKM of the counter
  "Loket Pelayanan Adminduk", whose monthly values the plan page shows;
- the demo employee's (DEMO_EMPLOYEE) plan: submitted, returned with a note, a thread on a
  result, a raised target, submitted again (two versions, waiting for the supervisor);
- her other subordinates: drafts from the cascade, some submitted.
Then, written in bulk (one audit event `demo_plans.seeded`): every other employee of Dukcapil
and a sample of the city at none/DRAFT/SUBMITTED/APPROVED, each result contributing to a
result of the supervisor's plan when there is one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE, DEMO_SUPERVISOR, DUKCAPIL_CODE
from kinerja.accounts.models import User
from kinerja.audit.services import audit_record
from kinerja.core.demo import DemoOptions
from kinerja.discussions.models import DocumentVersion
from kinerja.organization.models import Agency, Position, ServiceUnit
from kinerja.people.chain import WALI_KOTA, Holder, Holding, PositionNode, Tree
from kinerja.people.holdings import covering
from kinerja.people.models import Assignment, Employee
from kinerja.periods.models import PerformancePeriod
from kinerja.periods.rules import period_planning_refusal
from kinerja.periods.selectors import period_current
from kinerja.planning.models import (
    Aspect,
    GoalIndicator,
    Indicator,
    IndicatorSource,
    OrganizationGoal,
    PerformancePlan,
    PlannedResult,
    PlanState,
    TargetKind,
)
from kinerja.planning.selectors import PlanDocument, ResultView, plan_lines
from kinerja.planning.services import (
    expectation_set,
    indicator_add,
    indicator_update,
    plan_approve,
    plan_return,
    plan_start,
    plan_submit,
    result_add,
    result_cascade,
    result_comment_add,
)
from kinerja.scoring.achievement import ResultKind

SAMPLE = 300
SATISFACTION_UNIT = "Loket Pelayanan Adminduk"
IndicatorSpec = tuple[str, str, str, Decimal | None, Decimal | None, str, str]
STATES = [
    (None, 0.15),
    (PlanState.DRAFT, 0.3),
    (PlanState.SUBMITTED, 0.2),
    (PlanState.RETURNED, 0.05),
    (PlanState.APPROVED, 0.3),
]
GOALS = [
    (
        "Meningkatnya cakupan kepemilikan dokumen kependudukan",
        "SERVICE_RECIPIENTS",
        "Persentase penduduk wajib KTP-el yang telah memiliki KTP-el",
        Decimal(98),
        "%",
    ),
    (
        "Meningkatnya kualitas pelayanan administrasi kependudukan",
        "BUSINESS_PROCESS",
        "Indeks kepuasan masyarakat layanan adminduk",
        Decimal(85),
        "indeks",
    ),
    (
        "Meningkatnya pemanfaatan data kependudukan",
        "INTERNAL",
        "Jumlah perangkat daerah yang memanfaatkan data kependudukan",
        Decimal(30),
        "perangkat daerah",
    ),
]
RESULT_TEXTS = [
    "Tersusunnya laporan kinerja {unit} tepat waktu",
    "Meningkatnya kualitas layanan {unit}",
    "Terselesaikannya berkas layanan {unit} sesuai standar",
    "Tersedianya data {unit} yang mutakhir",
    "Terlaksananya pembinaan dan pengawasan pada {unit}",
]
INDICATORS: list[IndicatorSpec] = [
    (
        Aspect.QUANTITY,
        "Jumlah dokumen yang diselesaikan",
        TargetKind.NUMBER,
        Decimal(120),
        None,
        "dokumen",
        "",
    ),
    (
        Aspect.QUALITY,
        "Persentase dokumen tanpa kesalahan",
        TargetKind.RANGE,
        Decimal(90),
        Decimal(100),
        "%",
        "",
    ),
    (
        Aspect.TIME,
        "Ketepatan waktu penyelesaian",
        TargetKind.NUMBER,
        Decimal(12),
        None,
        "bulan",
        "",
    ),
    (
        Aspect.QUALITY,
        "Kualitas laporan",
        TargetKind.DESCRIBED,
        None,
        None,
        "",
        "Laporan diterima pimpinan tanpa perbaikan",
    ),
]


def _indicator(result: PlannedResult, number: int, spec: IndicatorSpec) -> Indicator:
    aspect, text, kind, value, maximum, unit, description = spec
    return Indicator(
        result=result,
        number=number,
        aspect=aspect,
        text=text,
        target_kind=kind,
        target_value=value,
        target_max=maximum,
        target_unit=unit,
        target_description=description,
    )


def _add_indicator(actor: User | None, result: PlannedResult, spec: IndicatorSpec) -> None:
    aspect, text, kind, value, maximum, unit, description = spec
    indicator_add(
        actor=actor,
        result=result,
        aspect=aspect,
        text=text,
        target_kind=kind,
        target_value=value,
        target_max=maximum,
        target_unit=unit,
        target_description=description,
    )


# --- the chain the demo logins see, through services --------------------------------------------


def _goals(agency: Agency, period: PerformancePeriod) -> list[OrganizationGoal]:
    goals = []
    for number, (statement, perspective, text, target, unit) in enumerate(GOALS, start=1):
        goal, created = OrganizationGoal.objects.get_or_create(
            agency=agency,
            period=period,
            number=number,
            defaults={"statement": statement, "perspective": perspective},
        )
        if created:
            GoalIndicator.objects.create(
                goal=goal, number=1, text=text, target_value=target, target_unit=unit
            )
        goals.append(goal)
    return goals


def _plan(
    actor: User | None,
    employee: Employee,
    period: PerformancePeriod,
    results: list[tuple[str, PlannedResult | None, OrganizationGoal | None]],
) -> PerformancePlan:
    plan = plan_start(actor=actor, employee=employee, period=period, start_date=period.start_date)
    for n, (text, parent, goal) in enumerate(results):
        result = result_add(
            actor=actor,
            plan=plan,
            kind=ResultKind.UTAMA.value,
            text=text,
            parent=parent,
            goal=goal,
            perspective=goal.perspective if goal else "",
        )
        _add_indicator(actor, result, INDICATORS[n % 2])
        _add_indicator(actor, result, INDICATORS[2])
    return plan


def _approved(actor: User | None, plan: PerformancePlan) -> PerformancePlan:
    plan_submit(actor=actor, plan=plan)
    plan_approve(actor=None, plan=plan)
    return plan


@dataclass
class Cast:
    head: Employee
    kabid: Employee
    supervisor: Employee
    employee: Employee
    supervisor_user: User
    employee_user: User
    subordinates: list[Employee]


def _holder(tree: Tree, position_id: int | None) -> int | None:
    if position_id is None:
        return None
    holder = tree.holder_of(position_id)
    return holder.employee_id if holder else None


def _cast(tree: Tree, agency: Agency) -> Cast | None:
    users = {
        u.username: u
        for u in User.objects.filter(
            username__in=[DEMO_EMPLOYEE.username, DEMO_SUPERVISOR.username]
        )
    }
    people = {e.nip: e for e in Employee.objects.filter(nip__in=list(users))}
    employee = people.get(DEMO_EMPLOYEE.username)
    supervisor = people.get(DEMO_SUPERVISOR.username)
    head_post = Position.objects.filter(agency=agency, is_head_of_agency=True).first()
    if employee is None or supervisor is None or head_post is None or len(users) < 2:
        return None
    mine = tree.positions_of(supervisor.pk)
    if not mine:
        return None
    node = tree.positions.get(mine[0].position_id)
    kabid_id = _holder(tree, node.supervisor_id if node else None)
    head_id = _holder(tree, head_post.pk)
    subordinate_ids = [
        h.employee_id
        for h in tree.subordinates_of([h.position_id for h in mine], not_employee=supervisor.pk)
    ]
    others = Employee.objects.in_bulk([kabid_id or 0, head_id or 0, *subordinate_ids])
    if kabid_id not in others or head_id not in others:
        return None
    return Cast(
        head=others[head_id],
        kabid=others[kabid_id],
        supervisor=supervisor,
        employee=employee,
        supervisor_user=users[DEMO_SUPERVISOR.username],
        employee_user=users[DEMO_EMPLOYEE.username],
        subordinates=[
            others[i] for i in dict.fromkeys(subordinate_ids) if i in others and i != employee.pk
        ],
    )


def _add_satisfaction_indicator(actor: User, plan: PerformancePlan, agency: Agency) -> None:
    """Her second result gets an indicator whose value comes from the IKM of the counter she
    runs (the plan page shows it per month, nobody types it in)."""
    loket = ServiceUnit.objects.filter(unit__agency=agency, name=SATISFACTION_UNIT).first()
    result = plan.results.order_by("number")[1:2].first()
    if loket is None or result is None:
        return
    indicator_add(
        actor=actor,
        result=result,
        aspect=Aspect.QUALITY,
        text=f"Indeks kepuasan masyarakat {SATISFACTION_UNIT}",
        target_kind=TargetKind.NUMBER,
        target_value=Decimal(85),
        target_unit="nilai IKM",
        source=IndicatorSource.SATISFACTION_INDEX,
        service_unit=loket,
    )


def _chain_plans(cast: Cast, agency: Agency, period: PerformancePeriod) -> list[str]:
    goals = _goals(agency, period)
    head = _approved(
        None,
        _plan(
            None,
            cast.head,
            period,
            [
                ("Meningkatnya cakupan dokumen kependudukan penduduk Surakarta", None, goals[0]),
                ("Meningkatnya kualitas layanan administrasi kependudukan", None, goals[1]),
                (
                    "Meningkatnya pemanfaatan data kependudukan oleh perangkat daerah",
                    None,
                    goals[2],
                ),
            ],
        ),
    )
    head_results = list(head.results.order_by("number"))
    kabid = _approved(
        None,
        _plan(
            None,
            cast.kabid,
            period,
            [
                ("Terlaksananya layanan pendaftaran penduduk yang cepat", head_results[0], None),
                ("Meningkatnya kepuasan pemohon layanan pendaftaran", head_results[1], None),
            ],
        ),
    )
    kabid_results = list(kabid.results.order_by("number"))
    sup_user = cast.supervisor_user
    supervisor_plan = _plan(
        sup_user,
        cast.supervisor,
        period,
        [
            ("Terselesaikannya perekaman dan pencetakan KTP-el", kabid_results[0], None),
            ("Terlayaninya permohonan identitas penduduk tepat waktu", kabid_results[1], None),
            ("Tersusunnya inovasi layanan identitas penduduk keliling", kabid_results[0], None),
        ],
    )
    _add_satisfaction_indicator(sup_user, supervisor_plan, agency)
    supervisor = _approved(sup_user, supervisor_plan)
    own = list(supervisor.results.order_by("number"))
    # The employee: submitted, returned with a note and a thread, raised target, resubmitted.
    emp_user = cast.employee_user
    plan = _plan(
        emp_user,
        cast.employee,
        period,
        [
            ("Terolahnya data perekaman KTP-el harian", own[0], None),
            ("Terlayaninya permohonan kartu identitas anak", own[1], None),
        ],
    )
    first = plan.results.order_by("number").first()
    assert first is not None
    result_comment_add(
        actor=emp_user,
        result=first,
        body="Apakah target 120 dokumen sudah sesuai dengan beban kerja seksi?",
    )
    plan_submit(actor=emp_user, plan=plan, note="Mohon diperiksa, Bu.")
    result_comment_add(
        actor=sup_user,
        result=first,
        body="Target terlalu rendah: rata-rata "
        "perekaman kita 20 dokumen sehari. Naikkan menjadi 240 dokumen.",
    )
    plan_return(
        actor=sup_user, plan=plan, note="Naikkan target perekaman KTP-el dan lengkapi IKI waktu."
    )
    expectation_set(
        actor=sup_user,
        plan=plan,
        core_value="BERORIENTASI_PELAYANAN",
        text="Ramah dan tuntas melayani pemohon KTP-el di loket.",
    )
    indicator = first.indicators.order_by("number").first()
    assert indicator is not None
    indicator_update(
        actor=emp_user,
        indicator=indicator,
        aspect=indicator.aspect,
        text=indicator.text,
        target_kind=TargetKind.NUMBER,
        target_value=Decimal(240),
        target_unit="dokumen",
    )
    result_comment_add(actor=emp_user, result=first, body="Sudah saya naikkan menjadi 240.")
    plan_submit(actor=emp_user, plan=plan, note="Target sudah diperbaiki.")
    # Her other subordinates: drafts from the cascade of her first two results; some submitted.
    lines = []
    if cast.subordinates:
        result_cascade(actor=sup_user, result=own[0], employees=cast.subordinates)
        result_cascade(actor=sup_user, result=own[1], employees=cast.subordinates[::2])
        for sub_plan in PerformancePlan.objects.filter(
            period=period, employee__in=cast.subordinates[1::2]
        ):
            plan_submit(actor=None, plan=sub_plan)
        lines.append(f"{len(cast.subordinates)} bawahan lain menerima RHK atasan (cascade).")
    return lines


# --- the rest of the city, in bulk --------------------------------------------------------------


def _tree(day: date) -> Tree:
    positions = {
        pk: PositionNode(pk, sup, kind, head)
        for pk, sup, kind, head in Position.objects.values_list(
            "id", "supervisor_id", "kind", "is_head_of_agency"
        )
    }
    holdings = [
        Holding(*row)
        for row in Assignment.objects.filter(covering(day)).values_list(
            "employee_id", "position_id", "start_date", "end_date", "is_acting"
        )
    ]
    return Tree(positions, holdings, day)


def _depth(tree: Tree, position_id: int) -> int:
    depth, node, seen = 0, tree.positions.get(position_id), set()
    while node is not None and node.supervisor_id is not None and node.id not in seen:
        seen.add(node.id)
        depth += 1
        node = tree.positions.get(node.supervisor_id)
    return depth


def _bulk_plans(
    tree: Tree, period: PerformancePeriod, employee_ids: list[int], rng: random.Random
) -> dict[str, int]:
    """Plans, results, indicators and versions written level by level (supervisors first), so
    each result can contribute to the supervisor's first results."""
    taken = set(PerformancePlan.objects.filter(period=period).values_list("employee_id", flat=True))
    results_of: dict[int, list[PlannedResult]] = {}
    for plan in PerformancePlan.objects.filter(period=period).prefetch_related("results"):
        results_of[plan.employee_id] = [r for r in plan.results.all() if r.number <= 2]
    positions = dict(Position.objects.values_list("id", "name"))
    rows: list[tuple[int, int, Holder]] = []
    for employee_id in employee_ids:
        mine = tree.positions_of(employee_id)
        if employee_id in taken or not mine:
            continue
        rows.append((_depth(tree, mine[0].position_id), employee_id, mine[0]))
    rows.sort()
    counts = {"plans": 0, "results": 0}
    now = timezone.now()
    for depth in sorted({d for d, _, _ in rows}):
        level = [(e, h) for d, e, h in rows if d == depth]
        plans: list[PerformancePlan] = []
        for employee_id, holder in level:
            state = rng.choices([s for s, _ in STATES], [w for _, w in STATES])[0]
            if state is None:
                continue
            supervisor = tree.supervisor_of(holder.position_id, not_employee=employee_id)
            mayor = tree.reports_to_wali_kota(holder.position_id) or supervisor == WALI_KOTA
            appraiser = supervisor if isinstance(supervisor, Holder) and not mayor else None
            plans.append(
                PerformancePlan(
                    period=period,
                    employee_id=employee_id,
                    position_id=holder.position_id,
                    start_date=period.start_date,
                    end_date=period.end_date,
                    appraiser_id=appraiser.employee_id if appraiser else None,
                    appraiser_position_id=appraiser.position_id if appraiser else None,
                    appraiser_is_mayor=appraiser is None,
                    state=state,
                    version=0 if state == PlanState.DRAFT else 1,
                    approved_version=1 if state == PlanState.APPROVED else None,
                    submitted_at=None if state == PlanState.DRAFT else now,
                    approved_at=now if state == PlanState.APPROVED else None,
                )
            )
        plans = PerformancePlan.objects.bulk_create(plans)
        results: list[PlannedResult] = []
        indicators: list[Indicator] = []
        views: dict[int, list[ResultView]] = {}
        for plan in plans:
            supervisor = tree.supervisor_of(plan.position_id, not_employee=plan.employee_id)
            parents = (
                results_of.get(supervisor.employee_id, []) if isinstance(supervisor, Holder) else []
            )
            unit = positions.get(plan.position_id, "")
            texts = rng.sample(RESULT_TEXTS, 2)
            for number, text in enumerate(texts, start=1):
                parent = parents[(number - 1) % len(parents)] if parents else None
                results.append(
                    PlannedResult(
                        plan=plan,
                        kind=ResultKind.UTAMA.value,
                        number=number,
                        text=text.format(unit=unit.lower())[:500],
                        parent=parent,
                    )
                )
        results = PlannedResult.objects.bulk_create(results)
        by_plan: dict[int, list[PlannedResult]] = {}
        for result in results:
            by_plan.setdefault(result.plan_id, []).append(result)
            own = [
                _indicator(result, 1, INDICATORS[result.number % 2]),
                _indicator(result, 2, INDICATORS[2 + result.number % 2]),
            ]
            indicators.extend(own)
            parent_text = result.parent.text if result.parent else ""
            views.setdefault(result.plan_id, []).append(
                ResultView(result, parent_text, own, result.number)
            )
        Indicator.objects.bulk_create(indicators)
        versions = [
            DocumentVersion(
                subject_type=PerformancePlan._meta.label,
                subject_id=plan.pk,
                number=1,
                lines=plan_lines(document=_document(plan, views.get(plan.pk, []))),
                content={},
                created_by_name="Sistem (data demo)",
            )
            for plan in plans
            if plan.state != PlanState.DRAFT
        ]
        DocumentVersion.objects.bulk_create(versions)
        for plan in plans:
            results_of[plan.employee_id] = by_plan.get(plan.pk, [])
        counts["plans"] += len(plans)
        counts["results"] += len(results)
    return counts


def _document(plan: PerformancePlan, views: list[ResultView]) -> PlanDocument:
    return PlanDocument(
        plan=plan,
        main=views,
        additional=[],
        expectations=[],
        appraiser_name="",
        appraiser_nip="",
        appraiser_position_name="",
        appraiser_grade="",
        employee_grade="",
        unit_name="",
        agency_name="",
    )


def demo_seed(options: DemoOptions) -> list[str]:
    period = period_current(day=options.today)
    if period is None or period_planning_refusal(period) is not None:
        return ["Tidak ada periode penilaian terbuka hari ini; data demo SKP dilewati."]
    if PerformancePlan.objects.filter(period=period).exists():
        return [f"SKP demo {period.name} sudah ada."]
    agency = Agency.objects.filter(code=DUKCAPIL_CODE).first()
    if agency is None:
        return ["Dinas Dukcapil tidak ada di kota demo; data demo SKP dilewati."]
    tree = _tree(period.start_date)
    lines = [f"SKP demo {period.name}:"]
    cast = _cast(tree, agency)
    if cast is None:
        lines.append("Akun demo pegawai/atasan tidak ditemukan; rantai SKP Dukcapil dilewati.")
    else:
        lines += _chain_plans(cast, agency, period)
        lines.append(
            f"{DEMO_EMPLOYEE.name}: SKP dikembalikan lalu diajukan lagi (2 versi); "
            f"{DEMO_SUPERVISOR.name}: SKP disetujui, satu RHK tanpa bawahan yang mengintervensi."
        )
    rng = random.Random(options.seed)  # noqa: S311 - demo data, not secrets
    dukcapil = set(
        Assignment.objects.filter(covering(period.start_date), position__agency=agency).values_list(
            "employee_id", flat=True
        )
    )
    everyone = sorted(
        set(
            Assignment.objects.filter(covering(period.start_date)).values_list(
                "employee_id", flat=True
            )
        )
    )
    others = [e for e in everyone if e not in dukcapil]
    sample = sorted(dukcapil) + sorted(rng.sample(others, min(SAMPLE, len(others))))
    with transaction.atomic():
        counts = _bulk_plans(tree, period, sample, rng)
        audit_record(
            actor=None,
            action="demo_plans.seeded",
            after={"period_id": period.pk, "plans": counts["plans"], "results": counts["results"]},
        )
    lines.append(
        f"{counts['plans']} SKP lain (draf, diajukan, disetujui) dengan {counts['results']} RHK "
        "di Dukcapil dan sampel kota."
    )
    return lines
