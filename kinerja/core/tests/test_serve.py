"""`manage.py serve`: gunicorn answers, a dead worker comes back, Ctrl+C stops every process."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from kinerja.core.testing import worker_env

pytestmark = [pytest.mark.django_db(transaction=True)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def descendants(pid: int) -> set[int]:
    """Every live process below `pid` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class Output:
    """Lines of the supervisor's output, read in the background."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        assert process.stdout is not None
        stream = process.stdout

        def pump() -> None:
            for line in stream:
                self.lines.put(line)

        threading.Thread(target=pump, daemon=True).start()

    def wait_for(self, pattern: str, timeout: float = 60) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            self.seen.append(line)
            match = re.search(pattern, line)
            if match:
                return match
        raise AssertionError(f"no line matching {pattern!r} in:\n{''.join(self.seen)}")


def test_serve_runs_gunicorn_restarts_a_killed_worker_and_stops_everything_on_ctrl_c() -> None:
    port = free_port()
    env = worker_env()
    env.pop("REDIS_URL", None)
    serve = subprocess.Popen(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "serve",
         "--port", str(port), "--web-workers", "1"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip
    output = Output(serve)
    try:
        output.wait_for(r"Server web berjalan \(pid \d+\)")
        first = int(output.wait_for(r"Pekerja tugas berjalan \(pid (\d+)\)")[1])
        output.wait_for(r"Penjadwal berjalan \(pid \d+\)")

        # Gunicorn answers, without telling its version.
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                    assert r.status == 200
                    assert not re.search(r"\d", r.headers.get("Server", ""))
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)

        os.kill(first, signal.SIGKILL)
        output.wait_for(r"Pekerja tugas berhenti \(kode -9\); dijalankan ulang dalam 1 detik")
        second = int(output.wait_for(r"Pekerja tugas berjalan \(pid (\d+)\)")[1])
        assert second != first
        assert alive(second)

        everything = descendants(serve.pid)
        assert len(everything) >= 4  # gunicorn master + its worker, task worker, scheduler
        serve.send_signal(signal.SIGINT)
        assert serve.wait(timeout=60) == 0
        output.wait_for(r"Server, pekerja dan penjadwal dihentikan")
        time.sleep(0.5)
        assert [pid for pid in everything if alive(pid)] == []
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait()
