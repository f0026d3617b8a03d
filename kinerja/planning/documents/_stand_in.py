"""TEMPORARY stand-in for planning-core's `selectors.plan_document_build` / `plan_get_for_actor`
(SPEC-PLANNING.md), removed when branch planning-core is merged."""
# ruff: noqa: E501, RUF028

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_read_agency, can_read_all_agencies
from kinerja.organization.selectors import grade_rank_name
from kinerja.planning.models import Indicator, PerformancePlan, PlannedResult

BERAKHLAK = [
    ("BERORIENTASI_PELAYANAN", "Berorientasi Pelayanan", [
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti"]),
    ("AKUNTABEL", "Akuntabel", [
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
        "Tidak menyalahgunakan kewenangan jabatan"]),
    ("KOMPETEN", "Kompeten", [
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik"]),
    ("HARMONIS", "Harmonis", [
        "Menghargai setiap orang apapun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif"]),
    ("LOYAL", "Loyal", [
        "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
        "Menjaga rahasia jabatan dan negara"]),
    ("ADAPTIF", "Adaptif", [
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif"]),
    ("KOLABORATIF", "Kolaboratif", [
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama"]),
]  # fmt: skip


@dataclass
class ResultView:
    result: PlannedResult
    parent_text: str
    indicators: list[Indicator]


@dataclass
class ExpectationView:
    code: str
    name: str
    behaviors: list[str]
    text: str


@dataclass
class PlanDocument:
    plan: PerformancePlan
    main: list[ResultView] = field(default_factory=list)
    additional: list[ResultView] = field(default_factory=list)
    expectations: list[ExpectationView] = field(default_factory=list)
    appraiser_name: str = ""
    appraiser_nip: str = ""
    appraiser_position_name: str = ""
    appraiser_grade: str = ""
    employee_grade: str = ""
    unit_name: str = ""
    agency_name: str = ""


def _grade(grade: str) -> str:
    name = grade_rank_name(grade)
    return f"{name}, {grade}" if name else grade


def plan_get_for_actor(*, actor: Actor, plan_id: int) -> PerformancePlan:
    plan = (
        PerformancePlan.objects.select_related(
            "period",
            "employee",
            "position",
            "position__agency",
            "position__unit",
            "appraiser",
            "appraiser_position",
        )  # fmt: skip
        .filter(pk=plan_id)
        .first()
    )
    if plan is None or actor is None:
        raise Http404
    employee = getattr(actor, "employee", None)
    allowed = (
        (employee is not None and employee.pk in (plan.employee_id, plan.appraiser_id))
        or can_read_all_agencies(actor)
        or can_read_agency(actor, plan.position.agency_id)
    )
    if not allowed:
        raise Http404
    return plan


def plan_document_build(*, plan: PerformancePlan) -> PlanDocument:
    results = list(
        PlannedResult.objects.filter(plan=plan)
        .select_related("parent", "goal")
        .prefetch_related("indicators")
        .order_by("kind", "number")
    )
    texts = {e.core_value: e.text for e in plan.expectations.all()}
    doc = PlanDocument(plan=plan)
    for result in results:
        parent = (
            result.parent.text if result.parent else (result.goal.statement if result.goal else "")
        )
        view = ResultView(
            result=result, parent_text=parent, indicators=list(result.indicators.all())
        )
        (doc.main if result.kind == "UTAMA" else doc.additional).append(view)
    doc.expectations = [
        ExpectationView(code=c, name=n, behaviors=b, text=texts.get(c, "")) for c, n, b in BERAKHLAK
    ]
    if plan.appraiser_is_mayor:
        doc.appraiser_name = "Wali Kota Surakarta"
        doc.appraiser_grade = "Wali Kota"
        doc.appraiser_position_name = "Wali Kota Surakarta"
    elif plan.appraiser is not None:
        doc.appraiser_name = plan.appraiser.full_name
        doc.appraiser_nip = plan.appraiser.nip
        doc.appraiser_grade = _grade(plan.appraiser.grade)
        doc.appraiser_position_name = (
            plan.appraiser_position.name if plan.appraiser_position else ""
        )
    doc.employee_grade = _grade(plan.employee.grade)
    doc.unit_name = plan.position.unit.name if plan.position.unit else ""
    doc.agency_name = plan.position.agency.name
    return doc
