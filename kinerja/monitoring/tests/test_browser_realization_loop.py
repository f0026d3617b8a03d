"""Acceptance of issue 12 (realisations) in a real browser (Debian's Chromium via Playwright),
on a 360 px phone: the employee fills a realisation and uploads a PDF as evidence, submits;
the appraiser returns it with a reason; the employee resubmits; the appraiser accepts; the
achievement and the trend chart update; each side's inbox shows the right items."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from kinerja.core.testing import chromium_page, page_log_in
from kinerja.monitoring.models import Realization, RealizationState
from kinerja.monitoring.testing import make_running_plan, plan_indicators, window_on
from kinerja.people.testing import Personas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 800}
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def sessions(browser: Any, live_server: Any, personas: Personas) -> Iterator[dict[str, Any]]:
    """A browser page per side, each logged in with its own session cookie."""
    pages: dict[str, Any] = {}
    with (
        chromium_page(browser, **PHONE) as employee,
        chromium_page(browser, **PHONE) as supervisor,
    ):
        for name, page in [("employee", employee), ("supervisor", supervisor)]:
            page_log_in(page, user=personas.all()[name], base_url=live_server.url)
            pages[name] = page
        yield pages


def _no_sideways_scroll(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_realisation_loop_from_upload_to_acceptance(
    live_server: Any, personas: Personas, sessions: dict[str, Any]
) -> None:
    plan = make_running_plan(employee=personas.staff.employee)  # targets: 12 dokumen
    indicator = plan_indicators(plan)[0]
    window = window_on(plan)
    list_url = f"{live_server.url}/skp/{plan.pk}/realisasi/"
    employee, supervisor = sessions["employee"], sessions["supervisor"]

    # The employee opens the plan's realisations, fills the first indicator, attaches a PDF.
    employee.goto(list_url)
    _no_sideways_scroll(employee)

    employee.get_by_role("link", name=f"Isi realisasi IKI {indicator.text}").click()
    employee.get_by_label("Realisasi (dokumen)").fill("6")
    employee.get_by_label("Unggah bukti dukung").set_input_files(
        files=[{"name": "laporan.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    employee.get_by_role("button", name="Simpan dan ajukan").click()
    expect(employee.get_by_text("Realisasi diajukan ke pejabat penilai.")).to_be_visible()
    row = employee.get_by_test_id(f"realization-row-{indicator.pk}")
    expect(row).to_contain_text("50,00 %")
    expect(row).to_contain_text("Diajukan")

    # The appraiser returns it; the reason is required.
    realization = Realization.objects.get(indicator=indicator, window=window)
    decide_url = f"{live_server.url}/skp/{plan.pk}/realisasi/{window.pk}/{indicator.pk}/putuskan/"
    supervisor.goto(decide_url)
    expect(supervisor.get_by_test_id("evidence-list")).to_contain_text("laporan.pdf")
    supervisor.get_by_role("button", name="Kembalikan").click()
    expect(supervisor.get_by_text("Alasan dikembalikan wajib diisi")).to_be_visible()
    supervisor.get_by_label("Alasan dikembalikan").fill("Angka belum sesuai rekap bulanan.")
    supervisor.get_by_role("button", name="Kembalikan").click()
    expect(supervisor.get_by_text("Realisasi dikembalikan kepada pegawai.")).to_be_visible()

    # The appraiser's inbox holds the submission; the employee's the return with its reason,
    # one tap from the realisation.
    name = personas.staff.employee.full_name
    supervisor.goto(f"{live_server.url}/kotak-masuk/")
    expect(supervisor.get_by_role("link", name=f"Realisasi {name} diajukan")).to_have_count(1)
    employee.goto(f"{live_server.url}/kotak-masuk/")
    returned = employee.get_by_role("link", name=re.compile(r"^Realisasi .* dikembalikan$"))
    expect(returned).to_have_count(1)
    expect(employee.get_by_test_id("inbox")).to_contain_text("rekap bulanan")
    returned.click()
    expect(employee.get_by_test_id("return-reason")).to_contain_text("rekap bulanan")

    # The employee sees the reason, corrects the number and submits again.
    employee.get_by_label("Realisasi (dokumen)").fill("9")
    employee.get_by_role("button", name="Simpan dan ajukan").click()
    expect(employee.get_by_text("Realisasi diajukan ke pejabat penilai.")).to_be_visible()

    # The appraiser accepts; the achievement and the chart's figures show 75,00 %.
    supervisor.goto(decide_url)
    supervisor.get_by_role("button", name="Terima").click()
    expect(supervisor.get_by_text("Realisasi diterima.")).to_be_visible()
    realization.refresh_from_db()
    assert (realization.state, realization.revision) == (RealizationState.ACCEPTED, 2)
    employee.goto(list_url)
    row = employee.get_by_test_id(f"realization-row-{indicator.pk}")
    expect(row).to_contain_text("75,00 %")
    expect(row).to_contain_text("Diterima")
    trend = employee.get_by_test_id(f"trend-{indicator.pk}")
    trend.get_by_text("Lihat angka").click()
    expect(trend).to_contain_text("75,00 %")
    _no_sideways_scroll(employee)

    # Inboxes: the appraiser got both submissions, the employee the return and the acceptance.
    supervisor.goto(f"{live_server.url}/kotak-masuk/")
    expect(supervisor.get_by_role("link", name=f"Realisasi {name} diajukan")).to_have_count(2)
    employee.goto(f"{live_server.url}/kotak-masuk/")
    accepted = employee.get_by_role("link", name=re.compile(r"^Realisasi .* diterima$"))
    expect(accepted).to_have_count(1)
    expect(
        employee.get_by_role("link", name=re.compile(r"^Realisasi .* dikembalikan$"))
    ).to_have_count(1)

    # Inboxes: the appraiser got both submissions, the employee the return and the acceptance.
    supervisor.goto(f"{live_server.url}/kotak-masuk/")
    expect(supervisor.get_by_role("link", name=f"Realisasi {name} diajukan")).to_have_count(2)
    employee.goto(f"{live_server.url}/kotak-masuk/")
    accepted = employee.get_by_role("link", name=re.compile(r"^Realisasi .* diterima$"))
    expect(accepted).to_have_count(1)
    expect(
        employee.get_by_role("link", name=re.compile(r"^Realisasi .* dikembalikan$"))
    ).to_have_count(1)
