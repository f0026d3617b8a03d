"""`manage.py serve`: gunicorn, the task worker and the scheduler, supervised, in the foreground.

- Web: gunicorn (`WEB_CONCURRENCY` processes; WhiteNoise serves static files). If it stops,
  everything stops: without it the service is down anyway and must be seen to be.
- Task worker (`manage.py task_worker`: database worker, or RQ when REDIS_URL is set) and
  scheduler (`manage.py scheduler`, the periodic tasks): restarted when they die, after 1, 2,
  4 … up to 30 seconds (back to 1 after a minute of good running). A job can take down the
  worker at worst, never the website.
- Ctrl+C (or SIGTERM) stops all of them: each child runs in its own process group and gets
  SIGTERM (its own children too), then SIGKILL after the grace period.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

GRACE_SECONDS = 10.0
MAX_BACKOFF_SECONDS = 30.0
STABLE_AFTER_SECONDS = 60.0


@dataclass
class Child:
    label: str
    argv: list[str]
    restart: bool
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    failures: int = 0
    start_at: float = 0.0

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


def child_stop(children: list[Child]) -> None:
    """SIGTERM to each child's process group, SIGKILL to those still there after the grace."""
    running = [child for child in children if child.running]
    for child in running:
        _signal_group(child, signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    for child in running:
        assert child.process is not None
        try:
            child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            _signal_group(child, signal.SIGKILL)
            child.process.wait()
    # Grandchildren (a task's process, gunicorn's workers) share their parent's group.
    for child in children:
        _signal_group(child, signal.SIGKILL)


def _signal_group(child: Child, signum: int) -> None:
    if child.process is None:
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(child.process.pid, signum)


class Command(BaseCommand):
    help = "Menjalankan server web (gunicorn), pekerja tugas latar dan penjadwal, diawasi."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", type=int, default=settings.PORT)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--web-workers", type=int, default=settings.WEB_CONCURRENCY)

    def say(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()

    def children(self, options: dict[str, Any]) -> list[Child]:
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        web = [
            sys.executable, "-m", "gunicorn", "config.wsgi:application",
            "--bind", f"{options['host']}:{options['port']}",
            "--workers", str(options["web_workers"]),
            "--graceful-timeout", str(int(GRACE_SECONDS) - 2),
            "--access-logfile", "-",
        ]  # fmt: skip
        return [
            Child("Server web", web, restart=False),
            Child("Pekerja tugas", [*manage, "task_worker"], restart=True),
            Child("Penjadwal", [*manage, "scheduler"], restart=True),
        ]

    def handle(self, *args: Any, **options: Any) -> None:
        children = self.children(options)
        stopping = False

        def stop(signum: int, frame: Any) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        exit_code = 0
        try:
            while not stopping:
                exit_code = self.supervise(children)
                if exit_code:
                    break
                time.sleep(0.2)
        finally:
            child_stop(children)
            self.say("Server, pekerja dan penjadwal dihentikan.")
        if exit_code:
            sys.exit(exit_code)

    def supervise(self, children: list[Child]) -> int:
        """Start what is due, notice what died; a non-zero answer means: stop everything."""
        now = time.monotonic()
        for child in children:
            if child.process is None:
                if now >= child.start_at:
                    # Own process group: Ctrl+C reaches only `serve`, which stops the groups.
                    child.process = subprocess.Popen(child.argv, process_group=0)
                    child.started_at = now
                    self.say(f"{child.label} berjalan (pid {child.process.pid}).")
                continue
            code = child.process.poll()
            if code is None:
                continue
            if not child.restart:
                self.say(f"{child.label} berhenti (kode {code}); semua dihentikan.")
                return code or 1
            child_stop([child])  # whatever it left behind in its group
            if now - child.started_at >= STABLE_AFTER_SECONDS:
                child.failures = 0
            delay = min(MAX_BACKOFF_SECONDS, 2.0**child.failures)
            child.failures += 1
            child.process = None
            child.start_at = now + delay
            self.say(
                f"{child.label} berhenti (kode {code}); dijalankan ulang dalam {delay:g} detik."
            )
        return 0
