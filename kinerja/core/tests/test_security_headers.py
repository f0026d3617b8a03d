"""Every page and API answer carries our CSP and is not stored; static files stay cacheable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from kinerja.core.charts import bar_chart_svg
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


def test_the_policy_allows_only_our_own_origin_and_no_inline_script() -> None:
    policy = directives(settings.CONTENT_SECURITY_POLICY)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    every_source = [source for sources in policy.values() for source in sources]
    assert not [s for s in every_source if s.startswith(("http", "*", "'unsafe-eval'"))]
    assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]


@pytest.mark.parametrize(
    ("persona", "path"),
    [
        ("anonymous", "/akun/masuk/"),
        ("employee", "/"),
        ("hr_admin", "/pegawai/"),
        ("hr_admin", "/api/v1/me/"),
        ("hr_admin", "/api/v1/employees/"),
        ("hr_admin", "/api/v1/employees/999999/"),
        ("employee", "/pegawai/"),
    ],
)
def test_pages_and_api_answers_carry_the_policy_and_are_never_stored(
    client: Client, personas: Personas, persona: str, path: str
) -> None:
    if persona != "anonymous":
        client.force_login(personas.all()[persona])
    response = client.get(path)
    assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY
    assert "no-store" in response["Cache-Control"]


def test_static_files_keep_their_own_caching(client: Client) -> None:
    response = client.get("/static/kinerja/site.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_healthz_answers_head_as_well_as_get(client: Client) -> None:
    response = client.head("/healthz")
    assert response.status_code == 200
    assert response.content == b""


TEMPLATE_ROOT = Path(settings.BASE_DIR) / "kinerja"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def test_no_template_has_an_inline_script_style_element_or_event_handler() -> None:
    offenders = []
    for template in sorted(TEMPLATE_ROOT.rglob("templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, STYLE_ELEMENT, EVENT_HANDLER):
            for match in pattern.finditer(text):
                offenders.append(f"{template.relative_to(TEMPLATE_ROOT)}: {match.group(0)}")
    assert offenders == [], "our CSP would block these; use a static file instead"


def test_charts_carry_no_script_and_no_style_element() -> None:
    svg = bar_chart_svg(title="Uji", labels=["a", "b"], values=[1, 2], series_name="Jumlah")
    assert "<script" not in svg
    assert "<style" not in svg
    assert 'class="pygal-chart"' in svg
