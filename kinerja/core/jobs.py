"""Background jobs, one pattern: start, run with progress, finish.

- A `<entity>_<action>_start(*, actor, …)` service authorises and calls `job_start`, which
  creates the Job, enqueues the task with the job id and the *origin* of the request (its id
  and the client address, so that audit events written by the task say who asked from where),
  and returns the Job for the page to follow.
- The task wraps its work in `with job_running(job_id, origin) as progress:` and reports
  through that one `Progress` type (`progress(40, "…")`, `progress.count(done, total, "…")`),
  then calls `job_succeed` (or `job_fail` for a refusal it explains).
- The page shows `core/_job_progress_part.html`, rendered through
  `kinerja.core.rendering.render_page_or_fragment`, which polls once per second while the job
  runs (and refreshes the page without JavaScript).

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
from kinerja.core.request_context import (
    RequestContext,
    request_context_get,
    request_context_reset,
    request_context_set,
)
from kinerja.scoring.formatting import format_decimal

logger = logging.getLogger(__name__)

Origin = dict[str, str | None]
"""Where a job was asked for: {"request_id": …, "client_ip": …}, as JSON for the task queue."""


class Progress:
    """How a task reports: a percentage and a sentence, counts in Indonesian number format."""

    def __init__(self, write: Callable[[int, str], None] | None = None) -> None:
        self._write = write

    def __call__(self, percent: int, message: str) -> None:
        if self._write is not None:
            self._write(max(0, min(100, int(percent))), message)

    def count(self, done: int, total: int, what: str, *, start: int = 0, end: int = 99) -> None:
        """Report `done` of `total` items ("1.000 dari 5.000 baris diperiksa")."""
        percent = start + (end - start) * done // total if total else end
        self(percent, f"{format_decimal(done, 0)} dari {format_decimal(total, 0)} {what}")


progress_ignore = Progress()
"""For callers that run a task's work directly and do not follow its progress."""


def job_create(*, owner: Any, kind: str, title: str, result: dict[str, Any] | None = None) -> Job:
    """A queued job; `result` may already say what the job is about (e.g. its service unit),
    so that its page can be tied to it before the task reports anything."""
    return Job.objects.create(owner=owner, kind=kind, title=title[:200], result=result or {})


def job_attach_task(*, job: Job, task_result_id: str) -> None:
    Job.objects.filter(pk=job.pk).update(task_result_id=task_result_id)


def job_origin() -> Origin:
    """The current request's id and client address, to hand to a task."""
    context = request_context_get()
    return {"request_id": context.request_id, "client_ip": context.client_ip}


def job_start(*, job: Job, task: Any, **arguments: Any) -> Job:
    """Enqueue `task(job_id=…, origin=…, **arguments)` for a created job; returns the job."""
    result = task.enqueue(job_id=str(job.pk), origin=job_origin(), **arguments)
    job_attach_task(job=job, task_result_id=str(result.id))
    return job


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


def job_fail(*, job_id: UUID | str, error: str, result: dict[str, Any] | None = None) -> None:
    Job.objects.filter(pk=job_id).update(
        status=Job.Status.FAILED,
        error=error,
        result=result or {},
        finished_at=timezone.now(),
    )


@contextmanager
def job_running(job_id: UUID | str, origin: Origin | None = None) -> Iterator[Progress]:
    """Mark the job started, hand the task its `Progress`, and record any failure.

    While the block runs, the request context is the one the job was started from (so audit
    events name the address of the person who asked). Progress writes happen outside the
    task's own transactions so the page sees them at once.
    """
    with transaction.atomic():
        Job.objects.filter(pk=job_id).update(status=Job.Status.RUNNING, started_at=timezone.now())
    token = None
    if origin:
        token = request_context_set(
            RequestContext(
                request_id=origin.get("request_id") or request_context_get().request_id,
                client_ip=origin.get("client_ip"),
            )
        )
    try:
        yield Progress(
            lambda percent, message: job_progress(job_id=job_id, percent=percent, message=message)
        )
    except Exception as exc:
        logger.exception("job %s failed", job_id)
        job_fail(job_id=job_id, error=f"{type(exc).__name__}: {exc}")
        raise
    finally:
        if token is not None:
            request_context_reset(token)
