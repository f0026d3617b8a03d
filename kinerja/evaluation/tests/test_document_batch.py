"""The batch of an agency's evaluation documents: the start service's refusals and audit event,
the task run by a real worker process, and the download kept to the job's owner."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client, override_settings
from django.urls import reverse

from kinerja.audit.models import AuditEvent
from kinerja.core.models import Job
from kinerja.core.testing import DB_TASKS, IMMEDIATE_TASKS, run_manage, worker_env
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.services.documents import evaluation_documents_start
from kinerja.evaluation.testing import make_documented_evaluation, make_group
from kinerja.people.testing import Personas
from kinerja.scoring.ratings import Predikat


def documented_scope(personas: Personas) -> Scope:
    evaluation = make_documented_evaluation(
        employee=personas.staff.employee, appraiser=personas.staff.supervisor
    )
    return Scope(evaluation.plan.period, evaluation.window)


def download_url(job: Job) -> str:
    return reverse("evaluation:document_batch_download", kwargs={"job_id": job.pk})


@pytest.mark.django_db
def test_an_outsider_may_not_start_the_batch(personas: Personas) -> None:
    scope = documented_scope(personas)
    for actor in (personas.outsider, personas.other_admin, personas.employee):
        with pytest.raises(PermissionDenied):
            evaluation_documents_start(actor=actor, agency=personas.agency, scope=scope)
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_a_group_without_a_rated_evaluation_is_refused(personas: Personas) -> None:
    scope = documented_scope(personas)
    Evaluation.objects.update(state=EvaluationState.DRAFT)
    with pytest.raises(ValidationError) as refused:
        evaluation_documents_start(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    assert "evaluasi" in refused.value.message_dict
    assert "Belum ada penilaian" in refused.value.message_dict["evaluasi"][0]
    assert not AuditEvent.objects.filter(action="evaluation_documents.started").exists()


@pytest.mark.django_db
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_starting_the_batch_is_audited_with_the_group(personas: Personas) -> None:
    scope = documented_scope(personas)
    job = evaluation_documents_start(actor=personas.auditor, agency=personas.agency, scope=scope)
    event = AuditEvent.objects.get(action="evaluation_documents.started")
    assert event.actor_id == personas.auditor.pk
    assert event.after is not None
    assert event.after["agency_id"] == personas.agency.pk
    assert event.after["count"] == 1
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_a_worker_process_makes_one_zip_with_a_pdf_per_rated_evaluation(
    client: Client, personas: Personas
) -> None:
    scope = documented_scope(personas)
    make_group(
        agency=personas.agency, scope=scope, predikats=[Predikat.BAIK, Predikat.SANGAT_BAIK],
        supervisor=personas.staff.kasi_post, unit=personas.staff.unit,
    )  # fmt: skip
    make_group(
        agency=personas.agency, scope=scope, predikats=[Predikat.BAIK],
        supervisor=personas.staff.kasi_post, state=EvaluationState.DRAFT,
    )  # fmt: skip
    job = evaluation_documents_start(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    env = worker_env()
    env.pop("REDIS_URL", None)
    done = run_manage(["db_worker", "--batch", "--interval", "0.1"], env)
    assert done.returncode == 0, done.stderr
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert job.percent == 100
    assert job.message == "3 dokumen penilaian siap diunduh."
    assert job.result_url == download_url(job)

    client.force_login(personas.hr_admin)
    response = client.get(download_url(job))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    content = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = archive.namelist()
        assert len(names) == 3
        assert all(name.endswith(".pdf") for name in names)
        assert all(archive.read(name).startswith(b"%PDF") for name in names)


@pytest.mark.django_db
@override_settings(TASKS=IMMEDIATE_TASKS)
@pytest.mark.parametrize("name", ["leader", "auditor", "agency_admin", "employee", "outsider"])
def test_the_zip_is_404_to_everyone_but_the_jobs_owner(
    client: Client, personas: Personas, name: str
) -> None:
    scope = documented_scope(personas)
    job = evaluation_documents_start(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    client.force_login(personas.all()[name])
    assert client.get(download_url(job)).status_code == 404
