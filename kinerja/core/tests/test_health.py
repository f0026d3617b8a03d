from __future__ import annotations

import pytest
from django.test import Client

from kinerja.core import health

pytestmark = pytest.mark.django_db


def test_healthz_names_database_cache_and_tasks_as_ok_without_login(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "tasks": "ok"},
    }


def test_healthz_answers_503_naming_the_part_that_is_down(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_cache() -> None:
        raise ConnectionError("cache unreachable")

    monkeypatch.setitem(health.CHECKS, "cache", broken_cache)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "ok",
        "cache": "error: ConnectionError",
        "tasks": "ok",
    }
