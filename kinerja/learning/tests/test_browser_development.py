"""Acceptance of issue 16 in a real browser (Debian's Chromium via Playwright).

1. An employee with three "komunikasi" feedback tags sees a communication course suggested with
   that reason, adds it to her plan and proposes; the appraiser agrees; she records completion
   with a certificate (a small PDF) and JP; the appraiser confirms; her JP progress shows them.
2. The appraiser rates someone Kurang: the coaching plan shows on the employee's home page and
   on the appraiser's.
3. The agency's training-needs analysis lists its top needs and opens as XLSX.

Every page is also opened at 360 px (no sideways scroll) and checked with axe-core. With
`KINERJA_SCREENSHOTS=<dir>` each page is photographed at 1280 and 360 px into that directory.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from kinerja.core.testing import axe_serious, chromium_page, page_log_in
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.services.evaluations import (
    BehaviorInput,
    ResultInput,
    evaluation_save,
    evaluation_set,
    evaluation_start,
)
from kinerja.evaluation.testing import make_achievement
from kinerja.learning.models import DevelopmentItem, DevelopmentPlan, ItemState, PlanState
from kinerja.learning.testing import make_competency, make_course
from kinerja.monitoring.evidence.testing import evidence_storage_at, minimal_pdf
from kinerja.monitoring.testing import make_feedback, make_running_plan, plan_indicators
from kinerja.people.holdings import today
from kinerja.people.testing import Personas
from kinerja.periods.models import EvaluationWindow, PeriodState
from kinerja.periods.rules import window_close_date
from kinerja.planning.selectors import core_values
from kinerja.planning.testing import make_open_period
from kinerja.scoring.ratings import Predikat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = 360
SIDES = ("employee", "supervisor", "hr_admin")


@pytest.fixture
def sessions(
    browser: Any, live_server: Any, personas: Personas, tmp_path: Path
) -> Iterator[dict[str, Any]]:
    """A browser page per side (1280 px wide), each logged in with its own session cookie."""
    pages: dict[str, Any] = {}
    with (
        evidence_storage_at(tmp_path / "bukti"),
        chromium_page(browser, **DESKTOP) as employee,
        chromium_page(browser, **DESKTOP) as supervisor,
        chromium_page(browser, **DESKTOP) as admin,
    ):
        for name, page in zip(SIDES, (employee, supervisor, admin), strict=True):
            page_log_in(page, user=personas.all()[name], base_url=live_server.url)
            pages[name] = page
        yield pages


_shots = {"n": 0}


def _look(page: Any, name: str) -> None:
    """The page passes axe, fits 360 px without sideways scroll, and is photographed at 1280
    and 360 px when KINERJA_SCREENSHOTS names a directory."""
    folder = os.environ.get("KINERJA_SCREENSHOTS")
    _shots["n"] += 1
    for width in (DESKTOP["width"], PHONE):
        page.set_viewport_size({"width": width, "height": DESKTOP["height"]})
        if width == PHONE:
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= PHONE, f"{name}: {scroll} px lebar pada layar 360 px"
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{folder}/{_shots['n']:02d}-{name}-{width}.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    assert not axe_serious(page), name


def test_a_suggested_course_is_agreed_completed_confirmed_and_counted(
    live_server: Any, personas: Personas, sessions: dict[str, Any]
) -> None:
    url = live_server.url
    employee, supervisor = sessions["employee"], sessions["supervisor"]
    make_open_period(state=PeriodState.EXECUTION)
    communication = make_competency(name="Komunikasi efektif", feedback_tag="KOMUNIKASI")
    course = make_course(
        title="Pelatihan Komunikasi Pelayanan Publik", competencies=[communication], jp=Decimal(16)
    )
    make_course(title="Kepemimpinan Pengawas", competencies=[make_competency(name="Kepemimpinan")])
    for _ in range(3):
        make_feedback(
            employee=personas.staff.employee, author=personas.staff.supervisor,
            competencies=("KOMUNIKASI",), author_is_appraiser=True,
        )  # fmt: skip

    # 1. The employee sees the communication course suggested, with the reason.
    employee.goto(f"{url}/pengembangan/")
    suggestion = employee.get_by_test_id("suggestions").locator("li", has_text=course.title)
    expect(suggestion).to_contain_text("3 umpan balik bertanda komunikasi")
    expect(employee.get_by_test_id("suggestions")).not_to_contain_text("Kepemimpinan Pengawas")
    _look(employee, "pengembangan-saran")
    suggestion.get_by_role("button", name="Tambahkan ke rencana").click()
    plan = DevelopmentPlan.objects.get(employee=personas.staff.employee)
    if not employee.url.endswith(f"/pengembangan/rencana/{plan.pk}/"):
        employee.goto(f"{url}/pengembangan/rencana/{plan.pk}/")
    expect(employee.get_by_role("cell", name=course.title).first).to_be_visible()
    expect(employee.locator("td.k-primary", has_text=course.title)).to_contain_text(
        "3 umpan balik bertanda komunikasi"
    )
    _look(employee, "rencana-draf")

    # 2. She proposes; the appraiser agrees.
    employee.get_by_role("button", name="Ajukan ke pejabat penilai").click()
    expect(employee.get_by_test_id("plan-state")).to_contain_text("Diajukan")
    supervisor.goto(f"{url}/pengembangan/")
    _look(supervisor, "tim-saya")
    supervisor.get_by_role("link", name=personas.staff.employee.full_name).first.click()
    supervisor.wait_for_url(f"{url}/pengembangan/rencana/{plan.pk}/")
    _look(supervisor, "rencana-diajukan")
    supervisor.get_by_role("button", name="Sepakati rencana").click()
    expect(supervisor.get_by_test_id("plan-state")).to_contain_text("Disepakati")

    # 3. She records completion with a certificate and the JP earned.
    employee.goto(f"{url}/pengembangan/rencana/{plan.pk}/")
    row = employee.locator("tr", has_text=course.title)
    row.get_by_text("Catat selesai").click()
    row.get_by_label("Tanggal selesai").fill(timezone_today_id())
    row.get_by_label("JP diperoleh").fill("16")
    row.get_by_label("Sertifikat").set_input_files(
        files=[{"name": "sertifikat.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf()}]
    )
    _look(employee, "catat-selesai")
    row.get_by_role("button", name="Simpan penyelesaian").click()
    expect(employee.locator("tr", has_text=course.title)).to_contain_text("menunggu konfirmasi")
    item = DevelopmentItem.objects.get(plan=plan, course=course)
    assert item.state == ItemState.COMPLETED
    assert item.certificate_original_name == "sertifikat.pdf"

    # 4. The appraiser downloads the certificate and confirms.
    supervisor.goto(f"{url}/pengembangan/rencana/{plan.pk}/")
    download = supervisor.request.get(f"{url}/pengembangan/kegiatan/{item.pk}/sertifikat/")
    assert download.status == 200
    assert download.body().startswith(b"%PDF-")
    supervisor.locator("tr", has_text=course.title).get_by_role("button", name="Konfirmasi").click()
    expect(supervisor.locator("tr", has_text=course.title)).to_contain_text("Dikonfirmasi")
    _look(supervisor, "dikonfirmasi")

    # 5. Her JP progress shows the 16 JP.
    employee.goto(f"{url}/pengembangan/")
    expect(employee.get_by_test_id("jp-progress")).to_contain_text("16 dari 20 JP")
    _look(employee, "pengembangan-jp")
    plan.refresh_from_db()
    assert plan.state == PlanState.AGREED


def timezone_today_id() -> str:
    """Today as the date fields take it (01-12-2026)."""
    return today().strftime("%d-%m-%Y")


def _rated(personas: Personas, *, results: str, behavior: str) -> Evaluation:
    """An evaluation of the employee set by their appraiser through `evaluation_set`."""
    plan = make_running_plan(employee=personas.staff.employee, results=1)
    closed = [
        w
        for w in EvaluationWindow.objects.filter(period=plan.period).order_by("number")
        if window_close_date(w) < today()
    ]
    if not closed:
        pytest.skip("no window has closed this early in the year")
    window = closed[-1]
    for indicator in plan_indicators(plan):
        make_achievement(plan=plan, indicator=indicator, window=window, percent="100")
    evaluation = evaluation_start(actor=personas.supervisor, plan=plan, window=window)
    evaluation_save(
        actor=personas.supervisor,
        evaluation=evaluation,
        results=[ResultInput(r.result_id, results, "") for r in evaluation.result_ratings.all()],
        behaviors=[BehaviorInput(v.code, behavior, "") for v in core_values()],
        results_rating=results,
        results_reason="",
        behavior_rating=behavior,
        behavior_reason="Beberapa kali tidak hadir rapat koordinasi.",
        early_reason="",
    )
    evaluation_set(actor=personas.supervisor, evaluation=evaluation)
    evaluation.refresh_from_db()
    return evaluation


def test_rating_someone_kurang_shows_the_coaching_plan_on_both_home_pages(
    live_server: Any, personas: Personas, sessions: dict[str, Any]
) -> None:
    url = live_server.url
    employee, supervisor = sessions["employee"], sessions["supervisor"]
    evaluation = _rated(personas, results="MEETS", behavior="BELOW")
    assert evaluation.predikat == Predikat.KURANG.value
    plan = DevelopmentPlan.objects.get(employee=personas.staff.employee, is_coaching=True)

    employee.goto(f"{url}/")
    expect(employee.get_by_text("Bimbingan kinerja wajib", exact=True)).to_be_visible()
    expect(
        employee.get_by_text("Predikat kinerja Anda mewajibkan bimbingan kinerja")
    ).to_be_visible()
    _look(employee, "beranda-pegawai-bimbingan")
    employee.get_by_role("link", name="Buka rencana").first.click()
    employee.wait_for_url(f"{url}/pengembangan/rencana/{plan.pk}/")
    expect(employee.get_by_test_id("plan-state")).to_contain_text("Bimbingan wajib")
    expect(employee.get_by_role("cell", name="Bimbingan kinerja").first).to_be_visible()
    _look(employee, "rencana-bimbingan")

    supervisor.goto(f"{url}/")
    expect(supervisor.get_by_text("bimbingan kinerja", exact=False).first).to_be_visible()
    _look(supervisor, "beranda-penilai-bimbingan")
    supervisor.goto(f"{url}/pengembangan/")
    row = supervisor.locator("tr", has_text=personas.staff.employee.full_name)
    expect(row).to_contain_text("Bimbingan wajib")


def test_the_needs_analysis_lists_the_top_needs_and_opens_as_xlsx(
    live_server: Any, personas: Personas, sessions: dict[str, Any]
) -> None:
    url = live_server.url
    admin = sessions["hr_admin"]
    make_open_period(state=PeriodState.EXECUTION)
    communication = make_competency(name="Komunikasi efektif", feedback_tag="KOMUNIKASI")
    make_course(competencies=[communication])
    for _ in range(3):
        make_feedback(
            employee=personas.staff.employee, author=personas.staff.supervisor,
            competencies=("KOMUNIKASI",),
        )  # fmt: skip

    admin.goto(f"{url}/pengembangan/analisis/")
    _look(admin, "analisis-pilih")
    admin.goto(f"{url}/pengembangan/analisis/{personas.agency.pk}/")
    needs = admin.get_by_test_id("kebutuhan")
    expect(needs.locator("tbody tr").first).to_contain_text("Komunikasi efektif")
    expect(admin.get_by_role("heading", name="Pegawai yang belum mencapai 20 JP")).to_be_visible()
    expect(admin.get_by_text(personas.staff.employee.full_name).first).to_be_visible()
    _look(admin, "analisis-dukcapil")

    response = admin.request.get(f"{url}/pengembangan/analisis/{personas.agency.pk}/?format=xlsx")
    assert response.status == 200, response.status
    sheet = load_workbook(io.BytesIO(response.body()), read_only=True).worksheets[0]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "Komunikasi efektif" in cells
