"""Periodic tasks: enqueue each task of `settings.PERIODIC_TASKS` every so many seconds.

`PERIODIC_TASKS = {"kinerja.people.tasks.upload_purge_task": 3600}` maps the dotted path of a
django-tasks task that takes no arguments to its interval. The scheduler only enqueues; the
task worker runs the task (with its memory limit). Each task is enqueued once at start, then
every interval. Run exactly one scheduler per deployment: `manage.py serve` runs it as a
supervised process; with several app servers, run `manage.py scheduler` on one of them only.
Tasks must be idempotent (a restart enqueues each of them once more).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from django_tasks.base import Task

logger = logging.getLogger(__name__)


@dataclass
class PeriodicTask:
    path: str
    task: Task[Any, Any]
    interval: float
    due: float = 0.0


def periodic_tasks_load(config: dict[str, int] | None = None) -> list[PeriodicTask]:
    """Check and import the configured tasks; refuse a bad entry with a message naming it."""
    config = settings.PERIODIC_TASKS if config is None else config
    loaded = []
    for path, interval in config.items():
        if not isinstance(interval, int | float) or interval <= 0:
            raise ImproperlyConfigured(
                f"PERIODIC_TASKS[{path!r}] = {interval!r}: selang harus bilangan detik > 0."
            )
        try:
            task = import_string(path)
        except ImportError as error:
            raise ImproperlyConfigured(
                f"PERIODIC_TASKS: {path!r} tidak dapat diimpor ({error})."
            ) from error
        if not isinstance(task, Task):
            raise ImproperlyConfigured(
                f"PERIODIC_TASKS: {path!r} bukan tugas django-tasks (pakai dekorator @task)."
            )
        loaded.append(PeriodicTask(path=path, task=task, interval=float(interval)))
    return loaded


@dataclass
class Scheduler:
    tasks: list[PeriodicTask]
    clock: Callable[[], float] = time.monotonic
    enqueued: list[str] = field(default_factory=list)

    def tick(self) -> list[str]:
        """Enqueue every task that is due; return their paths."""
        now = self.clock()
        due = []
        for periodic in self.tasks:
            if now >= periodic.due:
                try:
                    periodic.task.enqueue()
                except Exception:
                    # A broken queue must not stop the other tasks; try again next interval.
                    logger.exception("periodic task %s could not be enqueued", periodic.path)
                else:
                    due.append(periodic.path)
                periodic.due = now + periodic.interval
        self.enqueued.extend(due)
        return due

    def run(self, *, should_stop: Callable[[], bool], sleep: float = 1.0) -> None:
        while not should_stop():
            self.tick()
            time.sleep(sleep)
