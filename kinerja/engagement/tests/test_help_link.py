"""Acceptance: each role's guide opens from the page it explains. Log in as the role's persona,
open the first page the guide lists, follow "Bantuan untuk halaman ini" and land on that guide.
Also the link's fallback to a search, and that the link costs no query."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.core.testing import headings
from kinerja.engagement.models import Guide, GuideKind
from kinerja.engagement.services.guides import guides_load_defaults
from kinerja.engagement.testing import make_guide
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db

ROLE_PERSONAS = {
    "PEGAWAI": "employee",
    "ATASAN": "supervisor",
    "ADMIN_OPD": "agency_admin",
    "ADMIN_BKPSDM": "hr_admin",
    "PIMPINAN": "leader",
    "INSPEKTORAT": "auditor",
}
_HELP_LINK = re.compile(r'href="([^"]+)" data-testid="help-link"')


def _help_href(content: bytes) -> str:
    found = _HELP_LINK.search(content.decode())
    assert found, "no help link on the page"
    return found.group(1).replace("&amp;", "&")


@pytest.mark.parametrize("role", list(ROLE_PERSONAS))
def test_each_roles_guide_opens_from_the_first_page_it_explains(
    client: Client, personas: Personas, role: str
) -> None:
    guides_load_defaults(actor=personas.hr_admin)
    guide = Guide.objects.get(kind=GuideKind.GUIDE, role=role)
    client.force_login(personas.all()[ROLE_PERSONAS[role]])
    page = client.get(reverse(guide.page_names[0]))
    assert page.status_code == 200, guide.page_names[0]
    followed = client.get(_help_href(page.content))
    assert followed.status_code == 302
    assert followed["Location"] == reverse("engagement:guide_detail", args=[guide.slug])
    landed = client.get(followed["Location"])
    assert landed.status_code == 200
    assert headings(landed.content)[0] == guide.title


def test_a_page_explained_for_another_role_only_falls_back_to_a_search(
    client: Client, personas: Personas
) -> None:
    make_guide(title="Untuk pimpinan", role="PIMPINAN", pages="planning:plan_list")
    client.force_login(personas.employee)
    response = client.get("/bantuan/halaman/", {"halaman": "planning:plan_list"})
    assert response.status_code == 302
    assert response["Location"] == "/bantuan/?q=SKP"
    messages = [str(m) for m in response.wsgi_request._messages]  # type: ignore[attr-defined]
    assert any("Belum ada panduan khusus" in m for m in messages)


def test_a_guide_for_everyone_is_used_when_the_role_has_none(
    client: Client, personas: Personas
) -> None:
    make_guide(slug="semua", role="", pages="planning:plan_list")
    make_guide(slug="draf", role="PEGAWAI", pages="planning:plan_list", is_published=False)
    client.force_login(personas.employee)
    response = client.get("/bantuan/halaman/", {"halaman": "planning:plan_list"})
    assert response["Location"] == "/bantuan/semua/"


def test_a_page_name_that_only_starts_like_a_listed_one_does_not_match(
    client: Client, personas: Personas
) -> None:
    make_guide(slug="panjang", pages="planning:plan_list_old")
    client.force_login(personas.employee)
    response = client.get("/bantuan/halaman/", {"halaman": "planning:plan_list"})
    assert response["Location"].startswith("/bantuan/?q=")


def test_the_link_without_a_page_goes_to_the_help_page(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    assert client.get("/bantuan/halaman/")["Location"] == "/bantuan/"


def test_the_help_link_costs_no_query(rf: Any, personas: Personas) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import resolve

    from kinerja.engagement.context_processors import help_link

    request = rf.get("/skp/")
    request.user = personas.hr_admin
    request.resolver_match = resolve("/skp/")
    with CaptureQueriesContext(connection) as captured:
        assert help_link(request)["help_url"] == "/bantuan/halaman/?halaman=planning%3Aplan_list"
    assert len(captured) == 0
