"""Shared set-up for benchmarks: Django on a throw-away test database, timing helpers."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

import django

django.setup()

import types  # noqa: E402

from django.db import connection  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_databases,
    setup_test_environment,
    teardown_databases,
    teardown_test_environment,
)
from django.urls import include, path  # noqa: E402

TRIVIAL = "halaman sepele (pembanding)"
"""The name of the trivial page every page benchmark prints first, as the floor."""


def _trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


bench_urls = types.ModuleType("bench_urls")
"""The project's URLs plus /bench/sepele/ (a trivial page): `override_settings(ROOT_URLCONF=
bench_urls)`."""
bench_urls.urlpatterns = [  # type: ignore[attr-defined]
    path("bench/sepele/", _trivial),
    path("", include("config.urls")),
]


def page_measure(client: Client, url: str, *, repeat: int = 5) -> tuple[int, float, int]:
    """Queries, best CPU milliseconds over `repeat` runs (after one warm-up), and the page's
    size in kB."""
    client.get(url)
    times = []
    queries = size = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            start = time.process_time()
            response = client.get(url)
            times.append((time.process_time() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(ctx.captured_queries)
        size = len(response.content) // 1024
    return queries, min(times), size


@contextmanager
def bench_database(*, instrument_templates: bool = True) -> Iterator[None]:
    """A throw-away database. `instrument_templates=False` renders as a server does: the test
    environment's per-template signal (for `assertTemplateUsed`) costs time on every include."""
    if instrument_templates:
        setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False)
    try:
        yield
    finally:
        teardown_databases(old, verbosity=0)
        if instrument_templates:
            teardown_test_environment()


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def print_table(title: str, rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    print(title)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
