"""The task worker: a memory limit per task, and a task's death is recorded, not contagious."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings

from kinerja.core.jobs import job_attach_task, job_create
from kinerja.core.models import Job
from kinerja.core.testing import DB_TASKS, run_manage, worker_env
from kinerja.core.tests.sample_tasks import memory_hog_task, small_task, sudden_death_task
from kinerja.people.testing import Personas

pytestmark = [pytest.mark.django_db(transaction=True)]


def queued(personas: Personas, task: object, title: str) -> Job:
    job = job_create(owner=personas.hr_admin, kind="uji", title=title)
    result = task.enqueue(job_id=str(job.pk))  # type: ignore[attr-defined]
    job_attach_task(job=job, task_result_id=str(result.id))
    return job


@override_settings(TASKS=DB_TASKS)
def test_a_task_past_the_memory_limit_fails_with_a_message_and_the_worker_does_the_next(
    personas: Personas,
) -> None:
    hog = queued(personas, memory_hog_task, "Impor raksasa")
    after = queued(personas, small_task, "Tugas berikutnya")
    env = worker_env(TASK_MEMORY_LIMIT_MB="64")
    env.pop("REDIS_URL", None)
    done = run_manage(["task_worker", "--batch", "--interval", "0.1"], env)
    assert done.returncode == 0, done.stderr
    hog.refresh_from_db()
    assert hog.status == Job.Status.FAILED
    assert hog.error.startswith("Tugas dihentikan karena memakai memori melebihi batas 64 MB")
    after.refresh_from_db()
    assert after.status == Job.Status.SUCCEEDED, after.error
    assert after.message == "Selesai dengan baik"


@override_settings(TASKS=DB_TASKS)
def test_a_task_process_that_dies_is_recorded_as_failed_and_the_worker_goes_on(
    personas: Personas,
) -> None:
    dead = queued(personas, sudden_death_task, "Tugas yang mati")
    after = queued(personas, small_task, "Tugas berikutnya")
    env = worker_env()
    env.pop("REDIS_URL", None)
    done = run_manage(["task_worker", "--batch", "--interval", "0.1"], env)
    assert done.returncode == 0, done.stderr
    dead.refresh_from_db()
    assert dead.status == Job.Status.FAILED
    assert dead.error == (
        "Tugas berhenti tidak wajar (dihentikan sinyal SIGKILL) dan tidak selesai. "
        "Data tidak berubah; coba lagi."
    )
    after.refresh_from_db()
    assert after.status == Job.Status.SUCCEEDED


def test_an_rq_job_past_the_memory_limit_fails_with_a_message_and_the_worker_goes_on(
    personas: Personas,
) -> None:
    if not settings.REDIS_URL:
        pytest.skip("RQ runs only when REDIS_URL is set (the PostgreSQL + Redis CI run)")
    hog = queued(personas, memory_hog_task, "Impor raksasa")
    after = queued(personas, small_task, "Tugas berikutnya")
    done = run_manage(["task_worker", "--batch"], worker_env(TASK_MEMORY_LIMIT_MB="64"))
    assert done.returncode == 0, done.stderr
    hog.refresh_from_db()
    assert hog.status == Job.Status.FAILED
    assert hog.error.startswith("Tugas dihentikan karena memakai memori melebihi batas 64 MB")
    after.refresh_from_db()
    assert after.status == Job.Status.SUCCEEDED, after.error
