"""The guides API (/api/v1/guides/): the published guides for everyone logged in, the search
with its excerpt, one guide with its Markdown and sanitised HTML."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.engagement.testing import make_guide
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

URL = "/api/v1/guides/"


def test_anonymous_gets_401_or_403(client: Client) -> None:
    assert client.get(URL).status_code in (401, 403)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_everyone_logged_in_lists_the_published_guides(
    client: Client, personas: Personas, name: str
) -> None:
    make_guide(title="Menyusun SKP", slug="skp", role="PEGAWAI", pages="planning:plan_list")
    make_guide(title="Draf", slug="draf", is_published=False)
    client.force_login(personas.all()[name])
    body = client.get(URL).json()
    slugs = [row["slug"] for row in body["results"]]
    assert slugs == (["draf", "skp"] if name == "hr_admin" else ["skp"])
    row = next(r for r in body["results"] if r["slug"] == "skp")
    assert row["role_label"] == "Pegawai"
    assert row["pages"] == ["planning:plan_list"]


def test_the_search_answers_title_hits_first_with_an_excerpt(
    client: Client, personas: Personas
) -> None:
    make_guide(title="Lain", slug="lain", body="Tentang keberatan dan bandingnya.")
    make_guide(title="Keberatan", slug="keberatan", body="Isi.")
    client.force_login(personas.employee)
    rows = client.get(URL, {"q": "keberatan"}).json()["results"]
    assert [r["slug"] for r in rows] == ["keberatan", "lain"]
    assert "keberatan dan bandingnya" in rows[1]["excerpt"]


def test_a_too_long_search_is_refused_in_indonesian(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    response = client.get(URL, {"q": "x" * 101})
    assert response.status_code == 400
    assert "q" in str(response.json())


def test_one_guide_comes_with_markdown_and_sanitised_html(
    client: Client, personas: Personas
) -> None:
    make_guide(slug="skp", body="**Ajukan** <script>x()</script>")
    make_guide(slug="draf", is_published=False)
    client.force_login(personas.employee)
    body = client.get(f"{URL}skp/").json()
    assert body["body"].startswith("**Ajukan**")
    assert "<strong>Ajukan</strong>" in body["html"]
    assert "<script>" not in body["html"]
    assert client.get(f"{URL}draf/").status_code == 404
    client.force_login(personas.hr_admin)
    assert client.get(f"{URL}draf/").status_code == 200
