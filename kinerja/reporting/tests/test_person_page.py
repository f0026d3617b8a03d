"""One person's figures (/dasbor/pegawai/<id>/): who may open it, the links to the plan, the
evaluation and its explanation only where the viewer may see them, constant queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.appeals.testing import make_objection
from kinerja.core.testing import page_text
from kinerja.evaluation.models import EvaluationState
from kinerja.evaluation.testing import make_evaluation
from kinerja.people.testing import make_position
from kinerja.planning.models import PlanState
from kinerja.planning.testing import make_open_period, make_plan
from kinerja.reporting.testing import person_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(personas):  # type: ignore[no-untyped-def]
    return make_open_period()


@pytest.fixture
def evaluation(personas, period):  # type: ignore[no-untyped-def]
    plan = make_plan(employee=personas.staff.employee, period=period, state=PlanState.APPROVED)
    evaluation = make_evaluation(plan=plan, detail=False)
    make_objection(evaluation=evaluation)
    return evaluation


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("leader", 200),
        ("hr_admin", 200),
        ("auditor", 200),
        ("agency_admin", 200),
        ("other_admin", 403),
        ("employee", 403),
        ("supervisor", 403),
        ("outsider", 403),
    ],
)
def test_person_page_per_persona(client, personas, evaluation, period, persona, status):  # type: ignore[no-untyped-def]
    client.force_login(getattr(personas, persona))
    assert client.get(person_url(personas.staff.employee, period)).status_code == status


def test_unknown_person_is_404(client, personas):  # type: ignore[no-untyped-def]
    client.force_login(personas.leader)
    assert client.get(reverse("reporting:person", args=[999999])).status_code == 404


def test_the_page_shows_post_plan_evaluation_and_trail(  # type: ignore[no-untyped-def]
    client, personas, evaluation, period
):
    client.force_login(personas.leader)
    response = client.get(person_url(personas.staff.employee, period))
    text = page_text(response.content)
    html = response.content.decode()
    for expected in (
        "Pengolah Data",
        personas.staff.unit.name,
        personas.agency.name,
        "Dasbor kota",
        "Disetujui",
        "Tahunan",
        "Baik",
        "Diajukan",
        "0 dari 20 JP",
    ):
        assert expected in text, expected
    assert reverse("planning:plan_detail", args=[evaluation.plan_id]) in html
    assert reverse("evaluation:evaluation_detail", args=[evaluation.pk]) in html
    assert reverse("appeals:evaluation_explanation", args=[evaluation.pk]) in html


def test_pimpinan_follows_the_evaluation_link(  # type: ignore[no-untyped-def]
    client, personas, evaluation, period
):
    client.force_login(personas.leader)
    url = reverse("evaluation:evaluation_detail", args=[evaluation.pk])
    assert url in client.get(person_url(personas.staff.employee, period)).content.decode()
    assert client.get(url).status_code == 200


def test_a_draft_evaluation_has_no_link_for_an_admin(client, personas, period):  # type: ignore[no-untyped-def]
    plan = make_plan(employee=personas.staff.employee, period=period, state=PlanState.APPROVED)
    draft = make_evaluation(plan=plan, detail=False, state=EvaluationState.DRAFT)
    client.force_login(personas.agency_admin)
    html = client.get(person_url(personas.staff.employee, period)).content.decode()
    assert reverse("evaluation:evaluation_detail", args=[draft.pk]) not in html
    assert reverse("planning:plan_detail", args=[plan.pk]) in html


def test_queries_are_the_same_for_2_and_12_plans_and_evaluations(client, personas, period):  # type: ignore[no-untyped-def]
    employee = personas.staff.employee
    client.force_login(personas.leader)

    def add(count: int) -> None:
        for _ in range(count):
            post = make_position(agency=personas.agency, unit=personas.staff.unit)
            plan = make_plan(
                employee=employee, period=period, position=post, state=PlanState.APPROVED
            )
            make_evaluation(plan=plan, detail=False)

    add(2)
    client.get(person_url(employee, period))
    with CaptureQueriesContext(connection) as small:
        client.get(person_url(employee, period))
    add(10)
    with CaptureQueriesContext(connection) as large:
        response = client.get(person_url(employee, period))
    assert page_text(response.content).count("Tahunan") == 12
    assert len(large) == len(small)
