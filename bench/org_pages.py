"""Employee list and organisation chart: queries and server time per page at 1,000 and
100,000 employees (the demo city from `seed_demo`), logged in as Admin BKPSDM."""

from __future__ import annotations

import os
import statistics

from _django import bench_database, print_table, timed
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext, teardown_test_environment

from kinerja.accounts.demo_identities import DEMO_HR_ADMIN
from kinerja.accounts.models import User
from kinerja.core.demo import DemoOptions, demo_seeds_run
from kinerja.people.models import Assignment, Employee

SIZES = [int(n) for n in os.environ.get("BENCH_ORG_SIZES", "1000,100000").split(",")]
REPEAT = 5


def measure(client: Client, url: str) -> tuple[int, float]:
    client.get(url)  # warm caches and connections
    times = []
    queries = 0
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as ctx:
            seconds, response = timed(lambda: client.get(url))
        assert response.status_code == 200, url
        queries = len(ctx.captured_queries)
        times.append(seconds * 1000)
    return queries, statistics.median(times)


def city(size: int) -> dict[str, tuple[int, float]]:
    seed_s, _ = timed(lambda: demo_seeds_run(DemoOptions(employees=size, seed=1)))
    largest = (
        Assignment.objects.values("position__agency_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    assert largest is not None
    client = Client()
    client.force_login(User.objects.get(username=DEMO_HR_ADMIN.username))
    agency_id = largest["position__agency_id"]
    results = {
        "daftar pegawai, halaman 1": measure(client, "/pegawai/"),
        "daftar pegawai, halaman 100": measure(client, "/pegawai/?halaman=100"),
        "daftar pegawai, saring OPD": measure(client, f"/pegawai/?agency={agency_id}"),
        "cari nama": measure(client, "/pegawai/?q=agus"),
        "struktur OPD terbesar": measure(client, f"/organisasi/{agency_id}/"),
    }
    print(f"  kota {Employee.objects.count():,} pegawai dibuat dalam {seed_s:.1f} s")
    return results


def main() -> None:
    by_size: dict[int, dict[str, tuple[int, float]]] = {}
    for size in SIZES:
        with bench_database():
            by_size[size] = city(size)
        teardown_test_environment()
    small, large = by_size[SIZES[0]], by_size[SIZES[-1]]
    rows = []
    for page in small:
        (q1, ms1), (q2, ms2) = small[page], large[page]
        rows.append(
            (page, f"kueri {q1} / {q2}   ms {ms1:.0f} / {ms2:.0f}   rasio waktu {ms2 / ms1:.1f}x")
        )
    print_table(f"Halaman organisasi dan pegawai, {SIZES[0]:,} / {SIZES[-1]:,} pegawai", rows)


if __name__ == "__main__":
    main()
