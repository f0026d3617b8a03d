"""Alignment tree and results-role matrix of the largest agency, with 100,000 employees in the
database (the demo city from `seed_demo`): queries and server time per page, next to the
employee list page's and a trivial page's in the same run (see bench/org_pages.py for how the
time is measured).

On top of the demo seed, most staff of the largest agency get a plan for the current period
(a realistic share: 50% approved, 15% submitted, 5% returned, 10% draft, 20% not started),
three results each contributing to a result of their supervisor's plan, two indicators per
result, and the head's results linked to the agency's goals. Rows are written in bulk.
"""

from __future__ import annotations

import os
import random
from collections import defaultdict
from decimal import Decimal

from _django import TRIVIAL, bench_database, bench_urls, page_measure, print_table, timed
from django.db.models import Count
from django.test import Client, override_settings

from kinerja.accounts.demo_identities import DEMO_HR_ADMIN
from kinerja.accounts.models import User
from kinerja.core.demo import DemoOptions, demo_seeds_run
from kinerja.organization.models import Position
from kinerja.people.holdings import covering, today
from kinerja.people.models import Assignment, Employee
from kinerja.planning.alignment import period_day, period_for_view
from kinerja.planning.models import (
    Aspect,
    Indicator,
    OrganizationGoal,
    PerformancePlan,
    PlannedResult,
    PlanState,
)

SIZE = int(os.environ.get("BENCH_ALIGNMENT_EMPLOYEES", "100000"))
REPEAT = 5
STATES = (
    [PlanState.APPROVED] * 10
    + [PlanState.SUBMITTED] * 3
    + [PlanState.RETURNED]
    + [PlanState.DRAFT] * 2
    + [None] * 4
)


def measure(client: Client, url: str) -> tuple[int, float, int]:
    return page_measure(client, url, repeat=REPEAT)


def plans_for_agency(agency_id: int) -> dict[str, int]:
    """Plans, results and indicators for most of the agency's staff, top-down (bulk)."""
    rng = random.Random(1)
    period = period_for_view()
    day = period_day(period)
    holders: dict[int, int] = {}
    for employee_id, position_id in (
        Assignment.objects.filter(covering(day), position__agency_id=agency_id, is_acting=False)
        .order_by("start_date", "pk")
        .values_list("employee_id", "position_id")
    ):
        holders.setdefault(position_id, employee_id)
    supervisors = dict(
        Position.objects.filter(agency_id=agency_id).values_list("id", "supervisor_id")
    )
    heads = set(
        Position.objects.filter(agency_id=agency_id, is_head_of_agency=True).values_list(
            "id", flat=True
        )
    )
    planned = set(
        PerformancePlan.objects.filter(period=period).values_list("employee_id", flat=True)
    )
    goals = list(OrganizationGoal.objects.filter(agency_id=agency_id, period=period))
    if not goals:
        goals = OrganizationGoal.objects.bulk_create(
            OrganizationGoal(agency_id=agency_id, period=period, number=n, statement=f"Sasaran {n}")
            for n in range(1, 4)
        )
    children: dict[int | None, list[int]] = defaultdict(list)
    for position_id, supervisor_id in supervisors.items():
        children[supervisor_id if supervisor_id in supervisors else None].append(position_id)
    results_of: dict[int, list[int]] = {}  # position → result ids of its holder's plan
    counts = {"plans": 0, "results": 0, "indicators": 0}
    # One level at a time, so that a supervisor's results exist before their team's.
    level = list(children[None])
    while level:
        plans = []
        for post in level:
            holder = holders.get(post)
            state = rng.choice(STATES)
            if holder is None or holder in planned or state is None:
                continue
            planned.add(holder)
            plans.append(
                PerformancePlan(
                    period=period,
                    employee_id=holder,
                    position_id=post,
                    start_date=day,
                    end_date=period.end_date,
                    state=state,
                    appraiser_is_mayor=post in heads,
                )
            )
        plans = PerformancePlan.objects.bulk_create(plans)
        results = []
        for plan in plans:
            parents = results_of.get(supervisors.get(plan.position_id) or 0, [])
            for number in range(1, 4):
                results.append(
                    PlannedResult(
                        plan=plan,
                        number=number,
                        text=f"Hasil kerja {number} {plan.employee_id}",
                        parent_id=parents[(number - 1) % len(parents)] if parents else None,
                        goal=goals[(number - 1) % len(goals)]
                        if plan.position_id in heads
                        else None,
                    )
                )
        results = PlannedResult.objects.bulk_create(results)
        by_plan: dict[int, list[int]] = defaultdict(list)
        for result in results:
            by_plan[result.plan_id].append(result.pk)
        for plan in plans:
            results_of[plan.position_id] = by_plan[plan.pk]
        Indicator.objects.bulk_create(
            Indicator(
                result=result,
                number=n,
                aspect=aspect,
                text=f"Indikator {n}",
                target_value=Decimal(10 * n),
                target_unit="dokumen",
            )
            for result in results
            for n, aspect in ((1, Aspect.QUANTITY), (2, Aspect.TIME))
        )
        counts["plans"] += len(plans)
        counts["results"] += len(results)
        counts["indicators"] += 2 * len(results)
        level = [child for p in level for child in children.get(p, [])]
    return counts


def matrix_user(agency_id: int) -> User:
    """The head of the agency (whose team is every head of division), with a login."""
    head = Employee.objects.filter(
        assignments__position__agency_id=agency_id,
        assignments__position__is_head_of_agency=True,
        assignments__is_acting=False,
    ).first()
    assert head is not None
    if head.user is None:
        head.user = User.objects.create_user(f"bench.kepala.{head.pk}", "x")
        head.save(update_fields=["user"])
    return head.user


def busiest_supervisor(agency_id: int) -> User:
    """The holder of the held post in the agency with the most posts directly under it."""
    posts = (
        Position.objects.filter(agency_id=agency_id)
        .annotate(n=Count("subordinate_positions"))
        .order_by("-n")
        .values_list("id", flat=True)[:50]
    )
    holder = None
    for post_id in posts:
        holder = Employee.objects.filter(
            assignments__position_id=post_id, assignments__is_acting=False
        ).first()
        if holder is not None:
            break
    assert holder is not None
    if holder.user is None:
        holder.user = User.objects.create_user(f"bench.atasan.{holder.pk}", "x")
        holder.save(update_fields=["user"])
    return holder.user


def main() -> None:
    with (
        override_settings(ROOT_URLCONF=bench_urls, ALLOWED_HOSTS=["testserver"]),
        bench_database(instrument_templates=False),
    ):
        seed_s, _ = timed(lambda: demo_seeds_run(DemoOptions(employees=SIZE, seed=1)))
        largest = (
            Assignment.objects.filter(covering(today()), is_acting=False)
            .values("position__agency_id")
            .annotate(n=Count("id"))
            .order_by("-n")
            .first()
        )
        assert largest is not None
        agency_id = largest["position__agency_id"]
        plans_s, counts = timed(lambda: plans_for_agency(agency_id))
        admin = Client()
        admin.force_login(User.objects.get(username=DEMO_HR_ADMIN.username))
        head = Client()
        head.force_login(matrix_user(agency_id))
        boss = Client()
        boss.force_login(busiest_supervisor(agency_id))
        tree_page = admin.get(f"/skp/pohon/{agency_id}/").content.decode()
        branch = tree_page.partition("&amp;cabang=")[2].partition('"')[0]
        pages = [
            (TRIVIAL, admin, "/bench/sepele/"),
            ("daftar pegawai, saring OPD terbesar", admin, f"/pegawai/?agency={agency_id}"),
            ("pohon kinerja OPD terbesar", admin, f"/skp/pohon/{agency_id}/"),
            ("pohon kinerja, satu cabang", admin, f"/skp/pohon/{agency_id}/?cabang={branch}"),
            ("matriks peran hasil, kepala OPD", head, "/skp/matriks/"),
            ("matriks peran hasil, atasan tim terbesar", boss, "/skp/matriks/"),
            ("kemajuan SKP semua OPD", admin, "/skp/kemajuan/"),
        ]
        if not branch:
            pages = [page for page in pages if "cabang" not in page[2]]
        rows = []
        for name, client, url in pages:
            queries, ms, kb = measure(client, url)
            rows.append((name, f"kueri {queries:>3}   ms {ms:8.1f}   {kb:,} kB"))
        print(f"  kota {Employee.objects.count():,} pegawai dibuat dalam {seed_s:.1f} s")
        print(
            f"  OPD terbesar: {largest['n']:,} penugasan; {counts['plans']:,} SKP, "
            f"{counts['results']:,} RHK, {counts['indicators']:,} IKI dibuat dalam {plans_s:.1f} s"
        )
    print_table(
        f"Pohon kinerja dan matriks peran hasil, {SIZE:,} pegawai (ms CPU server, terbaik dari "
        f"{REPEAT})",
        rows,
    )


if __name__ == "__main__":
    main()
