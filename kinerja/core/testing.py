"""Helpers for tests of any app: what a page says to its reader, a real task worker, and the
one way a browser test starts Chromium (`chromium_launch`).

`page_text` and `headings` read a page as a person does (text, not markup), so a test asserts
what the user needs to see and survives a change of design. A worker started by a test reads
the test database through `KINERJA_TEST_DB_NAME` (config/settings_test.py), so it sees the
rows the test wrote.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
"""TASKS setting for a test that runs the database queue and a `db_worker` process."""
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
"""TASKS setting for a test in which a task runs as soon as it is enqueued."""


CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (bin/system-packages): Playwright never downloads a browser here."""
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
"""Headless, and nothing that reaches outside localhost (updates, sync, QUIC probes)."""


@contextmanager
def chromium_launch() -> Iterator[Any]:
    """Chromium through Playwright for the `with` block, closed after it.

    Without Chromium the test is skipped, except on CI, where it fails: the browser tests must
    run there. Playwright's sync API runs an event loop in this thread, so Django's
    async-safety check is lifted for the block (the test's own ORM calls stay synchronous).
    The `browser` fixture (conftest.py) opens one a module; each test takes `chromium_page`.
    """
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium tidak terpasang di /usr/bin/chromium (bin/system-packages)")
        pytest.skip("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
            try:
                yield browser
            finally:
                browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@contextmanager
def chromium_page(browser: Any, *, width: int, height: int) -> Iterator[Any]:
    """A page in a fresh browser context (Indonesian locale, `width` x `height` viewport),
    closed after the block, so no cookie or storage passes from one test to the next."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="id-ID")
    try:
        yield context.new_page()
    finally:
        context.close()


def worker_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test"}
    env["KINERJA_TEST_DB_NAME"] = str(connection.settings_dict["NAME"])
    env.update(extra)
    return env


def run_manage(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    manage = Path(settings.BASE_DIR) / "manage.py"
    return subprocess.run(
        [sys.executable, str(manage), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class _Text(HTMLParser):
    SKIP = frozenset({"script", "style", "head", "template"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.headings: list[str] = []
        self._skipping = 0
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading = []
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif self._heading is not None and tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        self.parts.append(data)
        if self._heading is not None:
            self._heading.append(data)


def _parse(html: str | bytes) -> _Text:
    parser = _Text()
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    parser.close()
    return parser


def page_text(html: str | bytes) -> str:
    """The words a reader sees, in order, with whitespace collapsed (no tags, no scripts)."""
    return " ".join("".join(_parse(html).parts).split())


def headings(html: str | bytes) -> list[str]:
    """The text of every heading (h1-h6), in order."""
    return _parse(html).headings


def page_query_count(client: Any, url: str) -> int:
    """How many queries one GET of `url` costs (it must answer 200): the figure a list page's
    test then holds for many more rows."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


class _PostForms(HTMLParser):
    """The POST forms of a page: action → {field name: input kind} of the fields a person
    fills (hidden fields, buttons and the CSRF token left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: dict[str, dict[str, str]] = {}
        self._action: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form" and (found.get("method") or "").lower() == "post":
            self._action = found.get("action") or ""
            self.forms.setdefault(self._action, {})
        elif tag == "form":
            self._action = None
        elif self._action is not None and tag in ("input", "textarea", "select"):
            name = found.get("name")
            kind = (found.get("type") or tag).lower()
            if name and name != "csrfmiddlewaretoken" and kind not in ("hidden", "submit"):
                self.forms[self._action].setdefault(name, kind)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._action = None


def post_forms(html: bytes) -> dict[str, dict[str, str]]:
    """The POST forms of a page and the fields of each, for tests that fill every form."""
    parser = _PostForms()
    parser.feed(html.decode("utf-8"))
    return parser.forms


def axe_serious(page: Any) -> list[str]:
    """The serious and critical accessibility violations axe finds on a Playwright page."""
    from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]

    results = Axe().run(page)
    return [
        f"axe {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def page_log_in(page: Any, *, user: Any, base_url: str) -> None:
    """Give a Playwright page the session of `user` (logged in through Django's test client),
    so a browser test starts on any page without typing a password."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}]
    )
