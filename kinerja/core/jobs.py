"""Writes to Job records: created by the page that starts a task, updated by the task.

Job updates are progress reports, not business changes, so they write no audit event; the
operation the job performs writes its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from kinerja.core.models import Job

logger = logging.getLogger(__name__)

ProgressReporter = Callable[[int, str], None]


def job_create(*, owner: Any, kind: str, title: str) -> Job:
    return Job.objects.create(owner=owner, kind=kind, title=title)


def job_attach_task(*, job: Job, task_result_id: str) -> None:
    Job.objects.filter(pk=job.pk).update(task_result_id=task_result_id)


def job_progress(*, job_id: UUID | str, percent: int, message: str) -> None:
    percent = max(0, min(100, int(percent)))
    Job.objects.filter(pk=job_id).update(
        status=Job.Status.RUNNING, percent=percent, message=message[:300]
    )


def job_succeed(
    *, job_id: UUID | str, message: str, result_url: str = "", result: dict[str, Any] | None = None
) -> None:
    Job.objects.filter(pk=job_id).update(
        status=Job.Status.SUCCEEDED,
        percent=100,
        message=message[:300],
        result_url=result_url,
        result=result or {},
        finished_at=timezone.now(),
    )


def job_fail(*, job_id: UUID | str, error: str) -> None:
    Job.objects.filter(pk=job_id).update(
        status=Job.Status.FAILED, error=error, finished_at=timezone.now()
    )


@contextmanager
def job_running(job_id: UUID | str) -> Iterator[ProgressReporter]:
    """Mark the job started, hand the task a progress reporter, and record any failure.

    Progress writes happen outside the task's own transactions so the page sees them at once.
    """
    with transaction.atomic():
        Job.objects.filter(pk=job_id).update(status=Job.Status.RUNNING, started_at=timezone.now())

    def report(percent: int, message: str) -> None:
        job_progress(job_id=job_id, percent=percent, message=message)

    try:
        yield report
    except Exception as exc:
        logger.exception("job %s failed", job_id)
        job_fail(job_id=job_id, error=f"{type(exc).__name__}: {exc}")
        raise
