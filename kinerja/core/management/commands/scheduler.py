"""`manage.py scheduler`: enqueue the periodic tasks of settings.PERIODIC_TASKS (see
kinerja/core/scheduler.py). `manage.py serve` runs it under supervision."""

from __future__ import annotations

import signal
from typing import Any

from django.core.management.base import BaseCommand

from kinerja.core.scheduler import Scheduler, periodic_tasks_load


class Command(BaseCommand):
    help = "Memasukkan tugas berkala (PERIODIC_TASKS) ke antrean pada selangnya."

    def handle(self, *args: Any, **options: Any) -> None:
        scheduler = Scheduler(tasks=periodic_tasks_load())
        stopping = False

        def stop(signum: int, frame: Any) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        names = ", ".join(f"{t.path} tiap {t.interval:g} dtk" for t in scheduler.tasks)
        self.stdout.write(f"Penjadwal berjalan: {names or 'tidak ada tugas berkala'}.")
        scheduler.run(should_stop=lambda: stopping, sleep=0.5)
