"""The objections API's writes: filing (multipart with files, or JSON), the explanation, the
answer, the decision and the withdrawal, and their refusals in the JSON error shape."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kinerja.appeals.models import Objection, ObjectionState
from kinerja.appeals.testing import STATEMENT, make_acknowledged_evaluation, make_objection
from kinerja.monitoring.evidence.testing import evidence_storage_at, minimal_pdf
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def store(tmp_path: Path) -> Iterator[Path]:
    with evidence_storage_at(tmp_path / "bukti") as path:
        yield path


def test_the_employee_files_with_two_files_by_multipart(client: Client, personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.employee)
    files = [
        SimpleUploadedFile(f"bukti-{n}.pdf", minimal_pdf(f"Bukti {n}"), "application/pdf")
        for n in (1, 2)
    ]
    response = client.post(
        "/api/v1/objections/",
        {"evaluation_id": evaluation.pk, "subject": "RESULTS", "statement": STATEMENT,
         "files": files},
    )  # fmt: skip
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["state"] == "FILED"
    assert sorted(a["original_name"] for a in body["attachments"]) == ["bukti-1.pdf", "bukti-2.pdf"]
    assert body["decider_name"] == "Dewi Kabid"


def test_filing_by_json_after_the_deadline_names_the_rule(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=15)
    client.force_login(personas.employee)
    response = client.post(
        "/api/v1/objections/",
        {"evaluation_id": evaluation.pk, "subject": "RESULTS", "statement": STATEMENT},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "PP 30/2019 Pasal 59" in response.json()["evaluation"][0]
    assert not Objection.objects.exists()


def test_the_appraiser_filing_for_the_employee_gets_403(client: Client, personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.supervisor)
    response = client.post(
        "/api/v1/objections/",
        {"evaluation_id": evaluation.pk, "subject": "RESULTS", "statement": STATEMENT},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "Hanya pegawai yang dinilai" in response.json()["detail"]


def test_explain_answer_and_decide_through_the_api(client: Client, personas: Personas) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    url = f"/api/v1/objections/{objection.pk}"
    client.force_login(personas.supervisor)
    response = client.post(
        f"{url}/explanation/", {"explanation": "Dihitung dari realisasi yang diterima."},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 200
    assert response.json()["state"] == "EXPLAINED"
    client.force_login(personas.employee)
    response = client.post(
        f"{url}/answer/", {"answer": "Notulen sudah diunggah."}, content_type="application/json"
    )
    assert response.status_code == 200
    client.force_login(personas.appraiser_superior)
    response = client.post(
        f"{url}/decision/",
        {"accepted": True, "results_rating": "ABOVE", "decision_reason": "Bukti cukup."},
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "ACCEPTED"
    assert body["results_after"] == "ABOVE"
    assert body["predikat_after"]


def test_the_decision_refusal_is_keyed_by_its_field(client: Client, personas: Personas) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.EXPLAINED
    )
    client.force_login(personas.appraiser_superior)
    response = client.post(
        f"/api/v1/objections/{objection.pk}/decision/",
        {"accepted": False, "decision_reason": ""},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {"decision_reason": ["Pertimbangan keputusan wajib diisi."]}


def test_the_appraiser_deciding_gets_403(client: Client, personas: Personas) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.EXPLAINED
    )
    client.force_login(personas.supervisor)
    response = client.post(
        f"/api/v1/objections/{objection.pk}/decision/",
        {"accepted": False, "decision_reason": "Tidak."},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_the_employee_withdraws_and_a_decided_one_is_refused(
    client: Client, personas: Personas
) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.employee)
    response = client.post(
        f"/api/v1/objections/{objection.pk}/withdrawal/", {}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["state"] == "WITHDRAWN"
    again = client.post(
        f"/api/v1/objections/{objection.pk}/withdrawal/", {}, content_type="application/json"
    )
    assert again.status_code == 400
    assert "state" in again.json()
