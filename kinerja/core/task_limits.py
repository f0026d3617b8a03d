"""A memory limit per background task, so that one runaway job fails alone.

The worker (`manage.py task_worker`) runs each task in a child process whose address space is
limited to what the idle worker uses plus `settings.TASK_MEMORY_LIMIT_MB`. Past the limit
Python raises MemoryError inside the task; the task's Job is marked FAILED with the message
below, and the worker goes on with the next task. If the child dies without recording its
result (killed, crashed), the worker records the failure itself.
"""

from __future__ import annotations

import logging
import resource
from pathlib import Path
from typing import Any

from django.conf import settings
from django.dispatch import receiver
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from kinerja.core.jobs import job_fail
from kinerja.core.models import Job

logger = logging.getLogger(__name__)

MEGABYTE = 1024 * 1024


def memory_limit_message() -> str:
    return (
        f"Tugas dihentikan karena memakai memori melebihi batas {settings.TASK_MEMORY_LIMIT_MB} MB "
        "per tugas (TASK_MEMORY_LIMIT_MB). Data tidak berubah; coba dengan berkas yang lebih "
        "kecil atau minta admin menaikkan batasnya."
    )


def died_message(detail: str) -> str:
    return (
        f"Tugas berhenti tidak wajar ({detail}) dan tidak selesai. Data tidak berubah; coba lagi."
    )


def _address_space_now() -> int:
    """Virtual memory of this process in bytes (Linux), or 0 where /proc is missing."""
    status = Path("/proc/self/status")
    if not status.exists():
        return 0
    for line in status.read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def memory_limit_apply(limit_mb: int) -> int:
    """Limit this process to its present size plus `limit_mb`; return the limit in bytes."""
    limit = _address_space_now() + limit_mb * MEGABYTE
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return limit


def job_fail_for_task(*, task_result_id: str, error: str) -> None:
    """Mark the Job that follows this task as failed, with a message for people."""
    for job_id in Job.objects.filter(task_result_id=task_result_id).values_list("pk", flat=True):
        job_fail(job_id=job_id, error=error)


@receiver(task_finished)
def job_fail_when_out_of_memory(sender: Any, task_result: Any, **kwargs: Any) -> None:
    if task_result.status != TaskResultStatus.FAILED or not task_result.errors:
        return
    if task_result.errors[-1].exception_class_path == "builtins.MemoryError":
        job_fail_for_task(task_result_id=str(task_result.id), error=memory_limit_message())
