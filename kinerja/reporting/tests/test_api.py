"""The dashboards API (/api/v1/dashboards/…): the same figures and permissions as the pages."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.people.testing import Personas
from kinerja.planning.models import PlanState
from kinerja.planning.testing import make_open_period, make_plan
from kinerja.reporting.models import Ranking
from kinerja.reporting.services import summary_refresh
from kinerja.reporting.testing import make_ranked

pytestmark = pytest.mark.django_db

CITY = "/api/v1/dashboards/city/"


@pytest.fixture
def period(personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    make_plan(employee=personas.staff.employee, period=period, state=PlanState.APPROVED)
    summary_refresh(actor=personas.hr_admin, period=period)
    make_ranked(period=period, ranking=Ranking.LATE_PLANS, label="Bidang terlambat", value=2)
    return period


def _urls(personas: Personas) -> tuple[str, str, str]:
    return (
        CITY,
        f"/api/v1/dashboards/agencies/{personas.agency.pk}/",
        f"/api/v1/dashboards/units/{personas.staff.unit.pk}/",
    )


@pytest.mark.parametrize(
    ("persona", "statuses"),
    [
        ("leader", (200, 200, 200)),
        ("hr_admin", (200, 200, 200)),
        ("auditor", (200, 200, 200)),
        ("agency_admin", (403, 200, 200)),
        ("other_admin", (403, 403, 403)),
        ("employee", (403, 403, 403)),
        ("supervisor", (403, 403, 403)),
        ("outsider", (403, 403, 403)),
    ],
)
def test_dashboards_api_per_persona(client, personas, period, persona, statuses):  # type: ignore[no-untyped-def]
    client.force_login(getattr(personas, persona))
    got = tuple(client.get(url).status_code for url in _urls(personas))
    assert got == statuses


def test_anonymous_is_refused(client: Client, personas: Personas, period) -> None:  # type: ignore[no-untyped-def]
    assert client.get(CITY).status_code in (401, 403)


def test_the_city_returns_scope_period_panels_and_rankings(client, personas, period):  # type: ignore[no-untyped-def]
    client.force_login(personas.leader)
    body = client.get(f"{CITY}?period={period.pk}").json()
    assert body["scope"]["level"] == "city"
    assert body["period"] == {"id": period.pk, "name": period.name, "year": period.year}
    assert body["refreshed_at"]
    plans = next(p for p in body["panels"] if p["code"] == "plans")
    assert plans["title"] == "Penyusunan SKP"
    assert plans["columns"][1] == "SKP disetujui"
    row = next(r for r in plans["rows"] if r["label"] == personas.agency.name)
    assert row["cells"][1] == {"text": "1", "value": 1}
    assert plans["total"]["label"] == "Jumlah"
    late = next(r for r in body["rankings"] if r["code"] == Ranking.LATE_PLANS)
    assert late["lines"][0]["label"] == "Bidang terlambat"
    assert late["lines"][0]["value"] == 2


def test_an_agency_lists_its_units(client, personas, period):  # type: ignore[no-untyped-def]
    client.force_login(personas.agency_admin)
    body = client.get(_urls(personas)[1]).json()
    assert body["scope"]["agency_id"] == personas.agency.pk
    plans = next(p for p in body["panels"] if p["code"] == "plans")
    assert personas.staff.unit.name in [r["label"] for r in plans["rows"]]


def test_bad_or_unknown_period_and_unknown_agency(client, personas, period):  # type: ignore[no-untyped-def]
    client.force_login(personas.leader)
    response = client.get(f"{CITY}?period=abc")
    assert response.status_code == 400
    assert "Periode" in str(response.json())
    assert client.get(f"{CITY}?period=999999").status_code == 404
    assert client.get("/api/v1/dashboards/agencies/999999/").status_code == 404
