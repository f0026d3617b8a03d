from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client, override_settings

from kinerja.audit.services import audit_verification_start
from kinerja.core.jobs import Progress, job_create, job_progress, job_running
from kinerja.core.models import Job
from kinerja.core.request_context import request_context_get
from kinerja.core.testing import DB_TASKS, run_manage, worker_env
from kinerja.people.testing import Personas


@pytest.mark.django_db
def test_progress_fragment_polls_until_the_job_is_finished(
    client: Client, personas: Personas
) -> None:
    job = job_create(owner=personas.auditor, kind="uji", title="Uji")
    job_progress(job_id=job.pk, percent=40, message="Setengah jalan")
    client.force_login(personas.auditor)
    body = client.get(f"/tugas-latar/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in body
    assert "40%" in body
    assert "Setengah jalan" in body
    assert "<html" not in body
    Job.objects.filter(pk=job.pk).update(status=Job.Status.SUCCEEDED, percent=100)
    body = client.get(f"/tugas-latar/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in body
    assert "Selesai" in body


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["employee", "hr_admin", "leader", "agency_admin", "outsider"])
def test_a_job_is_invisible_to_everyone_but_its_owner(
    client: Client, personas: Personas, name: str
) -> None:
    job = job_create(owner=personas.auditor, kind="uji", title="Rahasia")
    client.force_login(personas.all()[name])
    response = client.get(f"/tugas-latar/{job.pk}/")
    assert response.status_code == 404
    assert "Rahasia" not in response.content.decode()


@pytest.mark.django_db
def test_a_failing_task_marks_its_job_failed(personas: Personas) -> None:
    job = job_create(owner=personas.auditor, kind="uji", title="Uji")

    def failing_task() -> None:
        with job_running(job.pk) as report:
            report(10, "mulai")
            raise RuntimeError("berkas rusak")

    with pytest.raises(RuntimeError):
        failing_task()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "berkas rusak" in job.error


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_chain_verification_runs_in_a_database_worker_process(
    client: Client, personas: Personas
) -> None:
    job = audit_verification_start(actor=personas.auditor)
    assert Job.objects.get(pk=job.pk).status == Job.Status.QUEUED
    env = worker_env()
    env.pop("REDIS_URL", None)
    done = run_manage(["db_worker", "--batch", "--interval", "0.1"], env)
    assert done.returncode == 0, done.stderr
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert job.result["ok"] is True
    assert job.percent == 100
    assert "Rantai utuh" in job.message


@pytest.mark.django_db(transaction=True)
def test_chain_verification_runs_in_an_rq_worker_process(personas: Personas) -> None:
    if not settings.REDIS_URL:
        pytest.skip("RQ runs only when REDIS_URL is set (the PostgreSQL + Redis CI run)")
    job = audit_verification_start(actor=personas.auditor)
    done = run_manage(
        ["rqworker", "default", "--burst", "--job-class", "django_tasks_rq.backend.Job"],
        worker_env(),
    )
    assert done.returncode == 0, done.stderr
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert job.result["ok"] is True


def test_progress_counts_are_written_in_indonesian_number_format() -> None:
    seen: list[tuple[int, str]] = []
    progress = Progress(lambda percent, message: seen.append((percent, message)))
    progress.count(1000, 5000, "baris diperiksa", start=10, end=70)
    progress(150, "selesai")
    assert seen == [(22, "1.000 dari 5.000 baris diperiksa"), (100, "selesai")]


@pytest.mark.django_db
def test_a_task_runs_with_the_address_of_the_request_that_started_it(
    personas: Personas,
) -> None:
    job = job_create(owner=personas.auditor, kind="uji", title="Uji")
    with job_running(job.pk, {"request_id": "asal-uji-12", "client_ip": "198.51.100.4"}):
        inside = request_context_get()
    assert (inside.request_id, inside.client_ip) == ("asal-uji-12", "198.51.100.4")
    assert request_context_get().client_ip is None


@pytest.mark.django_db
def test_the_job_page_polls_once_and_refreshes_itself_without_javascript(
    client: Client, personas: Personas
) -> None:
    job = audit_verification_start(actor=personas.auditor)
    client.force_login(personas.auditor)
    page = client.get(f"/tugas-latar/{job.pk}/").content.decode()
    assert page.count('hx-trigger="every 1s"') == 1
    assert '<noscript><meta http-equiv="refresh" content="2">' in page
