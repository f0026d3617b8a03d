"""The audit trail in Chromium: no sideways scroll at 1280 px with every change table open,
and a chart whose text stays legible on a 360 px phone."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kinerja.accounts.testing import TEST_PASSWORD
from kinerja.people.services import employee_move, employee_update
from kinerja.people.testing import Personas, make_position

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The smallest on-screen size of the chart's text, in CSS pixels.
SMALLEST_CHART_TEXT = """
() => {
  const svg = [...document.querySelectorAll('.k-chart svg')]
    .find(s => s.getBoundingClientRect().width > 0);
  const sizes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())
    .map(t => t.getBoundingClientRect().height);
  return Math.min(...sizes);
}
"""


def auditor_page(browser: Any, live_server: Any, width: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.goto(f"{live_server.url}/akun/masuk/?next=/audit/")
    page.get_by_label("NIP atau nama pengguna").fill("inspektorat")
    page.get_by_label("Kata sandi").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/audit/")
    return page


def test_audit_trail_fits_1280_px_with_details_open_and_its_chart_reads_at_360_px(
    live_server: Any, personas: Personas, browser: Any, tmp_path: Path
) -> None:
    employee_update(actor=personas.agency_admin, employee=personas.staff.employee, grade="III/b")
    post = make_position(agency=personas.agency, name="Analis Data Kependudukan dan Statistik")
    employee_move(
        actor=personas.agency_admin, employee=personas.staff.employee, position=post,
        start_date=date(2025, 7, 1),
    )  # fmt: skip

    page = auditor_page(browser, live_server, 1280)
    for summary in page.locator(".k-table details > summary").all():
        summary.click()
    assert page.get_by_role("cell", name="III/b").is_visible()
    page.screenshot(path=str(tmp_path / "audit-1280.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    overflowing = page.evaluate(
        "[...document.querySelectorAll('.k-table-wrap')]"
        ".filter(e => e.scrollWidth > e.clientWidth + 1).length"
    )
    assert overflowing == 0

    phone = auditor_page(browser, live_server, 360)
    phone.screenshot(path=str(tmp_path / "audit-360.png"), full_page=True)
    assert phone.evaluate(SMALLEST_CHART_TEXT) >= 10
