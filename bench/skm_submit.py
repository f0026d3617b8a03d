"""The citizens' survey form under load: submissions per second and p95 latency of the public
form (`/s/<slug>/`: GET for the one-time token, then POST the answers, 303 to the thank-you
page) next to the same server's ceiling, a trivial view (`/healthz`), in the same run.
Target: submissions at least half the ceiling's throughput.

PostgreSQL only (DATABASE_URL=postgres://…; the database named there is used only to create
and drop a scratch database `kinerja_bench_skm_<pid>`); otherwise a skip line. gunicorn serves
`config.wsgi` with 2 workers (the machine has 2 cores) on a free loopback port, DEBUG off, a
throw-away SECRET_KEY, the minimum fill time off and the rate limit out of reach (the bench
measures the form's work, not the refusals). The settings are `config.settings_test` (the real
settings with plain static storage, so no `collectstatic` is needed; the HTML is the same).
The load comes from a separate process (this file with `--client`), a handful of threads with
`http.client`, for BENCH_SKM_SECONDS (10) each. On a machine shared with other work the figures
move; the ratio, measured in the same run, moves less. The CPU seconds the gunicorn workers and
the client spent per request (ceiling) and per submission (two requests) say where the time
goes, whatever else the machine runs meanwhile. All the bench's citizens come from one address,
so each duplicate check reads every earlier answer of the run (the worst case of that check).
"""

from __future__ import annotations

import html
import itertools
import json
import os
import random
import re
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent.parent
SECONDS = float(os.environ.get("BENCH_SKM_SECONDS", "10"))
THREADS = min(int(os.environ.get("BENCH_SKM_THREADS", "4")), 16)
WORKERS = 2
TARGET = 0.5
FORMS_PER_THREAD = int(os.environ.get("BENCH_SKM_FORMS_PER_THREAD", "2500"))
"""Forms fetched before the POST-only measurement (more than a thread can send in SECONDS)."""
THREADS_MAX = 16  # distinct answers for up to 4**9 / 16 = 16384 submissions per thread
SLUG = "loket-bench"


# --- the client (a separate process; no Django here) ------------------------------------------


INPUT = re.compile(rb"<input\b[^>]*>")
ATTRIBUTE = re.compile(rb'(type|name|value)="([^"]*)"')


def _hidden_inputs(page: bytes) -> dict[str, str]:
    """The hidden inputs of a page (the form's token and, if present, the CSRF token). A
    regular expression, not an HTML parser: the client must cost the server's cores as little
    as possible (html.parser takes ~4 ms for the form, more than the trivial view)."""
    values = {}
    for tag in INPUT.findall(page):
        found = {k.decode(): html.unescape(v.decode()) for k, v in ATTRIBUTE.findall(tag)}
        if found.get("type") == "hidden" and found.get("name"):
            values[found["name"]] = found.get("value", "")
    return values


def _request(
    port: int, method: str, path: str, body: str = "", headers: dict[str, str] | None = None
) -> tuple[int, bytes, list[tuple[str, str]]]:
    connection = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body or None, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read(), response.getheaders()
    finally:
        connection.close()


def _cookies(headers: list[tuple[str, str]]) -> str:
    pairs = [v.split(";", 1)[0] for k, v in headers if k.lower() == "set-cookie"]
    return "; ".join(pairs)


def _fetch_form(port: int, config: dict[str, Any]) -> tuple[dict[str, str], str, str]:
    """GET the form: its hidden inputs (the token), the cookie to send back, "" or what failed."""
    started = time.perf_counter()
    status, body, headers = _request(port, "GET", f"/s/{config['slug']}/")
    config["form_seconds"].append(time.perf_counter() - started)
    if status != 200:
        return {}, "", f"GET formulir: {status}"
    inputs = _hidden_inputs(body)
    if "token" not in inputs:
        return {}, "", "formulir tanpa token"
    return inputs, _cookies(headers), ""


def _post_form(
    port: int,
    config: dict[str, Any],
    rng: random.Random,
    serial: int,
    inputs: dict[str, str],
    cookie: str,
) -> tuple[float, str]:
    """POST one citizen's answers with a fetched form's inputs. The answers spell `serial` in
    base 4, so no two submissions of the run are duplicates (which the form rightly refuses:
    same answers from the same address)."""
    fields = {
        **inputs,
        "website": "",
        "service": str(config["service_id"]),
        "gender": rng.choice(config["genders"]),
        "age": str(rng.randint(17, 70)),
        "education": rng.choice(config["educations"]),
        "occupation": rng.choice(config["occupations"]),
        "suggestion": rng.choice(["", "", "Antrean sudah lebih cepat, terima kasih."]),
    }
    for number in range(1, 10):
        fields[f"u{number}"] = str(serial // 4 ** (number - 1) % 4 + 1)
    post_headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if cookie:
        post_headers["Cookie"] = cookie
    started = time.perf_counter()
    status, body, _ = _request(
        port, "POST", f"/s/{config['slug']}/", urllib.parse.urlencode(fields), post_headers
    )
    seconds = time.perf_counter() - started
    if status != 303:
        return seconds, f"POST formulir: {status} {body[:200]!r}"
    return seconds, ""


def _submit(
    port: int, config: dict[str, Any], rng: random.Random, serial: int
) -> tuple[float, str]:
    """One citizen's whole act: fetch the form, send it back. The POST's seconds, "" or what
    failed."""
    inputs, cookie, error = _fetch_form(port, config)
    if error:
        return 0.0, error
    return _post_form(port, config, rng, serial, inputs, cookie)


def _post_only(
    port: int, config: dict[str, Any], rng: random.Random, serial: int
) -> tuple[float, str]:
    """Only the submission (POST), with a form fetched before the clock started: what the
    server does when a citizen presses "Kirim"."""
    forms: list[tuple[dict[str, str], str]] = config["forms"]
    try:
        inputs, cookie = forms.pop()
    except IndexError:
        return 0.0, "token habis (naikkan FORMS_PER_THREAD)"
    return _post_form(port, config, rng, serial, inputs, cookie)


def _healthz(
    port: int, config: dict[str, Any], rng: random.Random, serial: int
) -> tuple[float, str]:
    started = time.perf_counter()
    status, _, _ = _request(port, "GET", "/healthz")
    return time.perf_counter() - started, "" if status == 200 else f"GET /healthz: {status}"


def client_main(config: dict[str, Any]) -> None:
    """Run `config["kind"]` from THREADS threads for `config["seconds"]`; print JSON."""
    actions = {"submit": _submit, "post": _post_only, "healthz": _healthz}
    action = actions[config["kind"]]
    port = int(config["port"])
    config["form_seconds"] = []
    if config["kind"] == "post":  # fetch the forms first, off the clock
        config["forms"] = []
        for _ in range(FORMS_PER_THREAD * int(config["threads"]) + 5):
            inputs, cookie, error = _fetch_form(port, config)
            if error:
                raise RuntimeError(error)
            config["forms"].append((inputs, cookie))
    warm_serials = itertools.count(4**9 - 10)
    for _ in range(5):  # warm up every worker
        action(port, config, random.Random(0), next(warm_serials))
    config["form_seconds"].clear()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + float(config["seconds"])

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        # Each thread, and the POST-only run after the full one, answers differently.
        half = 4**9 // THREADS_MAX // 2 if config["kind"] == "post" else 0
        serials = itertools.count(seed * 4**9 // THREADS_MAX + half)
        mine: list[float] = []
        failed: list[str] = []
        while time.perf_counter() < deadline:
            seconds, error = action(port, config, rng, next(serials))
            if error:
                failed.append(error)
            else:
                mine.append(seconds)
        with lock:
            latencies.extend(mine)
            errors.extend(failed)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(int(config["threads"]))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "latencies": latencies,
                "form_latencies": config["form_seconds"],
                "errors": errors,
                "elapsed": elapsed,
                "client_cpu": usage.ru_utime + usage.ru_stime,
            }
        )
    )


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds used so far by these processes (Linux /proc)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.append(int(entry.name))
    return found


def _load(kind: str, port: int, setup: dict[str, Any], server_pid: int) -> dict[str, Any]:
    """Run the load; also the CPU seconds the gunicorn workers spent meanwhile (the warm-up
    of the client included, a few requests)."""
    config = {"kind": kind, "port": port, "seconds": SECONDS, "threads": THREADS, **setup}
    workers = _children(server_pid)
    before = _cpu_seconds(workers)
    done = subprocess.run(
        [sys.executable, __file__, "--client", json.dumps(config)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    result["server_cpu"] = _cpu_seconds(workers) - before
    return result


# --- the bench (this process: scratch database, data, gunicorn) -------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _scratch_url(url: str, name: str) -> str:
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path=f"/{name}"))


def _admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql)


def _seed() -> dict[str, Any]:
    """One active service unit with three services (the Django of this process points at the
    scratch database)."""
    from kinerja.organization.models import Agency, AgencyKind, ServiceUnit, Unit
    from kinerja.surveys.models import Education, Occupation, RespondentGender, Service

    agency = Agency.objects.create(code="bench-skm", name="Dinas Uji Beban", kind=AgencyKind.DINAS)
    unit = Unit.objects.create(agency=agency, code="bench-skm-loket", name="Seksi Pelayanan")
    loket = ServiceUnit.objects.create(unit=unit, name="Loket Uji Beban", slug=SLUG)
    services = [
        Service.objects.create(service_unit=loket, name=name)
        for name in ("KTP-el", "Kartu Keluarga", "Akta Kelahiran")
    ]
    return {
        "slug": SLUG,
        "service_id": services[0].pk,
        "genders": list(RespondentGender.values),
        "educations": list(Education.values),
        "occupations": list(Occupation.values),
    }


def _gunicorn(port: int, database_url: str, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings_test",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": f"bench-throwaway-{random.getrandbits(64):x}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "HTTPS": "false",
        "SKM_MIN_FILL_SECONDS": "0",
        "SKM_RATE_LIMIT": "1000000000",
        "SKM_RATE_LIMIT_KIOSK": "1000000000",
    }
    command = [
        sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", str(WORKERS),
        "--bind", f"127.0.0.1:{port}", "--chdir", str(BASE_DIR), "--log-level", "warning",
        "--error-logfile", str(log),
    ]  # fmt: skip
    return subprocess.Popen(command, env=env, cwd=BASE_DIR)


def _wait_ready(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn berhenti:\n{log.read_text(errors='replace')}")
        try:
            if _request(port, "GET", "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn tidak siap dalam 60 detik:\n{log.read_text(errors='replace')}")


def _p95(latencies: list[float]) -> float:
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] if ordered else 0.0


def _stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        print("skm_submit: dilewati — perlu PostgreSQL (DATABASE_URL=postgres://…).")
        return
    name = f"kinerja_bench_skm_{os.getpid()}"
    scratch = _scratch_url(url, name)
    _admin(url, f'CREATE DATABASE "{name}"')
    log = BASE_DIR / "var" / f"bench-skm-submit-{os.getpid()}.log"
    server = None
    try:
        os.environ["DATABASE_URL"] = scratch
        from _django import print_table
        from django.core.management import call_command
        from django.db import connections

        call_command("migrate", verbosity=0)
        setup = _seed()
        connections.close_all()
        port = _free_port()
        server = _gunicorn(port, scratch, log)
        _wait_ready(port, server, log)
        ceiling = _load("healthz", port, setup, server.pid)
        submit = _load("submit", port, setup, server.pid)
        post = _load("post", port, setup, server.pid)
        from kinerja.surveys.models import SurveyResponse

        stored = SurveyResponse.objects.filter(service_unit__slug=SLUG).count()
        connections.close_all()
    finally:
        if server is not None:
            _stop(server)
        if "django.db" in sys.modules:
            sys.modules["django.db"].connections.close_all()
        _admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    ceiling_rate = len(ceiling["latencies"]) / ceiling["elapsed"]
    submit_rate = len(submit["latencies"]) / submit["elapsed"]
    ratio = submit_rate / ceiling_rate if ceiling_rate else 0.0
    post_rate = len(post["latencies"]) / post["elapsed"]
    post_ratio = post_rate / ceiling_rate if ceiling_rate else 0.0

    def cpu(result: dict[str, Any], what: str) -> str:
        count = max(len(result["latencies"]), 1)
        return (
            f"CPU per {what}: gunicorn {result['server_cpu'] / count * 1000:.2f} ms, "
            f"klien {result['client_cpu'] / count * 1000:.2f} ms"
        )

    rows = [
        (
            "halaman sepele GET /healthz (plafon)",
            f"{ceiling_rate:.1f} permintaan/detik   p95 {_p95(ceiling['latencies']) * 1000:.0f} ms",
        ),
        (
            "kiriman formulir SKM (GET + POST 303)",
            f"{submit_rate:.1f} kiriman/detik   p95 POST {_p95(submit['latencies']) * 1000:.0f} ms"
            f"   p95 GET formulir {_p95(submit['form_latencies']) * 1000:.0f} ms",
        ),
        ("  plafon", cpu(ceiling, "permintaan")),
        ("  kiriman", cpu(submit, "kiriman (2 permintaan)")),
        (
            "kiriman (POST saja; formulir diambil dulu)",
            f"{post_rate:.1f} kiriman/detik   p95 POST {_p95(post['latencies']) * 1000:.0f} ms",
        ),
        (
            "kiriman (POST) / plafon",
            f"{post_ratio:.2f} (target ≥ {TARGET:.1f}: "
            f"{'tercapai' if post_ratio >= TARGET else 'BELUM'})",
        ),
        ("siklus penuh (GET + POST) / plafon", f"{ratio:.2f} (informasi)"),
        ("jawaban tersimpan", f"{stored}"),
    ]
    for kind, result in (("plafon", ceiling), ("kiriman", submit), ("POST", post)):
        if result["errors"]:
            rows.append((f"gagal ({kind})", f"{len(result['errors'])}: {result['errors'][0]}"))
    print_table(
        f"SKM: gunicorn {WORKERS} worker, PostgreSQL, {THREADS} utas klien, "
        f"{SECONDS:.0f} detik per ukuran",
        rows,
    )
    if log.exists():
        if log.read_text(errors="replace").strip():
            print(f"  (catatan gunicorn: {log})")
        else:
            log.unlink()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--client":
        client_main(json.loads(sys.argv[2]))
    else:
        main()
