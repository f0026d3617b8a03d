"""Employee list and organisation chart: queries and server time per page at 1,000 and
100,000 employees (the demo city from `seed_demo`), logged in as Admin BKPSDM.

Pages render as on a server (no test instrumentation of templates). Next to each size, a
trivial view ("halaman sepele": the same middleware, session and login, a view that returns
a few bytes) is timed in the same run: the machine's speed and load at that moment, so that a
page's figure can be read as "this many milliseconds more than doing nothing".
"""

from __future__ import annotations

import os
import time
import types

from _django import bench_database, print_table, timed
from django.db import connection
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import include, path

from kinerja.accounts.demo_identities import DEMO_HR_ADMIN
from kinerja.accounts.models import User
from kinerja.core.demo import DemoOptions, demo_seeds_run
from kinerja.people.models import Assignment, Employee

SIZES = [int(n) for n in os.environ.get("BENCH_ORG_SIZES", "1000,100000").split(",")]
REPEAT = 9
TRIVIAL = "halaman sepele (pembanding)"


def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


bench_urls = types.ModuleType("bench_urls")
bench_urls.urlpatterns = [  # type: ignore[attr-defined]
    path("bench/sepele/", trivial),
    path("", include("config.urls")),
]


def measure(client: Client, url: str) -> tuple[int, float, float]:
    """Queries, the best CPU milliseconds of this process and the best wall milliseconds over
    REPEAT runs. CPU time is the page's own cost on SQLite (which runs in this process): unlike
    wall time, it does not grow when other processes share the cores. On PostgreSQL the
    database works in another process, so the wall time is the figure that counts there."""
    client.get(url)  # warm caches and connections
    times = []
    walls = []
    queries = 0
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as ctx:
            start, wall = time.process_time(), time.perf_counter()
            response = client.get(url)
            times.append((time.process_time() - start) * 1000)
            walls.append((time.perf_counter() - wall) * 1000)
        assert response.status_code == 200, url
        queries = len(ctx.captured_queries)
    return queries, min(times), min(walls)


def city(size: int) -> dict[str, tuple[int, float, float]]:
    seed_s, _ = timed(lambda: demo_seeds_run(DemoOptions(employees=size, seed=1)))
    if connection.vendor == "postgresql":
        # What autovacuum does on a server soon after a bulk load: without statistics the
        # planner guesses (a parallel sequential scan of all assignments for 50 employees).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
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
        TRIVIAL: measure(client, "/bench/sepele/"),
        "daftar pegawai, halaman 1": measure(client, "/pegawai/"),
        "daftar pegawai, halaman 100": measure(client, "/pegawai/?halaman=100"),
        "daftar pegawai, saring OPD": measure(client, f"/pegawai/?agency={agency_id}"),
        "cari nama": measure(client, "/pegawai/?q=agus"),
        "struktur OPD terbesar": measure(client, f"/organisasi/{agency_id}/"),
    }
    print(f"  kota {Employee.objects.count():,} pegawai dibuat dalam {seed_s:.1f} s")
    return results


def main() -> None:
    by_size: dict[int, dict[str, tuple[int, float, float]]] = {}
    with override_settings(ROOT_URLCONF=bench_urls, ALLOWED_HOSTS=["testserver"]):
        for size in SIZES:
            with bench_database(instrument_templates=False):
                by_size[size] = city(size)
    small, large = by_size[SIZES[0]], by_size[SIZES[-1]]
    rows = []
    for page in small:
        (q1, ms1, wall1), (q2, ms2, wall2) = small[page], large[page]
        rows.append(
            (
                page,
                f"kueri {q1} / {q2}   ms {ms1:.1f} / {ms2:.1f}   rasio waktu {ms2 / ms1:.1f}x"
                f"   ms dinding {wall1:.1f} / {wall2:.1f}",
            )
        )
    sizes = f"{SIZES[0]:,} / {SIZES[-1]:,} pegawai"
    title = (
        f"Halaman organisasi dan pegawai, {sizes} (ms CPU server dan ms dinding, "
        f"terbaik dari {REPEAT})"
    )
    print_table(title, rows)


if __name__ == "__main__":
    main()
