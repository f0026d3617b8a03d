"""The rules of issue 15 through the entrances a person uses (the filing page and the API):
the 14-day deadline on day 14 (filed) and day 15 (refused with the rule named), and the
objection of an employee whose appraiser acts as Plt of the post above (it goes one level up:
the head of agency decides, the Plt may not), and above a head of agency (the Wali Kota's
office: Pimpinan)."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from kinerja.appeals.decider import MAYOR_NOTE
from kinerja.appeals.models import Objection, ObjectionState
from kinerja.appeals.testing import STATEMENT, make_acknowledged_evaluation, make_objection
from kinerja.core.testing import page_text
from kinerja.evaluation.models import Evaluation
from kinerja.people.models import Assignment
from kinerja.people.testing import Personas, assign
from kinerja.scoring.formatting import format_date_id

pytestmark = pytest.mark.django_db

API = "/api/v1/objections/"
DEADLINE_RULE = "Batas pengajuan keberatan adalah 14 hari kalender"


def _as(personas: Personas, name: str) -> Client:
    client = Client()
    client.force_login(personas.all()[name])
    return client


def _file_on_the_page(client: Client, evaluation_id: int) -> Any:
    return client.post(
        f"/penilaian/{evaluation_id}/keberatan/",
        {"subject": "RESULTS", "statement": STATEMENT, "requested": "Di Atas Ekspektasi"},
    )


def test_on_day_14_the_page_shows_the_deadline_as_today_and_files(personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=14)
    client = _as(personas, "employee")
    today = timezone.localdate()

    form = client.get(f"/penilaian/{evaluation.pk}/keberatan/")
    assert form.status_code == 200
    text = page_text(form.content)
    assert f"Batas pengajuan: {format_date_id(today)}" in text
    assert format_date_id(today - timedelta(days=14)) in text

    response = _file_on_the_page(client, evaluation.pk)
    objection = Objection.objects.get(evaluation=evaluation)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/keberatan/{objection.pk}/")
    assert objection.deadline == today


def test_on_day_15_the_page_names_the_rule_instead_of_the_form_and_refuses_a_post(
    personas: Personas,
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=15)
    client = _as(personas, "employee")
    yesterday = timezone.localdate() - timedelta(days=1)

    form = client.get(f"/penilaian/{evaluation.pk}/keberatan/")
    text = page_text(form.content)
    assert DEADLINE_RULE in text
    assert f"sampai {format_date_id(yesterday)}" in text
    assert 'name="statement"' not in form.content.decode()

    response = _file_on_the_page(client, evaluation.pk)
    assert response.status_code in (200, 400)
    assert DEADLINE_RULE in page_text(response.content)
    assert not Objection.objects.exists()


def test_through_the_api_day_14_files_and_day_15_is_refused_under_evaluation(
    personas: Personas,
) -> None:
    client = _as(personas, "employee")
    on_time = make_acknowledged_evaluation(personas=personas, days_ago=14)
    response = client.post(
        API,
        json.dumps({"evaluation_id": on_time.pk, "subject": "RESULTS", "statement": STATEMENT}),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["deadline"] == timezone.localdate().isoformat()

    # The same evaluation, had it been received a day earlier (day 15 today).
    Objection.objects.all().delete()
    late = on_time
    Evaluation.objects.filter(pk=late.pk).update(
        acknowledged_at=timezone.now() - timedelta(days=15)
    )
    response = client.post(
        API,
        json.dumps({"evaluation_id": late.pk, "subject": "RESULTS", "statement": STATEMENT}),
        content_type="application/json",
    )
    assert response.status_code == 400
    [sentence] = response.json()["evaluation"]
    assert DEADLINE_RULE in sentence
    assert not Objection.objects.exists()


def _plt_holds_both_posts(personas: Personas) -> None:
    """The Kabid left a month ago; the Kasi (the employee's appraiser) is Plt Kabid since."""
    staff = personas.staff
    left = timezone.localdate() - timedelta(days=30)
    Assignment.objects.filter(employee=staff.kabid, position=staff.kabid_post).update(end_date=left)
    assign(staff.supervisor, staff.kabid_post, start=left + timedelta(days=1), acting=True)


def test_a_plt_holding_both_posts_sends_the_objection_to_the_head_of_agency_on_the_page(
    personas: Personas,
) -> None:
    _plt_holds_both_posts(personas)
    evaluation = make_acknowledged_evaluation(personas=personas)
    employee = _as(personas, "employee")

    response = _file_on_the_page(employee, evaluation.pk)
    assert response.status_code == 302
    objection = Objection.objects.get(evaluation=evaluation)
    assert objection.decider_id == personas.staff.head.pk
    assert objection.appraiser_id == personas.staff.supervisor.pk

    text = page_text(employee.get(f"/keberatan/{objection.pk}/").content)
    assert "Atasan pejabat penilai Bambang Kepala" in text  # the decider, named
    assert "Dewi Kabid" not in text  # who left the post above
    # The Plt is the appraiser: she explains but may not decide.
    plt = _as(personas, "supervisor")
    refused = plt.post(
        f"/keberatan/{objection.pk}/putusan/",
        {"decision": "tolak", "decision_reason": "Penilaian sudah sesuai bukti yang ada."},
    )
    assert refused.status_code == 403
    objection.refresh_from_db()
    assert objection.decided_at is None


def test_above_a_head_of_agency_the_page_shows_the_wali_kotas_office_and_pimpinan_decides(
    personas: Personas,
) -> None:
    staff = personas.staff
    evaluation = make_acknowledged_evaluation(
        personas=personas, employee=staff.kabid, appraiser=staff.head
    )
    objection = make_objection(evaluation=evaluation, state=ObjectionState.EXPLAINED)
    assert objection.decider_is_mayor

    text = page_text(_as(personas, "appraiser_superior").get(f"/keberatan/{objection.pk}/").content)
    assert "Wali Kota" in text
    assert MAYOR_NOTE in text
    leader = _as(personas, "leader").get(f"/keberatan/{objection.pk}/")
    assert leader.status_code == 200
    assert 'name="decision"' in leader.content.decode()
