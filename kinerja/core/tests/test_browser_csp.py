"""Pages work under our Content-Security-Policy: a real browser reports no violation.

Chromium reports every blocked script, stylesheet, style element or image as a console error
("Refused to …") and as a `securitypolicyviolation` event; both are collected while the pages
that use htmx, Bootstrap's JavaScript, an inline SVG chart and Swagger UI are opened.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kinerja.accounts.testing import TEST_PASSWORD
from kinerja.core.jobs import job_create, job_progress
from kinerja.core.models import Job
from kinerja.people.testing import Personas

LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""

pytestmark = [pytest.mark.browser]


@pytest.fixture
def browser_context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1024, "height": 800}, locale="id-ID")
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    try:
        yield context
    finally:
        context.close()


def log_in(context: Any, base: str, username: str) -> tuple[Any, list[str]]:
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{base}/akun/masuk/")
    page.get_by_label("NIP atau nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")
    return page, errors


def violations(page: Any) -> list[str]:
    return list(page.evaluate("window.__cspViolations"))


@pytest.fixture
def running_job(personas: Personas) -> Job:
    # Rows are written before the browser starts: inside Playwright's sync API the ORM would
    # open a second connection that outlives the test (PostgreSQL then refuses to drop the
    # test database).
    job = job_create(owner=personas.auditor, kind="uji", title="Uji")
    job_progress(job_id=job.pk, percent=40, message="Setengah jalan")
    return job


@pytest.mark.django_db(transaction=True)
def test_pages_htmx_chart_and_api_docs_work_without_a_csp_violation(
    live_server: Any, running_job: Job, browser_context: Any
) -> None:
    base = live_server.url
    job = running_job

    page, errors = log_in(browser_context, base, "inspektorat")
    for path in ["/", "/audit/", f"/tugas-latar/{job.pk}/", "/organisasi/"]:
        response = page.goto(f"{base}{path}")
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        assert "no-store" in response.headers["cache-control"]
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], path
    # htmx polled the job fragment (its own request, same policy) and Bootstrap's menu works.
    assert page.evaluate("typeof window.htmx") == "object"
    page.goto(f"{base}/audit/")
    assert page.locator(".chart-svg svg rect.reactive").count() >= 1
    # The chart keeps its look without pygal's inline <style>: bars are filled in blue.
    fill = page.evaluate(
        "getComputedStyle(document.querySelector('.chart-svg rect.reactive')).fill"
    )
    assert fill == "rgb(13, 110, 253)"

    page.goto(f"{base}/api/docs/")
    page.wait_for_selector(".swagger-ui .info", timeout=15000)
    assert page.get_by_text("Kinerja API").first.is_visible()
    assert violations(page) == []
    assert [e for e in errors if "Content Security Policy" in e or "Refused" in e] == []
