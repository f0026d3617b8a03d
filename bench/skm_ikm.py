"""IKM of one service unit-year over 1,000,000 stored survey responses, on PostgreSQL.

One `INSERT … SELECT … FROM generate_series` statement stores the responses (900,000 in the
measured unit-year, the rest in another unit and the year before, about one blank answer in
twenty like paper forms). Then, best of 5: the seconds of the report's IKM for that unit-year
(`aggregation.totals_of` → `ikm_from_totals`, what `reports.report_build` computes first), of
the whole report (breakdowns and trend included), and of a bare `SELECT count(*)` over the
same rows, with the ratio IKM / count. Target: the IKM under 1 s. The rows are deleted after.

Skipped, with a message, when DATABASE_URL is not PostgreSQL (SQLite has no generate_series
and is not what a city runs).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import date

from _django import bench_database, print_table, timed
from django.db import connection

from kinerja.organization.models import ServiceUnit, Unit
from kinerja.organization.testing import make_agency
from kinerja.surveys.aggregation import totals_of
from kinerja.surveys.models import SurveyResponse
from kinerja.surveys.reports import report_build
from kinerja.surveys.spans import year_span

TOTAL = int(os.environ.get("BENCH_SKM_ROWS", "1000000"))
IN_UNIT_YEAR = TOTAL * 9 // 10
YEAR = 2025
REPEAT = 5
TARGET_SECONDS = 1.0


def _answer(column: int) -> str:
    """An answer 1-4 that varies with the row and the element, blank about once in twenty."""
    return (
        f"CASE WHEN (g * {column + 7}) %% 20 = 0 THEN NULL "
        f"ELSE 1 + ((g * {column * 2 + 3} + g / 7) %% 4) END"
    )


def insert_responses(measured: ServiceUnit, other: ServiceUnit) -> float:
    """Store TOTAL responses in one statement; its seconds."""
    table = SurveyResponse._meta.db_table
    answers = ", ".join(_answer(column) for column in range(1, 10))
    sql = f"""
        INSERT INTO {table} (
            service_unit_id, service_id, survey_date, submitted_at, channel,
            u1, u2, u3, u4, u5, u6, u7, u8, u9,
            gender, age, education, occupation, suggestion, suggestion_hidden,
            suggestion_hidden_reason, client_hash, answers_key, form_nonce, import_job_id
        )
        SELECT
            CASE WHEN g <= %(in_unit_year)s THEN %(measured)s ELSE %(other)s END,
            NULL,
            CASE WHEN g <= %(in_unit_year)s THEN DATE %(start)s + (g %% 365)
                 ELSE DATE %(before)s + (g %% 365) END,
            now(),
            'ONLINE',
            {answers},
            CASE WHEN g %% 2 = 0 THEN 'L' ELSE 'P' END,
            18 + (g %% 60),
            'SMA',
            'SWASTA',
            '', false, '', '', '', NULL, NULL
        FROM generate_series(1, %(total)s) AS g
    """  # noqa: S608 - the table name is ours, the values are parameters
    params: dict[str, int | str] = {
        "in_unit_year": IN_UNIT_YEAR,
        "measured": measured.pk,
        "other": other.pk,
        "start": date(YEAR, 1, 1).isoformat(),
        "before": date(YEAR - 1, 1, 1).isoformat(),
        "total": TOTAL,
    }
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        cursor.execute(f"ANALYZE {table}")
    return time.perf_counter() - start


def _count(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def best(fn: Callable[[], object]) -> float:
    fn()  # warm the cache, as a page shown twice
    return min(timed(fn)[0] for _ in range(REPEAT))


def main() -> int:
    if connection.vendor != "postgresql":
        print(
            "== skm_ikm: dilewati — jalankan dengan DATABASE_URL=postgres://… "
            "(butuh PostgreSQL, bukan " + connection.vendor + ")."
        )
        return 0
    with bench_database(instrument_templates=False):
        agency = make_agency(name="Dinas Uji Bench SKM")
        unit = Unit.objects.create(agency=agency, code="bench-skm", name="Bidang Uji")
        measured = ServiceUnit.objects.create(unit=unit, name="Loket Uji", slug="bench-skm-1")
        other = ServiceUnit.objects.create(unit=unit, name="Loket Lain", slug="bench-skm-2")
        try:
            seconds_insert = insert_responses(measured, other)
            span = year_span(YEAR)
            rows = SurveyResponse.objects.filter(
                service_unit=measured, survey_date__range=(span.start, span.end)
            )
            result = totals_of(rows).ikm()
            assert result is not None
            seconds_ikm = best(lambda: totals_of(rows).ikm())
            seconds_report = best(lambda: report_build(span=span, service_unit=measured))
            table = SurveyResponse._meta.db_table
            count_sql = (
                f"SELECT count(*) FROM {table} "  # noqa: S608 - our table name
                "WHERE service_unit_id = %s AND survey_date BETWEEN %s AND %s"
            )

            def count() -> int:
                with connection.cursor() as cursor:
                    cursor.execute(count_sql, [measured.pk, span.start, span.end])
                    return int(cursor.fetchone()[0])

            counted = count()
            seconds_count = best(count)
        finally:
            SurveyResponse.objects.filter(service_unit__in=[measured, other]).delete()
    verdict = "memenuhi" if seconds_ikm < TARGET_SECONDS else "MELEWATI"
    print_table(
        f"IKM satu unit-tahun, {_count(TOTAL)} jawaban tersimpan ({_count(counted)} di "
        f"unit-tahun itu), PostgreSQL, terbaik dari {REPEAT}",
        [
            ("simpan (satu INSERT … SELECT + ANALYZE)", f"{seconds_insert:.2f} s"),
            ("IKM laporan (totals_of → ikm_from_totals)", f"{seconds_ikm:.3f} s"),
            ("laporan lengkap (rincian dan tren)", f"{seconds_report:.3f} s"),
            ("SELECT count(*) atas baris yang sama", f"{seconds_count:.3f} s"),
            ("rasio IKM / count(*)", f"{seconds_ikm / seconds_count:.1f} kali"),
            ("IKM", f"{result.value} ({result.grade}, {_count(result.respondents)} responden)"),
            ("target < 1 s", verdict),
        ],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
