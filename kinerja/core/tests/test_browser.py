"""A real browser (Debian's Chromium via Playwright) logs in and sees the home page.

Playwright never downloads a browser here: it drives /usr/bin/chromium. On CI the browser must
exist (the test fails rather than skips); elsewhere it is skipped if Chromium is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from kinerja.accounts.testing import TEST_PASSWORD
from kinerja.core.testing import chromium_page
from kinerja.people.testing import Personas

pytestmark = [pytest.mark.browser]


@pytest.fixture
def browser_page(browser: Any) -> Iterator[Any]:
    with chromium_page(browser, width=360, height=740) as page:
        yield page


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
