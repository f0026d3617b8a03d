from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kinerja.audit.models import AuditEvent
from kinerja.people.testing import Personas
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.periods.testing import make_period

pytestmark = pytest.mark.django_db

OPEN: dict[str, Any] = {
    "year": 2030,
    "name": "Periode Penilaian 2030",
    "start_date": "2030-01-01",
    "end_date": "2030-12-31",
    "window_kind": "MONTHLY",
    "plan_due_date": "2030-01-31",
    "realization_due_day": 5,
    "evaluation_due_date": "2031-01-31",
}


@pytest.mark.parametrize(
    "name",
    ["employee", "supervisor", "appraiser_superior", "agency_admin", "other_admin", "hr_admin",
     "leader", "auditor", "outsider"],
)  # fmt: skip
def test_every_signed_in_user_lists_periods_and_reads_one_with_windows(
    client: Client, personas: Personas, name: str
) -> None:
    period = make_period(year=2030, state=PeriodState.EXECUTION)
    client.force_login(personas.all()[name])
    listing = client.get("/api/v1/periods/")
    assert listing.status_code == 200
    assert [row["name"] for row in listing.json()["results"]] == ["Periode Penilaian 2030"]
    assert listing.json()["results"][0]["state_label"] == "Pelaksanaan"
    detail = client.get(f"/api/v1/periods/{period.pk}/").json()
    assert [w["name"] for w in detail["windows"]][:2] == ["Januari", "Februari"]
    assert detail["windows"][0]["realization_due_date"] == "2030-02-05"


def test_a_visitor_without_a_token_gets_401(client: Client) -> None:
    assert client.get("/api/v1/periods/").status_code == 401


def test_bkpsdm_opens_a_period_by_api(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    response = client.post("/api/v1/periods/", OPEN, content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert body["state"] == "PLANNING"
    assert len(body["windows"]) == 12
    assert AuditEvent.objects.filter(action="period.opened").count() == 1


@pytest.mark.parametrize("name", ["employee", "agency_admin", "leader", "auditor", "outsider"])
def test_only_bkpsdm_opens_or_moves_by_api(client: Client, personas: Personas, name: str) -> None:
    period = make_period(year=2031)
    client.force_login(personas.all()[name])
    response = client.post("/api/v1/periods/", OPEN, content_type="application/json")
    assert response.status_code == 403
    assert "Hanya Admin BKPSDM" in response.json()["detail"]
    moved = client.post(
        f"/api/v1/periods/{period.pk}/state/", {"to_state": "EXECUTION"},
        content_type="application/json",
    )  # fmt: skip
    assert moved.status_code == 403
    assert list(PerformancePeriod.objects.values_list("year", "state")) == [(2031, "PLANNING")]


def test_the_api_refuses_a_bad_period_with_the_services_sentence(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.hr_admin)
    response = client.post(
        "/api/v1/periods/", {**OPEN, "realization_due_day": 31}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["realization_due_day"] == [
        "Batas pengisian realisasi tanggal 31 tidak diterima: isi tanggal 1 sampai 28 "
        "(berlaku di setiap bulan)."
    ]
    assert not PerformancePeriod.objects.exists()


def test_bkpsdm_moves_a_stage_by_api_and_cannot_go_back_after_evaluation(
    client: Client, personas: Personas
) -> None:
    period = make_period(year=2030, state=PeriodState.EXECUTION)
    client.force_login(personas.hr_admin)
    url = f"/api/v1/periods/{period.pk}/state/"
    response = client.post(url, {"to_state": "EVALUATION"}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["state"] == "EVALUATION"
    back = client.post(url, {"to_state": "EXECUTION"}, content_type="application/json")
    assert back.status_code == 400
    assert "tidak dapat dikembalikan setelah evaluasi dimulai" in back.json()["to_state"][0]
    period.refresh_from_db()
    assert period.state == PeriodState.EVALUATION


def test_an_unknown_period_is_404_by_api(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    assert client.get("/api/v1/periods/987654/").status_code == 404


def test_bkpsdm_changes_deadlines_by_api_and_others_may_not(
    client: Client, personas: Personas
) -> None:
    period = make_period(year=2030, state=PeriodState.EXECUTION)
    url = f"/api/v1/periods/{period.pk}/"
    change = {"plan_due_date": "2030-02-15", "realization_due_day": 10,
              "evaluation_due_date": "2031-02-28"}  # fmt: skip
    client.force_login(personas.leader)
    assert client.patch(url, change, content_type="application/json").status_code == 403
    client.force_login(personas.hr_admin)
    response = client.patch(url, change, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["windows"][0]["realization_due_date"] == "2030-02-10"
    refused = client.patch(
        url, {**change, "window_kind": "QUARTERLY"}, content_type="application/json"
    )
    assert refused.status_code == 400
    assert "hanya dapat diubah pada tahap Perencanaan" in refused.json()["window_kind"][0]
    period.refresh_from_db()
    assert (period.window_kind, period.realization_due_day) == ("MONTHLY", 10)
