"""SKP documents: PDFs (and XLSX) per second for a plan of 5 and of 20 results, each with three
indicators, rendered as the download view does (document built from the database, then
WeasyPrint), and the whole request through the view for the largest plan.

CPU time of this process (WeasyPrint and SQLite both run in it): unlike wall time it does not
grow when other processes share the cores, so the figure is what one app-server worker
delivers on an idle core. A batch of a whole agency belongs in a task.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from decimal import Decimal

from _django import bench_database, print_table
from django.test import Client, override_settings
from django.urls import reverse

from kinerja.people.testing import Personas, make_personas
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.documents.pdf import plan_pdf_render
from kinerja.planning.documents.xlsx import plan_xlsx_render
from kinerja.planning.models import LeaderExpectation, PerformancePlan
from kinerja.planning.selectors import plan_document_build, plan_queryset
from kinerja.planning.testing import make_indicator, make_open_period, make_plan, make_result

SIZES = [int(n) for n in os.environ.get("BENCH_SKP_RESULTS", "5,20").split(",")]
REPEAT = int(os.environ.get("BENCH_SKP_REPEAT", "20"))
ASPECTS = ["QUANTITY", "QUALITY", "TIME"]


def plan_with_results(personas: Personas, period: PerformancePeriod, results: int) -> int:
    staff = personas.staff
    plan = make_plan(employee=staff.employee, period=period, start_date=period.start_date)
    for n in range(1, results + 1):
        result = make_result(
            plan=plan, kind="UTAMA" if n <= results * 3 // 4 else "TAMBAHAN", indicators=0,
            text=f"Meningkatnya mutu layanan administrasi kependudukan bagian {n}",
        )  # fmt: skip
        for aspect in ASPECTS:
            make_indicator(
                result=result, aspect=aspect, target_value=Decimal(95), target_unit="%",
                text=f"Persentase berkas permohonan yang selesai sesuai standar ({aspect})",
            )  # fmt: skip
    for code in ("BERORIENTASI_PELAYANAN", "AKUNTABEL", "KOMPETEN"):
        LeaderExpectation.objects.create(plan=plan, core_value=code, text="Tepat waktu")
    PerformancePlan.objects.filter(pk=plan.pk).update(
        resource_support="Aplikasi SIAK", accountability_scheme="Laporan bulanan",
        consequences="Sesuai ketentuan",
    )  # fmt: skip
    return plan.pk


def cpu_seconds(fn: Callable[[], object]) -> float:
    """CPU seconds of REPEAT calls."""
    start = time.process_time()
    for _ in range(REPEAT):
        fn()
    return time.process_time() - start


def rate(seconds: float, what: str = "dokumen") -> str:
    return f"{REPEAT / seconds:.1f} {what}/detik   {seconds * 1000 / REPEAT:.0f} ms/{what}"


def main() -> None:
    rows: list[tuple[str, str]] = []
    with (
        override_settings(ALLOWED_HOSTS=["testserver"]),
        bench_database(instrument_templates=False),
    ):
        personas = make_personas()
        plans = {}
        for year, size in enumerate(SIZES, start=2026):
            period = make_open_period(year=year)
            plans[size] = plan_with_results(personas, period, size)
        plan_pdf_render(document=plan_document_build(plan=plan_queryset().get(pk=plans[SIZES[0]])))
        for size, plan_id in plans.items():

            def pdf(plan_id: int = plan_id) -> int:
                plan = plan_queryset().get(pk=plan_id)
                return len(plan_pdf_render(document=plan_document_build(plan=plan)))

            def xlsx(plan_id: int = plan_id) -> int:
                plan = plan_queryset().get(pk=plan_id)
                return len(plan_xlsx_render(document=plan_document_build(plan=plan)))

            pdf_size = pdf()
            pdf_s = cpu_seconds(pdf)
            xlsx_s = cpu_seconds(xlsx)
            rows.append(
                (
                    f"PDF, {size} RHK x 3 IKI",
                    f"{rate(pdf_s)}   {pdf_size / 1024:.0f} KB",
                )
            )
            rows.append(
                (
                    f"XLSX, {size} RHK x 3 IKI",
                    rate(xlsx_s),
                )
            )
        client = Client()
        client.force_login(personas.employee)
        url = reverse("planning:plan_pdf", kwargs={"plan_id": plans[SIZES[-1]]})
        view_s = cpu_seconds(lambda: client.get(url))
        rows.append(
            (
                f"unduh PDF lewat view, {SIZES[-1]} RHK",
                rate(view_s, "permintaan"),
            )
        )
    print_table(f"SKP sebagai dokumen (waktu CPU, {REPEAT} kali tiap ukuran)", rows)


if __name__ == "__main__":
    main()
