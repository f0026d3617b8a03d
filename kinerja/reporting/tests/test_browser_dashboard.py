"""Acceptance of issue 18 in a real browser (Debian's Chromium via Playwright): Pimpinan opens
the city dashboard, clicks the agency with the most objections, then a unit, then a person, and
lands on that person's evaluation page. Each page passes axe and fits 360 px without sideways
scroll; with `KINERJA_SCREENSHOTS=<dir>` each is photographed at 1280 and 360 px."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.core.testing import axe_serious, chromium_page, page_log_in
from kinerja.people.testing import Personas
from kinerja.planning.models import PerformancePlan
from kinerja.reporting.services import summary_refresh

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = 360


@pytest.fixture
def leader_page(browser: Any, live_server: Any, personas: Personas) -> Iterator[Any]:
    with chromium_page(browser, **DESKTOP) as page:
        page_log_in(page, user=personas.leader, base_url=live_server.url)
        yield page


def _look(page: Any, name: str) -> None:
    folder = os.environ.get("KINERJA_SCREENSHOTS")
    for width in (DESKTOP["width"], PHONE):
        page.set_viewport_size({"width": width, "height": DESKTOP["height"]})
        if width == PHONE:
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= PHONE, f"{name}: {scroll} px lebar pada layar 360 px"
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{folder}/dasbor-{name}-{width}.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    assert axe_serious(page) == [], name


def _largest_row_link(page: Any, table: str) -> Any:
    """The name link of the row whose first number is the largest in the panel's table
    (opened first when it is folded behind the chart)."""
    folded = page.locator(f"details[data-testid=angka-{table}]:not([open]) > summary")
    if folded.count():
        folded.click()
    rows = page.locator(f"[data-testid=tabel-{table}] tbody tr")
    best, best_value = None, -1
    for index in range(rows.count()):
        row = rows.nth(index)
        text = row.locator("td").nth(1).inner_text().strip().replace(".", "")
        value = int(text) if text.isdigit() else -1
        if value > best_value:
            best, best_value = row, value
    assert best is not None
    assert best_value > 0
    return best.locator("td").first.locator("a")


def test_leader_drills_from_the_city_to_a_persons_evaluation(
    leader_page: Any, live_server: Any, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    make_objection(evaluation=evaluation)
    period = PerformancePlan.objects.get(pk=evaluation.plan_id).period
    summary_refresh(actor=None, period=period)
    page = leader_page

    page.goto(f"{live_server.url}/dasbor/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kota Surakarta")
    _look(page, "kota")

    _largest_row_link(page, "objections").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(personas.agency.name)
    _look(page, "opd")

    unit = personas.staff.unit
    folded = page.locator("details[data-testid=angka-plans]:not([open]) > summary")
    if folded.count():
        folded.click()
    page.locator("[data-testid=tabel-plans] tbody a", has_text=unit.name).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(unit.name)
    _look(page, "unit")

    page.get_by_test_id("daftar-pegawai").click()
    employee = personas.staff.employee
    page.get_by_role("link", name=employee.name).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(employee.name)
    _look(page, "pegawai")

    page.locator(f"a[href='/penilaian/{evaluation.pk}/']").first.click()
    expect(page).to_have_url(f"{live_server.url}/penilaian/{evaluation.pk}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
