"""The document pages: one evaluation's PDF and the agency's batch page, per persona."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from kinerja.audit.models import AuditEvent
from kinerja.core.models import Job
from kinerja.core.testing import IMMEDIATE_TASKS, page_text
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.testing import make_documented_evaluation
from kinerja.people.testing import AGENCY_READERS, PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

GROUP_READERS = frozenset({"agency_admin", "hr_admin", "leader", "auditor"})


def documented(personas: Personas) -> Evaluation:
    return make_documented_evaluation(
        employee=personas.staff.employee, appraiser=personas.staff.supervisor
    )


def pdf_url(evaluation: Evaluation) -> str:
    return reverse("evaluation:evaluation_pdf", kwargs={"evaluation_id": evaluation.pk})


def batch_url(personas: Personas) -> str:
    return reverse("evaluation:document_batch", kwargs={"agency_id": personas.agency.pk})


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_pdf_downloads_for_those_who_see_the_evaluation_and_is_404_for_others(
    client: Client, personas: Personas, name: str
) -> None:
    evaluation = documented(personas)
    client.force_login(personas.all()[name])
    response = client.get(pdf_url(evaluation))
    if name not in AGENCY_READERS:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="penilaian-')
    assert personas.staff.employee.nip in disposition
    assert response.content.startswith(b"%PDF")


def test_the_employee_cannot_download_a_draft_but_the_appraiser_can(
    client: Client, personas: Personas
) -> None:
    evaluation = documented(personas)
    Evaluation.objects.filter(pk=evaluation.pk).update(state=EvaluationState.DRAFT)
    client.force_login(personas.employee)
    assert client.get(pdf_url(evaluation)).status_code == 404
    client.force_login(personas.supervisor)
    assert client.get(pdf_url(evaluation)).status_code == 200


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_batch_page_is_for_readers_of_the_agency_only(
    client: Client, personas: Personas, name: str
) -> None:
    evaluation = documented(personas)
    client.force_login(personas.all()[name])
    query = {"periode": str(evaluation.plan.period_id), "evaluasi": str(evaluation.window_id)}
    response = client.get(batch_url(personas), query)
    if name not in GROUP_READERS:
        assert response.status_code == 404
        assert "penilaian sudah ditetapkan" not in response.content.decode()
        return
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Dokumen penilaian" in text
    assert "1 penilaian sudah ditetapkan atau diterima pegawai" in text


def test_starting_with_nothing_rated_is_refused_with_a_sentence(
    client: Client, personas: Personas
) -> None:
    evaluation = documented(personas)
    Evaluation.objects.filter(pk=evaluation.pk).update(state=EvaluationState.DRAFT)
    client.force_login(personas.hr_admin)
    window = evaluation.window
    assert window is not None
    response = client.post(
        batch_url(personas), {"periode": evaluation.plan.period_id, "evaluasi": window.pk}
    )
    assert response.status_code == 400
    assert "Belum ada penilaian" in page_text(response.content)
    assert not Job.objects.exists()


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_starting_the_batch_shows_the_job_with_its_download(
    client: Client, personas: Personas
) -> None:
    evaluation = documented(personas)
    window = evaluation.window
    assert window is not None
    client.force_login(personas.hr_admin)
    response = client.post(
        batch_url(personas),
        {"periode": evaluation.plan.period_id, "evaluasi": window.pk},
        follow=True,
    )
    assert response.status_code == 200
    job = Job.objects.get()
    assert job.status == Job.Status.SUCCEEDED, job.error
    text = page_text(response.content)
    assert "1 dokumen penilaian siap diunduh." in text
    assert AuditEvent.objects.filter(action="evaluation_documents.started").count() == 1
    download = client.get(job.result_url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    assert b"".join(download.streaming_content).startswith(b"PK")  # type: ignore[attr-defined]
