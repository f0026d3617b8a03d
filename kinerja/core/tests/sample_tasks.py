"""Tasks used only by the worker and scheduler tests (importable by a worker process)."""

from __future__ import annotations

import os
import signal

from django_tasks import task

from kinerja.core.jobs import job_running, job_succeed

MEGABYTE = 1024 * 1024
# Far past the tests' 64 MB limit, but bounded: if the limit failed, the test fails instead of
# the machine running out of memory.
HOG_CEILING_MB = 512


@task()
def memory_hog_task(job_id: str) -> None:
    with job_running(job_id) as report:
        report(10, "Membaca berkas besar")
        chunks = [bytearray(16 * MEGABYTE) for _ in range(HOG_CEILING_MB // 16)]
        job_succeed(job_id=job_id, message=f"{len(chunks)} potongan dibaca")


@task()
def small_task(job_id: str) -> None:
    with job_running(job_id):
        job_succeed(job_id=job_id, message="Selesai dengan baik")


@task()
def sudden_death_task(job_id: str) -> None:
    with job_running(job_id):
        os.kill(os.getpid(), signal.SIGKILL)


@task()
def periodic_sample_task() -> None:
    """Does nothing: the scheduler test only checks that it is enqueued."""
