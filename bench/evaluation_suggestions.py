"""Suggestions and predikat for a whole city, as the bulk preparation job computes them, next
to a bare scan of the same realisation rows in the same run (issue 13, "Speed").

The city: BENCH_EVALUATION_EMPLOYEES employees (default 10,000) in 10 agencies, each with an
approved plan of 4 main results x 2 indicators (8 indicators), and an accepted realisation
with an achievement for every indicator in each of the period's 12 monthly windows (960,000
realisations at the default size). Rows are written with bulk inserts into a database of the
benchmark's own (`bench_evaluation…`, on the DATABASE_URL server or a SQLite file in var/), kept
between runs and reused when it already holds the city of that size
(BENCH_EVALUATION_FRESH=1 builds it again).

Timed, for the annual group (each indicator's latest window, so every row is read):
  (a) bare scan: iterating `values_list` over the realisations of the period;
  (b) suggestions and predikat: `plan_suggestions` per batch of 500 plans, the results
      suggestion per plan (`results_suggestion`) and its predikat with behaviour "Sesuai";
  (c) the job itself (`evaluations_prepare`, which also builds and inserts the draft rows),
      rolled back afterwards so that the next run finds the same city.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from _django import print_table, timed
from django.db import connection, transaction
from django.test.utils import setup_databases

from kinerja.evaluation.rules import Scope
from kinerja.evaluation.services.bulk import BATCH_SIZE, evaluations_prepare
from kinerja.evaluation.suggestions import plan_suggestions, results_suggestion
from kinerja.monitoring.models import Realization, RealizationState
from kinerja.organization.models import Agency
from kinerja.people.models import Assignment
from kinerja.people.testing import assign, bulk_staff, make_employee, make_position
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.periods.testing import make_period
from kinerja.planning.models import Indicator, PerformancePlan, PlannedResult, PlanState
from kinerja.scoring.ratings import Rating, predikat

SIZE = int(os.environ.get("BENCH_EVALUATION_EMPLOYEES", "10000"))
FRESH = os.environ.get("BENCH_EVALUATION_FRESH") == "1"
AGENCIES = 10
RESULTS, INDICATORS_PER_RESULT = 4, 2
YEAR = 2025
MARK = "bench-evaluation"
PREFIX = "bench_evaluation_"
INSERT_BATCH = 5000


def bench_database(*, keep: bool = True) -> str:
    """The benchmark's own database, kept between runs (`keep=False`: made again, empty)."""
    settings = connection.settings_dict
    test = settings.setdefault("TEST", {})
    if settings["ENGINE"].endswith("sqlite3"):
        test["NAME"] = os.path.abspath(
            os.path.join(os.path.dirname(__file__), "..", "var", "bench-evaluation.sqlite3")
        )
    elif not str(test.get("NAME") or "").startswith(PREFIX):
        test["NAME"] = f"{PREFIX}{settings['NAME']}"
    setup_databases(verbosity=0, interactive=False, keepdb=keep)
    return str(connection.settings_dict["NAME"])


def city_ready() -> PerformancePeriod | None:
    period = PerformancePeriod.objects.filter(year=YEAR, is_trial=False).first()
    if period is None or FRESH:
        return None
    plans = PerformancePlan.objects.filter(period=period).count()
    return period if plans == SIZE else None


def city_build() -> PerformancePeriod:
    """The city, in bulk, in an empty database."""
    period = make_period(year=YEAR, state=PeriodState.EVALUATION)
    windows = list(period.windows.order_by("number"))
    rng = random.Random(13)
    per_agency = SIZE // AGENCIES
    for n in range(AGENCIES):
        count = per_agency if n < AGENCIES - 1 else SIZE - per_agency * (AGENCIES - 1)
        agency = Agency.objects.create(code=f"{MARK}-{n}", name=f"Dinas Bench {n}", kind="DINAS")
        head_post = make_position(agency=agency, name="Kepala Dinas", kind="JPT", head=True)
        head = make_employee()
        assign(head, head_post, start=date(2024, 1, 2))
        bulk_staff(agency=agency, supervisor=head_post, unit=None, count=count - 1)
    holders = list(
        Assignment.objects.filter(position__agency__code__startswith=MARK).values_list(
            "employee_id", "position_id"
        )
    )
    plans = PerformancePlan.objects.bulk_create(
        [
            PerformancePlan(
                period=period, employee_id=e, position_id=p, start_date=period.start_date,
                end_date=period.end_date, state=PlanState.APPROVED, version=1,
                approved_version=1,
            )
            for e, p in holders
        ],
        batch_size=INSERT_BATCH,
    )  # fmt: skip
    results = PlannedResult.objects.bulk_create(
        [
            PlannedResult(plan=plan, kind="UTAMA", number=i + 1, text=f"Hasil {i + 1}")
            for plan in plans
            for i in range(RESULTS)
        ],
        batch_size=INSERT_BATCH,
    )
    indicators = Indicator.objects.bulk_create(
        [
            Indicator(
                result=result, number=i + 1, aspect="QUANTITY", text=f"Indikator {i + 1}",
                target_kind="NUMBER", target_value=Decimal(12), target_unit="dokumen",
            )
            for result in results
            for i in range(INDICATORS_PER_RESULT)
        ],
        batch_size=INSERT_BATCH,
    )  # fmt: skip
    plan_of = {result.pk: result.plan_id for result in results}
    realizations_insert(
        (plan_of[indicator.result_id], indicator.pk, window.pk, rng.randrange(6000, 13000))
        for indicator in indicators
        for window in windows
    )
    return period


def realizations_insert(rows: Iterable[tuple[int, int, int, int]]) -> None:
    """Accepted realisations (plan, indicator, window, achievement in hundredths of a percent)
    with one prepared INSERT run over many rows: model instances and Django's bulk_create
    (at most 999 parameters a statement on SQLite) made the build take minutes."""
    template = Realization(
        plan_id=0, indicator_id=0, window_id=0, state=RealizationState.ACCEPTED, revision=1
    )
    fields = [f for f in Realization._meta.concrete_fields if not f.primary_key]
    base = [f.get_db_prep_save(f.pre_save(template, add=True), connection) for f in fields]
    columns = [f.column for f in fields]
    at = {name: columns.index(name) for name in ("plan_id", "indicator_id", "window_id")}
    value_at, achievement_at = columns.index("value"), columns.index("achievement")
    # Table and column names come from the model's metadata; every value is a parameter.
    table, names, marks = (
        Realization._meta.db_table,
        ", ".join(columns),
        ", ".join(["%s"] * len(columns)),
    )
    sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608

    def row(plan: int, indicator: int, window: int, hundredths: int) -> list[Any]:
        values = list(base)
        values[at["plan_id"]], values[at["indicator_id"]] = plan, indicator
        values[at["window_id"]] = window
        values[value_at] = values[achievement_at] = str(Decimal(hundredths) / 100)
        return values

    chunk: list[list[Any]] = []
    with connection.cursor() as cursor:
        for item in rows:
            chunk.append(row(*item))
            if len(chunk) == INSERT_BATCH * 4:
                cursor.executemany(sql, chunk)
                chunk = []
        if chunk:
            cursor.executemany(sql, chunk)


def bare_scan(period: PerformancePeriod) -> int:
    n = 0
    rows = Realization.objects.filter(window__period_id=period.pk).values_list(
        "indicator_id", "window__number", "achievement"
    )
    for _row in rows.iterator(chunk_size=2000):
        n += 1
    return n


def suggestions_and_predikat(scope: Scope) -> dict[str, int]:
    ids = list(
        PerformancePlan.objects.filter(period=scope.period)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    found: dict[str, int] = {}
    for start in range(0, len(ids), BATCH_SIZE):
        batch = plan_suggestions(plan_ids=ids[start : start + BATCH_SIZE], scope=scope)
        for plan in batch.values():
            overall = results_suggestion(
                (row.kind, row.suggestion.rating.value if row.suggestion else "")
                for row in plan.results
            )
            if overall is None:
                continue
            value = predikat(overall.rating, Rating.MEETS).value
            found[value] = found.get(value, 0) + 1
    return found


def job_rolled_back(scope: Scope) -> int:
    with transaction.atomic():
        counts = evaluations_prepare(actor=None, scope=scope, agency=None)
        transaction.set_rollback(True)
    return counts.created


def main() -> None:
    name = bench_database()
    period = city_ready()
    build_s = 0.0
    if period is None:
        if PerformancePeriod.objects.exists():  # a city of another size: start empty
            name = bench_database(keep=False)
        build_s, period = timed(city_build)
    scope = Scope(period, None)
    rows = Realization.objects.filter(window__period_id=period.pk).count()
    scan_s, scanned = timed(lambda: bare_scan(period))
    suggest_s, spread = timed(lambda: suggestions_and_predikat(scope))
    job_s, created = timed(lambda: job_rolled_back(scope))
    assert scanned == rows, (scanned, rows)
    assert sum(spread.values()) == SIZE, spread
    assert created == SIZE, created
    engine = connection.vendor
    print_table(
        f"Saran dan predikat untuk {SIZE:,} pegawai x {RESULTS * INDICATORS_PER_RESULT} "
        f"indikator x 12 bulan ({engine}, basis data {name})",
        [
            ("kota dibuat (detik)", f"{build_s:.1f}" if build_s else "dipakai ulang"),
            ("baris realisasi", f"{rows:,}"),
            ("(a) pindai baris saja (detik)", f"{scan_s:.2f}"),
            ("(b) saran + predikat (detik)", f"{suggest_s:.2f}"),
            ("rasio b/a", f"{suggest_s / scan_s:.1f}x"),
            ("(c) tugas penyiapan, dengan insert, rollback (detik)", f"{job_s:.2f}"),
            ("rasio c/a", f"{job_s / scan_s:.1f}x"),
            ("sebaran predikat", ", ".join(f"{k} {v:,}" for k, v in sorted(spread.items()))),
        ],
    )


if __name__ == "__main__":
    main()
