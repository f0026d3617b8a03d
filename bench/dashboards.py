"""Dashboards at BENCH_DASHBOARD_SIZES employees (default "1000,100000") with a year of data:
the summary refresh in seconds, then per page (city, largest agency, its largest unit, that
unit's people list) the queries and the server's CPU milliseconds next to a trivial view, at
each size, and the ratio largest/smallest.

The city is the demo city of N employees (`seed_demo`, as bench/org_pages.py). Then, for the
newest real period, in bulk (`bulk_create`, batches of 5,000), for every employee with a
definitive post and no plan yet in that period:
- one APPROVED plan for that post (one in ten approved after the plan due date: late);
- one main result with one numeric indicator (target 100);
- one ACCEPTED realisation of that indicator in every evaluation window of the period that
  has started (one in eight first submitted after the window's due date: late), achievement
  between 60 and 120;
- one RATED annual evaluation with results and behaviour ratings spread over the five
  ratings, its predikat from the matrix (`evaluation.rules.predikat_for`);
- an objection (FILED) for one evaluation in fifty.
Nothing is audited or notified: the data exists only to be counted.
"""

from __future__ import annotations

import os
import random
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

from _django import TRIVIAL, bench_database, bench_urls, page_measure, print_table, timed
from django.db.models import Count
from django.test import Client, override_settings
from django.utils import timezone

from kinerja.accounts.demo_identities import DEMO_HR_ADMIN
from kinerja.accounts.models import User
from kinerja.core.demo import DemoOptions, demo_seeds_run
from kinerja.people.holdings import covering, today
from kinerja.people.models import Assignment, Employee
from kinerja.periods.models import EvaluationWindow, PerformancePeriod

SIZES = [int(n) for n in os.environ.get("BENCH_DASHBOARD_SIZES", "1000,100000").split(",")]
BATCH = 5_000
RATINGS = ("BELOW", "MEETS", "MEETS", "MEETS", "ABOVE")


def _aware(day: Any, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _bulk(model: Any, rows: list[Any]) -> list[Any]:
    made: list[Any] = model.objects.bulk_create(rows, batch_size=BATCH)
    return made


def year_of_data(period: PerformancePeriod) -> dict[str, int]:
    """The period's plans, results, indicators, realisations, evaluations and objections for
    every employee without a plan yet (see the module's docstring)."""
    from kinerja.appeals.models import Objection, ObjectionState, ObjectionSubject
    from kinerja.evaluation.models import Evaluation, EvaluationKind, EvaluationState
    from kinerja.evaluation.rules import predikat_for
    from kinerja.monitoring.models import Realization, RealizationState
    from kinerja.planning.models import (
        Aspect,
        Indicator,
        PerformancePlan,
        PlannedResult,
        PlanState,
        TargetKind,
    )

    rng = random.Random(18)
    day = min(today(), period.end_date)
    planned = set(
        PerformancePlan.objects.filter(period=period).values_list("employee_id", flat=True)
    )
    holdings = (
        Assignment.objects.filter(covering(day), is_acting=False)
        .order_by("employee_id", "-start_date")
        .values_list("employee_id", "position_id", "position__agency_id", "position__unit_id")
    )
    posts: dict[int, tuple[int, int, int | None]] = {}
    for employee_id, position_id, agency_id, unit_id in holdings:
        if employee_id not in planned and employee_id not in posts:
            posts[employee_id] = (position_id, agency_id, unit_id)
    due = period.plan_due_date
    plans = _bulk(
        PerformancePlan,
        [
            PerformancePlan(
                period=period,
                employee_id=employee_id,
                position_id=position_id,
                start_date=period.start_date,
                end_date=period.end_date,
                state=PlanState.APPROVED,
                version=1,
                approved_version=1,
                submitted_at=_aware(due - timedelta(days=3)),
                approved_at=_aware(due + timedelta(days=5) if rng.random() < 0.1 else due),
            )
            for employee_id, (position_id, _, _) in posts.items()
        ],
    )
    results = _bulk(
        PlannedResult,
        [PlannedResult(plan=plan, number=1, text="Layanan tepat waktu") for plan in plans],
    )
    indicators = _bulk(
        Indicator,
        [
            Indicator(
                result=result,
                number=1,
                aspect=Aspect.QUANTITY,
                text="Persentase layanan selesai tepat waktu",
                target_kind=TargetKind.NUMBER,
                target_value=Decimal(100),
                target_unit="%",
            )
            for result in results
        ],
    )
    windows = list(
        EvaluationWindow.objects.filter(period=period, start_date__lte=day).order_by("number")
    )
    realizations = []
    for plan, indicator in zip(plans, indicators, strict=True):
        for window in windows:
            value = Decimal(rng.randint(60, 120))
            late = rng.random() < 0.125
            submitted = window.realization_due_date + timedelta(days=4 if late else -2)
            realizations.append(
                Realization(
                    plan=plan,
                    indicator=indicator,
                    window=window,
                    value=value,
                    achievement=value,
                    state=RealizationState.ACCEPTED,
                    revision=1,
                    submitted_at=_aware(submitted),
                    decided_at=_aware(submitted + timedelta(days=1)),
                )
            )
    _bulk(Realization, realizations)
    now = timezone.now()
    evaluations = []
    for plan in plans:
        results_rating, behavior_rating = rng.choice(RATINGS), rng.choice(RATINGS)
        found = predikat_for(results_rating, behavior_rating)
        evaluations.append(
            Evaluation(
                plan=plan,
                kind=EvaluationKind.ANNUAL,
                state=EvaluationState.RATED,
                results_rating=results_rating,
                results_suggestion=results_rating,
                behavior_rating=behavior_rating,
                behavior_suggestion=behavior_rating,
                predikat=found.value if found else "",
                rated_at=now,
            )
        )
    evaluations = _bulk(Evaluation, evaluations)
    objections = []
    for evaluation in evaluations[::50]:
        _, home_agency, home_unit = posts[evaluation.plan.employee_id]
        objections.append(
            Objection(
                evaluation=evaluation,
                employee_id=evaluation.plan.employee_id,
                agency_id=home_agency,
                unit_id=home_unit,
                subject=ObjectionSubject.RESULTS,
                statement="Capaian saya lebih tinggi dari rating yang diberikan.",
                state=ObjectionState.FILED,
                filed_at=now - timedelta(days=rng.randint(1, 30)),
                deadline=timezone.localdate() + timedelta(days=14),
                predikat_before=evaluation.predikat,
                decider_is_mayor=True,
            )
        )
    _bulk(Objection, objections)
    return {
        "SKP": len(plans),
        "realisasi": len(realizations),
        "jendela": len(windows),
        "penilaian": len(evaluations),
        "keberatan": len(objections),
    }


def city(size: int) -> dict[str, tuple[int, float]]:
    from kinerja.reporting.services import summary_refresh

    seed_s, _ = timed(lambda: demo_seeds_run(DemoOptions(employees=size, seed=1)))
    period = PerformancePeriod.objects.filter(is_trial=False).order_by("-year").first()
    assert period is not None
    data_s, counts = timed(lambda: year_of_data(period))
    refresh_s, _ = timed(lambda: summary_refresh(actor=None, period=period))
    largest = (
        Assignment.objects.filter(covering(today()), is_acting=False)
        .values("position__agency_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    assert largest is not None
    agency_id = largest["position__agency_id"]
    unit = (
        Assignment.objects.filter(covering(today()), is_acting=False, position__agency_id=agency_id)
        .filter(position__unit_id__isnull=False)
        .values("position__unit_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    assert unit is not None
    unit_id = unit["position__unit_id"]
    client = Client()
    client.force_login(User.objects.get(username=DEMO_HR_ADMIN.username))
    query = f"?periode={period.pk}"
    results = {
        TRIVIAL: page_measure(client, "/bench/sepele/")[:2],
        "dasbor kota": page_measure(client, f"/dasbor/{query}")[:2],
        "dasbor OPD terbesar": page_measure(client, f"/dasbor/opd/{agency_id}/{query}")[:2],
        "dasbor unit terbesar": page_measure(client, f"/dasbor/unit/{unit_id}/{query}")[:2],
        "pegawai unit itu": page_measure(client, f"/dasbor/unit/{unit_id}/pegawai/{query}")[:2],
    }
    made = ", ".join(f"{name} {n:,}" for name, n in counts.items())
    print(
        f"  {Employee.objects.count():,} pegawai: kota dibuat {seed_s:.1f} s; data setahun "
        f"({made}) {data_s:.1f} s; pembaruan ringkasan {refresh_s:.2f} s"
    )
    results["pembaruan ringkasan (s)"] = (0, refresh_s * 1000)
    return results


def main() -> None:
    by_size: dict[int, dict[str, tuple[int, float]]] = {}
    with override_settings(ROOT_URLCONF=bench_urls, ALLOWED_HOSTS=["testserver"]):
        for size in SIZES:
            with bench_database(instrument_templates=False):
                by_size[size] = city(size)
    small, large = by_size[SIZES[0]], by_size[SIZES[-1]]
    rows = []
    for page in small:
        if page.startswith("pembaruan"):
            figures = "s " + " / ".join(f"{by_size[n][page][1] / 1000:.2f}" for n in SIZES)
        else:
            queries = " / ".join(str(by_size[n][page][0]) for n in SIZES)
            times = " / ".join(f"{by_size[n][page][1]:.1f}" for n in SIZES)
            figures = f"kueri {queries}   ms {times}"
        ratio = large[page][1] / small[page][1]
        rows.append((page, f"{figures}   rasio waktu {ratio:.1f}x"))
    sizes = " / ".join(f"{n:,}" for n in SIZES)
    print_table(f"Dasbor, {sizes} pegawai (ms CPU server, terbaik dari 5)", rows)


if __name__ == "__main__":
    main()
