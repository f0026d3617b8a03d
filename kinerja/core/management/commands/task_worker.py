"""`manage.py task_worker`: the background task worker with a memory limit per task.

Without REDIS_URL it is the database worker (django-tasks-db), running each task in a forked
child limited by `settings.TASK_MEMORY_LIMIT_MB`; with REDIS_URL it is an RQ worker, whose
per-job work horse gets the same limit. `manage.py serve` runs it under supervision.
"""

from __future__ import annotations

import os
import signal
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections
from django.utils.crypto import get_random_string
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from rq.worker import Worker as RQWorker

from kinerja.core.task_limits import (
    died_message,
    job_fail_for_task,
    memory_limit_apply,
    memory_limit_message,
)


class TaskDiedError(RuntimeError):
    """Recorded for a task whose process ended without recording its own result."""


class MemoryLimitedWorker(Worker):
    """django-tasks-db's worker, each task in a child process with a memory limit."""

    def __init__(self, *, memory_limit_mb: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.memory_limit_mb = memory_limit_mb

    def run_task(self, db_task_result: DBTaskResult[Any, Any]) -> None:
        # The child must not share the parent's database connections.
        connections.close_all()
        self.running_task = True  # a first Ctrl+C now waits for the task to end
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            code = 0
            try:
                memory_limit_apply(self.memory_limit_mb)
                super().run_task(db_task_result)
                connections.close_all()
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        try:
            _pid, status = os.waitpid(pid, 0)
        finally:
            self.running_task = False
            self._run_tasks += 1
        self.record_child_end(db_task_result, status)

    def record_child_end(self, db_task_result: DBTaskResult[Any, Any], status: int) -> None:
        db_task_result.refresh_from_db()
        result_id = str(db_task_result.id)
        if db_task_result.status == TaskResultStatus.RUNNING:
            if os.WIFSIGNALED(status):
                detail = f"dihentikan sinyal {signal.Signals(os.WTERMSIG(status)).name}"
            else:
                detail = f"kode keluar {os.WEXITSTATUS(status)}"
            db_task_result.set_failed(TaskDiedError(detail))
            job_fail_for_task(task_result_id=result_id, error=died_message(detail))
        elif db_task_result.exception_class_path == "builtins.MemoryError":
            # The child may have been too short of memory to write its Job; say it here.
            job_fail_for_task(task_result_id=result_id, error=memory_limit_message())


class MemoryLimitedRQWorker(RQWorker):  # pragma: no cover - runs in the Redis CI run only
    """RQ's worker whose work horse (one per job) gets the memory limit."""

    def main_work_horse(self, *args: Any, **kwargs: Any) -> None:
        memory_limit_apply(settings.TASK_MEMORY_LIMIT_MB)
        super().main_work_horse(*args, **kwargs)

    def handle_job_failure(self, job: Any, *args: Any, **kwargs: Any) -> None:
        super().handle_job_failure(job, *args, **kwargs)
        exc_string = str(kwargs.get("exc_string", ""))
        if "MemoryError" in exc_string:
            job_fail_for_task(task_result_id=str(job.id), error=memory_limit_message())
        elif "terminated unexpectedly" in exc_string:
            job_fail_for_task(task_result_id=str(job.id), error=died_message(exc_string.strip()))


class Command(BaseCommand):
    help = "Menjalankan pekerja tugas latar dengan batas memori per tugas."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch", action="store_true", help="Kerjakan antrean lalu keluar.")
        parser.add_argument("--interval", type=float, default=1.0)

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.REDIS_URL:  # pragma: no cover - exercised by the PostgreSQL + Redis run
            rq_args = ["default", "--job-class", "django_tasks_rq.backend.Job"]
            rq_args += ["--worker-class", "kinerja.core.management.commands.task_worker"
                        ".MemoryLimitedRQWorker"]  # fmt: skip
            if options["batch"]:
                rq_args.append("--burst")
            call_command("rqworker", *rq_args)
            return
        worker = MemoryLimitedWorker(
            memory_limit_mb=settings.TASK_MEMORY_LIMIT_MB,
            queue_names=["default"],
            interval=options["interval"],
            batch=options["batch"],
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        worker.run()
