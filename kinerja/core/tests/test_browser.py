"""A real browser (Debian's Chromium via Playwright) logs in and sees the home page.

Playwright never downloads a browser here: it drives /usr/bin/chromium. On CI the browser must
exist (the test fails rather than skips); elsewhere it is skipped if Chromium is missing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from kinerja.accounts.testing import TEST_PASSWORD
from kinerja.people.testing import Personas

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [pytest.mark.browser]


@pytest.fixture
def browser_page(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium tidak terpasang di /usr/bin/chromium (bin/system-packages)")
        pytest.skip("Chromium is not installed")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
    # itself are still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()


@pytest.mark.django_db(transaction=True)
def test_employee_logs_in_with_nip_and_sees_home_without_leaving_localhost(
    live_server: Any, personas: Personas, browser_page: Any, tmp_path: Path
) -> None:
    page = browser_page
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))

    page.goto(f"{live_server.url}/")
    assert "/akun/masuk/" in page.url
    page.get_by_label("NIP atau nama pengguna").fill("19900115 201503 1 002")
    page.get_by_label("Kata sandi").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")

    assert page.get_by_role("heading", name="Tugas saya").is_visible()
    assert "Agus Wibowo" in page.content()
    # Usable at 360 px: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # Bootstrap and htmx came from our own server.
    assert page.evaluate("typeof window.bootstrap") == "object"
    assert page.evaluate("typeof window.htmx") == "object"
    page.screenshot(path=str(tmp_path / "home-360.png"), full_page=True)

    assert hosts <= {"localhost", "127.0.0.1"}, hosts
