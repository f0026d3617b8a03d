"""Acceptance of issue 13 (rating) in a real browser (Debian's Chromium via Playwright), on a
360 px phone: the appraiser rates two results and the behaviour, overrides one suggestion
(first refused without a reason, then with it), sets the evaluation; the employee sees it and
acknowledges receipt; the evaluation PDF carries the employee's name and the predikat."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from kinerja.core.testing import axe_serious, chromium_page, page_log_in
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.testing import make_achievement
from kinerja.monitoring.testing import make_running_plan, plan_indicators
from kinerja.people.holdings import today
from kinerja.people.testing import Personas
from kinerja.periods.models import EvaluationWindow
from kinerja.periods.rules import window_close_date
from kinerja.planning.selectors import core_values

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 800}


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


def test_the_appraiser_rates_the_employee_acknowledges_and_the_pdf_shows_the_predikat(
    live_server: Any, personas: Personas, sessions: dict[str, Any]
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=2)
    day = today()
    closed = [
        w
        for w in EvaluationWindow.objects.filter(period=plan.period).order_by("number")
        if window_close_date(w) < day
    ]
    if not closed:
        pytest.skip("no window has closed this early in the year")
    window = closed[-1]
    for indicator in plan_indicators(plan):
        make_achievement(plan=plan, indicator=indicator, window=window, percent="100")
    first, second = [i.result for i in plan_indicators(plan)]
    name = personas.staff.employee.full_name
    employee, supervisor = sessions["employee"], sessions["supervisor"]

    # The appraiser opens the team list for the window and starts the evaluation.
    supervisor.goto(f"{live_server.url}/penilaian/?periode={plan.period_id}&evaluasi={window.pk}")
    expect(supervisor.get_by_test_id(f"team-row-{plan.pk}")).to_contain_text("Belum dimulai")
    assert not axe_serious(supervisor)
    supervisor.get_by_role("button", name=f"Nilai {name}").click()
    expect(supervisor.get_by_test_id("rating-form")).to_be_visible()
    _no_sideways_scroll(supervisor)
    assert not axe_serious(supervisor)

    # Two results: the first above expectation (against the suggestion), the second as
    # suggested; the behaviour as expected on every core value and overall.
    result_one = supervisor.get_by_test_id(f"result-{first.pk}")
    expect(result_one.get_by_test_id(f"suggestion-{first.pk}")).to_contain_text("Sesuai Ekspektasi")
    result_one.get_by_label("Di Atas Ekspektasi").check()
    supervisor.get_by_test_id(f"result-{second.pk}").get_by_label("Sesuai Ekspektasi").check()
    supervisor.get_by_test_id("results-overall").get_by_label("Sesuai Ekspektasi").check()
    for value in core_values():
        supervisor.get_by_test_id(f"behavior-{value.code}").get_by_label(
            "Sesuai Ekspektasi"
        ).check()
    supervisor.get_by_test_id("behavior-overall").get_by_label("Sesuai Ekspektasi").check()

    # Setting without a reason for the override is refused, the choices are kept.
    supervisor.get_by_role("button", name="Tetapkan").click()
    expect(supervisor.get_by_text("Draf disimpan, tetapi penilaian belum")).to_be_visible()
    result_one = supervisor.get_by_test_id(f"result-{first.pk}")
    expect(result_one).to_contain_text(
        "Di Atas Ekspektasi berbeda dari saran Sesuai Ekspektasi; tuliskan alasannya."
    )
    expect(result_one.get_by_label("Di Atas Ekspektasi")).to_be_checked()

    # With the reason written, it is set: predikat Baik.
    result_one.get_by_label("Alasan rating RHK Utama 1 (wajib bila berbeda dari saran)").fill(
        "Menyelesaikan dua laporan tambahan atas permintaan kepala bidang."
    )
    supervisor.get_by_role("button", name="Tetapkan").click()
    expect(supervisor.get_by_text("Hasil penilaian ditetapkan: predikat Baik.")).to_be_visible()
    expect(supervisor.get_by_test_id("predikat")).to_contain_text("Baik")
    evaluation = Evaluation.objects.get(plan=plan, window=window)
    assert evaluation.state == EvaluationState.RATED

    # The employee finds it under "Penilaian saya", reads the reason and acknowledges.
    employee.goto(f"{live_server.url}/penilaian/?periode={plan.period_id}&evaluasi={window.pk}")
    employee.get_by_test_id("my-evaluations").get_by_role("link").first.click()
    expect(employee.get_by_test_id("predikat")).to_contain_text("Baik")
    expect(employee.get_by_text("Menyelesaikan dua laporan tambahan")).to_be_visible()
    _no_sideways_scroll(employee)
    assert not axe_serious(employee)
    employee.get_by_role("button", name="Saya telah menerima hasil penilaian ini").click()
    expect(employee.get_by_test_id("acknowledged")).to_contain_text(
        "keberatan dapat diajukan sampai"
    )
    evaluation.refresh_from_db()
    assert evaluation.state == EvaluationState.ACKNOWLEDGED

    # The evaluation document, in the official layout (headings and the predikat in capitals).
    response = employee.request.get(f"{live_server.url}/penilaian/{evaluation.pk}/pdf/")
    assert response.status == 200, f"PDF /penilaian/{evaluation.pk}/pdf/: {response.status}"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.body())).pages)
    assert name in text
    assert "PREDIKAT KINERJA PEGAWAI" in text
    assert "BAIK" in text.split("PREDIKAT KINERJA PEGAWAI", 1)[1]
