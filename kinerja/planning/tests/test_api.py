"""API /api/v1/plans/: the same plans, rules and refusals as the pages."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.core.testing import page_text
from kinerja.discussions.models import Comment
from kinerja.discussions.testing import make_comment
from kinerja.people.testing import AGENCY_READERS, Personas, bulk_staff
from kinerja.planning.models import Indicator, PerformancePlan, PlannedResult, PlanState
from kinerja.planning.testing import make_open_period, make_plan, make_result

pytestmark = pytest.mark.django_db

READERS = AGENCY_READERS


def test_plan_list_gives_my_plans_and_my_teams(client: Client, personas: Personas) -> None:
    make_plan(employee=personas.staff.supervisor)
    plan = make_plan(employee=personas.staff.employee)
    client.force_login(personas.supervisor)
    body = client.get("/api/v1/plans/").json()
    assert [row["employee_name"] for row in body["mine"]] == ["Sri Handayani"]
    assert body["team"] == [
        {
            "employee_id": personas.staff.employee.pk,
            "employee_name": "Agus Wibowo",
            "plan": {**body["team"][0]["plan"], "id": plan.pk, "state": "DRAFT"},
        }
    ]


def test_plan_list_of_an_outsider_is_empty(client: Client, personas: Personas) -> None:
    make_plan(employee=personas.staff.employee)
    client.force_login(personas.outsider)
    assert client.get("/api/v1/plans/").json() == {"mine": [], "team": []}


def test_plan_list_refuses_a_bad_period_parameter(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    response = client.get("/api/v1/plans/", {"period": "abc"})
    assert response.status_code == 400
    assert "period" in response.json()


@pytest.mark.parametrize(
    "name",
    [
        "employee",
        "supervisor",
        "appraiser_superior",
        "agency_admin",
        "other_admin",
        "hr_admin",
        "leader",
        "auditor",
        "outsider",
    ],
)
def test_plan_detail_is_scoped_like_the_page(client: Client, personas: Personas, name: str) -> None:
    plan = make_plan(employee=personas.staff.employee, results=1)
    client.force_login(personas.all()[name])
    response = client.get(f"/api/v1/plans/{plan.pk}/")
    assert response.status_code == (200 if name in READERS else 404)


def test_plan_detail_nests_results_indicators_comments_and_versions(
    client: Client, personas: Personas
) -> None:
    plan = make_plan(employee=personas.staff.employee, results=1, state=PlanState.SUBMITTED)
    result = plan.results.get()
    make_comment(subject=result, body="Perjelas satuannya.")
    client.force_login(personas.employee)
    body = client.get(f"/api/v1/plans/{plan.pk}/").json()
    assert body["appraiser_name"] == "Sri Handayani"
    assert body["plan"]["state"] == "SUBMITTED"
    [row] = body["results"]
    assert row["text"] == result.text
    assert row["comments"][0]["body"] == "Perjelas satuannya."
    assert row["indicators"][0]["target_text"] == "12 dokumen"
    assert [v["number"] for v in body["versions"]] == [1]
    assert len(body["expectations"]) == 7


def test_employee_adds_a_result_and_an_indicator_then_submits(
    client: Client, personas: Personas
) -> None:
    plan = make_plan(employee=personas.staff.employee)
    client.force_login(personas.employee)
    response = client.post(
        f"/api/v1/plans/{plan.pk}/results/",
        {"kind": "UTAMA", "text": "Data kependudukan mutakhir"},
        content_type="application/json",
    )
    assert response.status_code == 201
    result = PlannedResult.objects.get(plan=plan)
    response = client.post(
        f"/api/v1/plans/{plan.pk}/results/{result.pk}/indicators/",
        {
            "aspect": "QUANTITY",
            "text": "Data dimutakhirkan",
            "target_kind": "NUMBER",
            "target_value": "1234.5",
            "target_unit": "data",
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["results"][0]["indicators"][0]["target_text"] == "1.234,5 data"
    response = client.post(f"/api/v1/plans/{plan.pk}/submit/", {}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["plan"]["state"] == "SUBMITTED"


def test_supervisor_returns_then_approves_through_the_api(
    client: Client, personas: Personas
) -> None:
    plan = make_plan(employee=personas.staff.employee, results=1, state=PlanState.SUBMITTED)
    client.force_login(personas.supervisor)
    refused = client.post(
        f"/api/v1/plans/{plan.pk}/return/", {"note": ""}, content_type="application/json"
    )
    assert refused.status_code == 400
    plan.refresh_from_db()
    assert plan.state == PlanState.SUBMITTED
    client.post(
        f"/api/v1/plans/{plan.pk}/return/", {"note": "Perbaiki."}, content_type="application/json"
    )
    plan.refresh_from_db()
    assert plan.state == PlanState.RETURNED


def test_employee_cannot_approve_own_plan_and_nothing_changes(
    client: Client, personas: Personas
) -> None:
    plan = make_plan(employee=personas.staff.employee, results=1, state=PlanState.SUBMITTED)
    client.force_login(personas.employee)
    response = client.post(f"/api/v1/plans/{plan.pk}/approve/", {}, content_type="application/json")
    assert response.status_code == 403
    assert "pejabat penilai" in response.json()["detail"]
    plan.refresh_from_db()
    assert plan.state == PlanState.SUBMITTED


def test_a_refusal_reads_the_same_through_the_api_and_the_page(
    client: Client, personas: Personas
) -> None:
    plan = make_plan(employee=personas.staff.employee)
    result = make_result(plan=plan, indicators=0)
    client.force_login(personas.employee)
    api = client.post(
        f"/api/v1/plans/{plan.pk}/results/{result.pk}/indicators/",
        {"aspect": "QUALITY", "text": "Keluhan", "target_kind": "NUMBER", "target_value": "-5"},
        content_type="application/json",
    )
    assert api.status_code == 400
    [message] = api.json()["target_value"]
    assert message.startswith("Target -5 tidak diterima")
    page = client.post(
        f"/skp/{plan.pk}/rhk/{result.pk}/iki/",
        {
            "aspect": "QUALITY",
            "text": "Keluhan",
            "target_kind": "NUMBER",
            "target_value": "-5",
            "polarity": "HIGHER_IS_BETTER",
            "source": "MANUAL",
        },
    )
    assert message in page_text(page.content)
    assert not Indicator.objects.exists()


def test_submitted_plan_refuses_a_new_result_through_the_api(
    client: Client, personas: Personas
) -> None:
    plan = make_plan(employee=personas.staff.employee, results=1, state=PlanState.SUBMITTED)
    client.force_login(personas.employee)
    response = client.post(
        f"/api/v1/plans/{plan.pk}/results/",
        {"kind": "UTAMA", "text": "Sisipan"},
        content_type="application/json",
    )
    assert response.status_code in (400, 403)
    assert "sudah diajukan" in str(response.json())
    assert plan.results.count() == 1


def test_comments_on_plan_result_and_indicator_through_the_api(
    client: Client, personas: Personas
) -> None:
    plan = make_plan(employee=personas.staff.employee, results=1)
    result = plan.results.get()
    indicator = result.indicators.get()
    client.force_login(personas.supervisor)
    for url in [
        f"/api/v1/plans/{plan.pk}/comments/",
        f"/api/v1/plans/{plan.pk}/results/{result.pk}/comments/",
        f"/api/v1/plans/{plan.pk}/indicators/{indicator.pk}/comments/",
    ]:
        response = client.post(url, {"body": "Catatan"}, content_type="application/json")
        assert response.status_code == 201, url
        assert response.json()["author_name"] == "Sri Handayani"
    empty = client.post(
        f"/api/v1/plans/{plan.pk}/comments/", {"body": " "}, content_type="application/json"
    )
    assert empty.status_code == 400
    assert "body" in empty.json()
    assert Comment.objects.count() == 3


def test_auditor_may_read_but_not_comment(client: Client, personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    client.force_login(personas.auditor)
    response = client.post(
        f"/api/v1/plans/{plan.pk}/comments/", {"body": "Halo"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_schema_describes_the_plan_endpoints(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    schema = client.get("/api/schema/").content.decode()
    for path in ["/api/v1/plans/", "/api/v1/plans/{plan_id}/submit/", "v1_plans_list"]:
        assert path in schema


def test_plan_list_and_detail_cost_the_same_queries_at_two_sizes(
    client: Client, personas: Personas
) -> None:
    make_plan(employee=personas.staff.supervisor, results=1)
    plan = make_plan(employee=personas.staff.employee, results=2)
    client.force_login(personas.supervisor)
    with CaptureQueriesContext(connection) as small_list:
        client.get("/api/v1/plans/")
    with CaptureQueriesContext(connection) as small_detail:
        client.get(f"/api/v1/plans/{plan.pk}/")
    bulk_staff(agency=personas.agency, supervisor=personas.staff.kasi_post, unit=None, count=12)
    for _ in range(10):
        make_comment(subject=make_result(plan=plan, indicators=2))
    with CaptureQueriesContext(connection) as large_list:
        body = client.get("/api/v1/plans/").json()
    with CaptureQueriesContext(connection) as large_detail:
        detail = client.get(f"/api/v1/plans/{plan.pk}/").json()
    assert len(body["team"]) == 13
    assert len(detail["results"]) == 12
    assert len(large_list.captured_queries) == len(small_list.captured_queries)
    assert len(large_detail.captured_queries) == len(small_detail.captured_queries)


def test_employee_starts_a_plan_and_supervisor_one_for_a_subordinate(
    client: Client, personas: Personas
) -> None:
    period = make_open_period()
    client.force_login(personas.employee)
    response = client.post(
        "/api/v1/plans/", {"period_id": period.pk}, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["appraiser_name"] == "Sri Handayani"
    client.force_login(personas.appraiser_superior)
    response = client.post(
        "/api/v1/plans/",
        {"period_id": period.pk, "employee_id": personas.staff.supervisor.pk},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["plan"]["employee_name"] == "Sri Handayani"


def test_starting_a_plan_for_a_stranger_is_refused(client: Client, personas: Personas) -> None:
    period = make_open_period()
    client.force_login(personas.outsider)
    response = client.post(
        "/api/v1/plans/",
        {"period_id": period.pk, "employee_id": personas.staff.employee.pk},
        content_type="application/json",
    )
    assert response.status_code == 403
    response = client.post(
        "/api/v1/plans/", {"period_id": period.pk}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "employee_id" in response.json()
    assert not PerformancePlan.objects.exists()


def test_revision_through_the_api_needs_a_reason(client: Client, personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee, results=1, state=PlanState.APPROVED)
    client.force_login(personas.employee)
    refused = client.post(
        f"/api/v1/plans/{plan.pk}/revise/", {"reason": ""}, content_type="application/json"
    )
    assert refused.status_code == 400
    plan.refresh_from_db()
    assert plan.state == PlanState.APPROVED
    response = client.post(
        f"/api/v1/plans/{plan.pk}/revise/",
        {"reason": "Tugas tambahan"},
        content_type="application/json",
    )
    assert response.json()["plan"]["state"] == "DRAFT"
