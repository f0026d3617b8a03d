"""/bantuan/ (guides grouped by role, FAQ, search), a guide's page, its form (Admin BKPSDM) and
the socialisation hub (/sosialisasi/): who sees them, what they show, what they cost."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import headings, page_text
from kinerja.engagement.models import Guide
from kinerja.engagement.testing import make_guide
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

INDEX = "/bantuan/"
NEW = "/bantuan/baru/"
HUB = "/sosialisasi/"


def _guides() -> None:
    make_guide(title="Panduan pegawai", role="PEGAWAI", slug="pegawai", order=1)
    make_guide(title="Panduan atasan", role="ATASAN", slug="atasan", order=2)
    make_guide(title="Panduan pimpinan", role="PIMPINAN", slug="pimpinan", order=3)
    make_guide(title="Apa itu uji coba?", kind="FAQ", body="Periode **latihan**.", slug="uji")
    make_guide(title="Draf rahasia", slug="draf", is_published=False)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_everyone_logged_in_reads_the_help_page_with_the_faq(
    client: Client, personas: Personas, name: str
) -> None:
    _guides()
    client.force_login(personas.all()[name])
    response = client.get(INDEX)
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Panduan pimpinan" in text
    assert "Apa itu uji coba?" in text
    assert "Periode latihan" in text
    assert ("Draf rahasia" in text) == (name == "hr_admin")
    assert ("Tulis panduan" in text) == (name == "hr_admin")
    for link in ("/tur/", "/pengumuman/", "/kotak-saran/", "/survei-persepsi/"):
        assert f'href="{link}"'.encode() in response.content


def test_the_supervisor_sees_their_roles_guides_first(client: Client, personas: Personas) -> None:
    _guides()
    client.force_login(personas.supervisor)
    text = page_text(client.get(INDEX).content)
    own = text.split("Untuk peran Anda", 1)[1].split("Panduan lain", 1)[0]
    assert own.index("Panduan atasan") < own.index("Panduan pegawai")
    assert "Panduan pimpinan" not in own


def test_anonymous_visitors_are_sent_to_log_in(client: Client) -> None:
    response = client.get(INDEX)
    assert response.status_code == 302
    assert "/akun/masuk/" in response["Location"]


def test_the_search_puts_title_hits_first_with_an_excerpt(
    client: Client, personas: Personas
) -> None:
    make_guide(title="Realisasi bulanan", body="Isi realisasi tiap bulan.", slug="a")
    make_guide(
        title="Penilaian", body="Awal yang panjang. " * 10 + "Nilai dihitung dari realisasi.",
        slug="b",
    )  # fmt: skip
    make_guide(title="Lain", body="Tidak cocok.", slug="c")
    client.force_login(personas.employee)
    response = client.get(INDEX, {"q": "realisasi"})
    text = page_text(response.content).split("Hasil pencarian", 1)[1].split("Lainnya", 1)[0]
    assert text.index("Realisasi bulanan") < text.index("Penilaian")
    assert "Nilai dihitung dari realisasi." in text
    assert "Lain" not in text


def test_a_search_without_hits_says_so(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    assert "Tidak ada panduan yang cocok" in page_text(client.get(INDEX, {"q": "zzz"}).content)


def test_the_help_page_costs_the_same_queries_for_2_and_20_guides(
    client: Client, personas: Personas, django_assert_num_queries: Any
) -> None:
    client.force_login(personas.supervisor)
    for _ in range(2):
        make_guide(role="PEGAWAI")
    client.get(INDEX)
    from kinerja.core.testing import page_query_count

    small = page_query_count(client, INDEX)
    for _ in range(18):
        make_guide(kind="FAQ")
    with django_assert_num_queries(small):
        client.get(INDEX)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_a_guide_reads_the_same_for_everyone_and_a_draft_only_for_bkpsdm(
    client: Client, personas: Personas, name: str
) -> None:
    make_guide(title="Menyusun SKP", slug="skp", body="## Langkah\n\n1. Tekan **Ajukan**.",
               pages="planning:plan_list\nplanning:plan_detail")  # fmt: skip
    make_guide(title="Draf", slug="draf", is_published=False)
    client.force_login(personas.all()[name])
    response = client.get("/bantuan/skp/")
    assert response.status_code == 200
    assert headings(response.content)[0] == "Menyusun SKP"
    assert b"<strong>Ajukan</strong>" in response.content
    assert b'href="/skp/"' in response.content  # plan_detail needs an id: named, not linked
    assert client.get("/bantuan/draf/").status_code == (200 if name == "hr_admin" else 404)
    assert client.get("/bantuan/tidak-ada/").status_code == 404


HOSTILE = (
    "Halo <script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
    '[klik](javascript:alert(3))\n\n<p style="color:red">merah</p>'
)


def test_script_event_handlers_javascript_links_and_styles_never_reach_the_page(
    client: Client, personas: Personas
) -> None:
    make_guide(title="Jahat", slug="jahat", body=HOSTILE, kind="FAQ")
    client.force_login(personas.employee)
    for url in ("/bantuan/jahat/", INDEX):
        content = client.get(url).content.decode()
        body = content.split("<main", 1)[1]
        assert "<script>alert" not in body
        assert "onerror" not in body
        assert "javascript:" not in body
        assert 'style="color' not in body
        assert "merah" in body


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_bkpsdm_opens_the_guide_form(client: Client, personas: Personas, name: str) -> None:
    make_guide(slug="skp")
    client.force_login(personas.all()[name])
    expected = 200 if name == "hr_admin" else 403
    assert client.get(NEW).status_code == expected
    assert client.get("/bantuan/skp/ubah/").status_code == expected


def _post(**changes: str) -> dict[str, str]:
    data = {
        "title": "Menyusun SKP", "slug": "menyusun-skp", "kind": "GUIDE", "role": "PEGAWAI",
        "summary": "", "body": "## Langkah\n\n<script>x()</script>Tekan **Ajukan**.",
        "pages": "planning:plan_list", "order": "10", "is_published": "on",
    }  # fmt: skip
    data.update(changes)
    return data


def test_bkpsdm_writes_a_guide_and_sees_the_sanitised_preview(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.hr_admin)
    response = client.post(NEW, _post())
    assert response.status_code == 302
    assert response["Location"] == "/bantuan/menyusun-skp/ubah/"
    page = client.get(response["Location"])
    preview = page.content.decode().split('data-testid="guide-preview"', 1)[1]
    assert "<strong>Ajukan</strong>" in preview
    assert "<script>" not in preview
    assert AuditEvent.objects.filter(action="guide.created").count() == 1
    response = client.post("/bantuan/menyusun-skp/ubah/", _post(title="SKP tahunan"))
    assert response.status_code == 302
    assert Guide.objects.get().title == "SKP tahunan"


def test_an_unknown_page_name_comes_back_on_the_field(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    response = client.post(NEW, _post(pages="planning:plan_list\nskp:rahasia"))
    assert response.status_code == 400
    assert "“skp:rahasia” tidak dikenal" in page_text(response.content)
    assert not Guide.objects.exists()


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_hub_is_for_the_two_admins_with_bkpsdm_cards_for_bkpsdm(
    client: Client, personas: Personas, name: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(HUB)
    if name not in ("hr_admin", "agency_admin", "other_admin"):
        assert response.status_code == 403
        return
    assert response.status_code == 200
    content = response.content.decode()
    assert 'href="/pengumuman/kelola/"' in content
    assert 'href="/survei-persepsi/hasil/"' in content
    for bkpsdm_only in ("/bantuan/", "/survei-persepsi/putaran/", "/kotak-saran/kelola/",
                        "/uji-coba/"):  # fmt: skip
        card = f'stretched-link k-card-note" href="{bkpsdm_only}"'
        assert (card in content) == (name == "hr_admin"), bkpsdm_only


def test_the_hub_costs_few_queries(
    client: Client, personas: Personas, django_assert_max_num_queries: Any
) -> None:
    client.force_login(personas.hr_admin)
    client.get(HUB)
    with django_assert_max_num_queries(8):
        assert client.get(HUB).status_code == 200
