"""`manage.py serve`: the web server and a task worker together, in the foreground.

Ctrl+C (or SIGTERM) stops both; if either exits, the other is stopped too. The worker is the
database worker by default, or an RQ worker when REDIS_URL is set.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Menjalankan server web dan pekerja tugas latar bersama-sama."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", type=int, default=settings.PORT)
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args: Any, **options: Any) -> None:
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        if settings.REDIS_URL:
            worker = [*manage, "rqworker", "default", "--job-class", "django_tasks_rq.backend.Job"]
        else:
            worker = [*manage, "db_worker", "--interval", "1"]
        web = [*manage, "runserver", "--noreload", f"{options['host']}:{options['port']}"]
        processes = [subprocess.Popen(web), subprocess.Popen(worker)]
        stopping = False

        def stop(signum: int, frame: Any) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping and all(p.poll() is None for p in processes):
                time.sleep(0.5)
        finally:
            for process in processes:
                if process.poll() is None:
                    process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
            self.stdout.write("Server dan pekerja dihentikan.")
