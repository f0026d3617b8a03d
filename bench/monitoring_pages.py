"""Monitoring pages in the demo city (`seed_demo`, BENCH_MONITORING_EMPLOYEES employees): the
home page "Tugas saya" of a supervisor with 30 subordinates (3 for comparison), and the
realisation page of a plan with 8 indicators x 12 monthly windows, realisations in every
window; queries and server time per page, next to the employee list page's and a trivial
page's in the same run (see bench/org_pages.py for how the time is measured).

On top of the demo seed, in the largest agency, under a new head of division: a section head
with 30 staff and one with 3 staff (the comparison). Every one of them has an approved plan
(two indicators for the 30, eight for the 3) with one realisation submitted in the current
window; each staff member asks their head for feedback and has a dialogue with them coming up;
the 30-staff head owns an open action. The first plan of eight indicators gets an accepted
realisation in each of the 12 windows. Rows are written in bulk.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from datetime import time as clock
from decimal import Decimal

from _django import TRIVIAL, bench_database, bench_urls, page_measure, print_table, timed
from django.db.models import Count
from django.test import Client, override_settings
from django.utils import timezone

from kinerja.accounts.demo_identities import DEMO_HR_ADMIN
from kinerja.accounts.models import User
from kinerja.core.demo import DemoOptions, demo_seeds_run
from kinerja.monitoring.models import (
    DialogueAction,
    FeedbackRequest,
    PerformanceDialogue,
    Realization,
    RealizationState,
)
from kinerja.organization.models import Position, PositionKind
from kinerja.people.holdings import covering, today
from kinerja.people.models import Assignment, Employee
from kinerja.people.testing import assign, bulk_staff, make_employee, synthetic_nip
from kinerja.periods.models import EvaluationWindow, PerformancePeriod
from kinerja.periods.selectors import period_current
from kinerja.planning.models import Aspect, Indicator, PerformancePlan, PlannedResult, PlanState

SIZE = int(os.environ.get("BENCH_MONITORING_EMPLOYEES", "10000"))
REPEAT = 5


def measure(client: Client, url: str) -> tuple[int, float, int]:
    return page_measure(client, url, repeat=REPEAT)


def login_for(employee: Employee) -> User:
    if employee.user is None:
        employee.user = User.objects.create_user(f"bench.pantau.{employee.pk}", "x")
        employee.save(update_fields=["user"])
    return employee.user


def head_with_team(
    agency_id: int, supervisor: Position | None, name: str, team: int
) -> tuple[Employee, Position]:
    """A new head under `supervisor` (its own post, held from 1 January) with `team` staff
    posts under it, each held by a new employee."""
    post = Position.objects.create(
        agency_id=agency_id, name=name, kind=PositionKind.PENGAWAS, supervisor=supervisor
    )
    nip, birth = synthetic_nip(900_000 + post.pk)
    head = make_employee(name=f"Kepala {name}", nip=nip, birth=birth)
    start = today().replace(month=1, day=1)
    assign(head, post, start=start)
    if team:
        bulk_staff(agency=post.agency, supervisor=post, unit=None, count=team)
    return head, post


def plans_for(
    head: Employee, period: PerformancePeriod, indicators: int, window: EvaluationWindow
) -> list[PerformancePlan]:
    """Approved plans for the head's staff (appraiser: the head), `indicators` indicators
    each (one per result), and one realisation submitted in `window` per plan."""
    posts = Position.objects.filter(supervisor__assignments__employee=head)
    holders = Assignment.objects.filter(position__in=posts).values_list(
        "employee_id", "position_id"
    )
    head_post = Assignment.objects.filter(employee=head).values_list("position_id", flat=True)[0]
    plans = PerformancePlan.objects.bulk_create(
        PerformancePlan(
            period=period, employee_id=employee_id, position_id=position_id,
            start_date=period.start_date, end_date=period.end_date, appraiser=head,
            appraiser_position_id=head_post, state=PlanState.APPROVED, version=1,
            approved_version=1,
        )
        for employee_id, position_id in holders
    )  # fmt: skip
    results = PlannedResult.objects.bulk_create(
        PlannedResult(plan=plan, number=n, text=f"Hasil kerja {n}")
        for plan in plans
        for n in range(1, indicators + 1)
    )
    made = Indicator.objects.bulk_create(
        Indicator(result=result, number=1, aspect=Aspect.QUANTITY,
                  text=f"Indikator {result.number}", target_value=Decimal(100),
                  target_unit="dokumen")
        for result in results
    )  # fmt: skip
    Realization.objects.bulk_create(
        Realization(plan_id=i.result.plan_id, indicator=i, window=window, value=Decimal(40),
                    state=RealizationState.SUBMITTED, revision=1, submitted_at=timezone.now())
        for i in made
        if i.result.number == 1
    )  # fmt: skip
    return plans


def team_work(head: Employee, plans: list[PerformancePlan]) -> None:
    """A feedback request to the head and a dialogue the head leads, per staff member."""
    when = timezone.make_aware(datetime.combine(today() + timedelta(days=3), clock(9)))
    FeedbackRequest.objects.bulk_create(
        FeedbackRequest(employee_id=plan.employee_id, asked=head, message="Mohon masukan.")
        for plan in plans
    )
    PerformanceDialogue.objects.bulk_create(
        PerformanceDialogue(employee_id=plan.employee_id, appraiser=head, scheduled_at=when,
                            agenda="Capaian bulan ini.")
        for plan in plans
    )  # fmt: skip


def full_year(plan: PerformancePlan, windows: list[EvaluationWindow]) -> int:
    """Accepted realisations of every indicator of `plan` in every window (replacing any)."""
    Realization.objects.filter(plan=plan).delete()
    indicators = list(Indicator.objects.filter(result__plan=plan))
    rows = Realization.objects.bulk_create(
        Realization(plan=plan, indicator=indicator, window=window,
                    value=Decimal(8 * window.number), achievement=Decimal(8 * window.number),
                    state=RealizationState.ACCEPTED, revision=1, submitted_at=timezone.now(),
                    decided_at=timezone.now(), note=f"Realisasi {window.name}")
        for indicator in indicators
        for window in windows
    )  # fmt: skip
    return len(rows)


def main() -> None:
    with (
        override_settings(ROOT_URLCONF=bench_urls, ALLOWED_HOSTS=["testserver"]),
        bench_database(instrument_templates=False),
    ):
        seed_s, _ = timed(lambda: demo_seeds_run(DemoOptions(employees=SIZE, seed=1)))
        period = period_current()
        assert period is not None, "seed_demo leaves a current period"
        windows = list(period.windows.order_by("number"))
        day = today()
        window = next(w for w in windows if w.start_date <= day <= w.end_date)
        largest = (
            Assignment.objects.filter(covering(day), is_acting=False)
            .values("position__agency_id")
            .annotate(n=Count("id"))
            .order_by("-n")
            .first()
        )
        assert largest is not None
        agency_id = largest["position__agency_id"]
        upper, upper_post = head_with_team(agency_id, None, "Bidang Pemantauan", 0)
        big, _ = head_with_team(agency_id, upper_post, "Seksi Pemantauan", 30)
        small, _ = head_with_team(agency_id, upper_post, "Seksi Pembanding", 3)
        plans_for(upper, period, 2, window)  # the two heads' own plans
        big_plans = plans_for(big, period, 2, window)
        small_plans = plans_for(small, period, 8, window)
        team_work(big, big_plans)
        team_work(small, small_plans)
        rated = small_plans[0]
        n_rows = full_year(rated, windows)
        dialogue = PerformanceDialogue.objects.filter(appraiser=big).first()
        assert dialogue is not None
        DialogueAction.objects.create(
            dialogue=dialogue, text="Menyusun laporan.", owner=big, due_date=day + timedelta(days=5)
        )
        admin = Client()
        admin.force_login(User.objects.get(username=DEMO_HR_ADMIN.username))
        boss30 = Client()
        boss30.force_login(login_for(big))
        boss3 = Client()
        boss3.force_login(login_for(small))
        owner = Client()
        owner.force_login(login_for(rated.employee))
        pages = [
            (TRIVIAL, admin, "/bench/sepele/"),
            ("daftar pegawai, halaman 1", admin, "/pegawai/"),
            ("Tugas saya, atasan 3 bawahan", boss3, "/"),
            ("Tugas saya, atasan 30 bawahan", boss30, "/"),
            ("Tugas saya, pegawai (SKP 8 IKI)", owner, "/"),
            ("realisasi SKP 8 IKI x 12 periode", owner, f"/skp/{rated.pk}/realisasi/"),
        ]
        rows = []
        for name, client, url in pages:
            queries, ms, kb = measure(client, url)
            rows.append((name, f"kueri {queries:>3}   ms {ms:8.1f}   {kb:,} kB"))
        print(f"  kota {Employee.objects.count():,} pegawai dibuat dalam {seed_s:.1f} s")
        print(
            f"  {len(big_plans)} + {len(small_plans)} SKP bawahan; SKP {rated.pk}: "
            f"{Indicator.objects.filter(result__plan=rated).count()} IKI x {len(windows)} "
            f"periode = {n_rows} realisasi"
        )
    print_table(
        f"Pemantauan: Tugas saya dan realisasi, {SIZE:,} pegawai (ms CPU server, terbaik dari "
        f"{REPEAT})",
        rows,
    )


if __name__ == "__main__":
    main()
