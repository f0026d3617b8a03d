"""The organisation predikat pages (/penilaian/organisasi/): who sees which agencies, the
Pimpinan's form per agency, refusals kept on the page, filters, and constant queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kinerja.core.testing import page_query_count, page_text
from kinerja.evaluation.models import OrganizationRating
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.testing import make_group, make_org_rating, make_rated_agencies
from kinerja.organization.models import AgencyKind
from kinerja.organization.testing import make_agency
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.planning.testing import make_open_period
from kinerja.scoring.ratings import Predikat

pytestmark = pytest.mark.django_db

LIST = "/penilaian/organisasi/"
CITY_READERS = {"hr_admin", "leader", "auditor"}
ADMINS = {"agency_admin", "other_admin"}


def _period(state: str = PeriodState.EVALUATION) -> PerformancePeriod:
    return make_open_period(state=state)


def _as(client: Client, personas: Personas, name: str) -> Client:
    client.force_login(personas.all()[name])
    return client


def _set_url(agency_id: int) -> str:
    return f"/penilaian/organisasi/{agency_id}/"


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_list_shows_every_agency_to_the_city_its_own_to_an_admin_and_refuses_others(
    client: Client, personas: Personas, name: str
) -> None:
    scope = Scope(_period(), None)
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    response = _as(client, personas, name).get(f"{LIST}?evaluasi=tahunan")
    if name in CITY_READERS:
        assert response.status_code == 200
        text = page_text(response.content)
        assert personas.agency.name in text
        assert personas.other_agency.name in text
        assert "Baik" in text
    elif name in ADMINS:
        assert response.status_code == 200
        text = page_text(response.content)
        own = personas.agency if name == "agency_admin" else personas.other_agency
        other = personas.other_agency if name == "agency_admin" else personas.agency
        assert own.name in text
        assert other.name not in text
    else:
        assert response.status_code == 403
        assert personas.agency.name.encode() not in response.content


@pytest.mark.parametrize("name", sorted(CITY_READERS | ADMINS))
def test_only_the_leader_gets_a_form_per_agency(
    client: Client, personas: Personas, name: str
) -> None:
    _period()
    response = _as(client, personas, name).get(f"{LIST}?evaluasi=tahunan")
    text = page_text(response.content)
    if name == "leader":
        assert "Tetapkan predikat" in text
        assert f'action="{_set_url(personas.agency.pk)}"'.encode() in response.content
    else:
        assert "Tetapkan predikat" not in text
        assert b'method="post"' not in response.content.split(b"<main")[1]


def test_the_row_shows_the_notes_who_set_it_and_the_rated_and_pending_counts(
    client: Client, personas: Personas
) -> None:
    scope = Scope(_period(), None)
    rating = make_org_rating(agency=personas.agency, scope=scope, predikat="ISTIMEWA")
    rating.planning_note = "Capaian IKU melampaui target."
    rating.hr_note = "Tidak ada pelanggaran disiplin."
    rating.audit_note = "Tanpa temuan."
    rating.set_by = personas.leader
    rating.save()
    make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK] * 3)
    response = _as(client, personas, "auditor").get(f"{LIST}?evaluasi=tahunan")
    text = page_text(response.content)
    assert "Istimewa" in text
    assert "Capaian IKU melampaui target." in text
    assert "Tidak ada pelanggaran disiplin." in text
    assert "Tanpa temuan." in text
    assert f"oleh {personas.leader.full_name}" in text
    assert "Tanpa temuan. 3 0 Dinas Perhubungan" in text


def test_the_leader_saves_one_agency_and_returns_to_the_list(
    client: Client, personas: Personas
) -> None:
    period = _period()
    back = f"{LIST}?evaluasi=tahunan&q=Kependudukan"
    response = _as(client, personas, "leader").post(
        _set_url(personas.agency.pk),
        {
            "periode": period.pk,
            "evaluasi": "tahunan",
            "kembali": back,
            "predikat": "BUTUH_PERBAIKAN",
            "planning_note": "Capaian IKU 70%.",
            "hr_note": "",
            "audit_note": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == back
    rating = OrganizationRating.objects.get(agency=personas.agency)
    assert rating.predikat == "BUTUH_PERBAIKAN"
    assert rating.window_id is None
    assert rating.planning_note == "Capaian IKU 70%."


def test_a_refusal_re_renders_the_agency_form_with_the_values_kept(
    client: Client, personas: Personas
) -> None:
    period = _period()
    response = _as(client, personas, "leader").post(
        _set_url(personas.agency.pk),
        {
            "periode": period.pk,
            "evaluasi": "tahunan",
            "predikat": "",
            "hr_note": "Catatan kepegawaian yang tetap ada.",
        },
    )
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Predikat kinerja organisasi wajib dipilih" in text
    assert "Istimewa" in text
    assert "Catatan kepegawaian yang tetap ada." in text
    assert not OrganizationRating.objects.exists()


def test_a_foreign_return_address_is_ignored(client: Client, personas: Personas) -> None:
    period = _period()
    response = _as(client, personas, "leader").post(
        _set_url(personas.agency.pk),
        {"periode": period.pk, "evaluasi": "tahunan", "predikat": "BAIK", "kembali": "//x.test/"},
    )
    assert response["Location"] == LIST


@pytest.mark.parametrize("name", [n for n in PERSONA_NAMES if n != "leader"])
def test_nobody_but_the_leader_may_post_and_strangers_learn_nothing(
    client: Client, personas: Personas, name: str
) -> None:
    period = _period()
    response = _as(client, personas, name).post(
        _set_url(personas.agency.pk),
        {"periode": period.pk, "evaluasi": "tahunan", "predikat": "BAIK"},
    )
    readers = CITY_READERS | {"agency_admin"}
    assert response.status_code == (403 if name in readers else 404)
    assert not OrganizationRating.objects.exists()


def test_the_single_agency_page_opens_for_the_leader_with_the_current_predikat(
    client: Client, personas: Personas
) -> None:
    scope = Scope(_period(), None)
    make_org_rating(agency=personas.agency, scope=scope, predikat="KURANG")
    response = _as(client, personas, "leader").get(
        f"{_set_url(personas.agency.pk)}?evaluasi=tahunan"
    )
    assert response.status_code == 200
    text = page_text(response.content)
    assert f"Predikat kinerja organisasi {personas.agency.name}" in text
    assert "Saat ini Kurang" in text
    assert b'<option value="KURANG" selected>' in response.content


def test_a_closed_period_shows_no_form(client: Client, personas: Personas) -> None:
    _period(state=PeriodState.CLOSED)
    response = _as(client, personas, "leader").get(f"{LIST}?evaluasi=tahunan")
    assert "Tetapkan predikat" not in page_text(response.content)


def test_the_list_filters_by_name_and_kind(client: Client, personas: Personas) -> None:
    _period()
    make_agency(name="Kelurahan Kemlayan", kind=AgencyKind.KELURAHAN)
    make_agency(name="Kelurahan Laweyan", kind=AgencyKind.KELURAHAN)
    client = _as(client, personas, "hr_admin")
    text = page_text(client.get(f"{LIST}?jenis=KELURAHAN").content)
    assert "Kelurahan Kemlayan" in text
    assert "Kelurahan Laweyan" in text
    assert personas.agency.name not in text
    text = page_text(client.get(f"{LIST}?q=kemlayan").content)
    assert "Kelurahan Kemlayan" in text
    assert "Kelurahan Laweyan" not in text


def test_a_window_of_another_period_is_refused_on_the_picker(
    client: Client, personas: Personas
) -> None:
    period = _period()
    response = _as(client, personas, "hr_admin").get(f"{LIST}?periode={period.pk}&evaluasi=99999")
    assert response.status_code == 200
    assert "bukan evaluasi periodik" in page_text(response.content)


def test_the_list_costs_the_same_queries_for_3_and_40_agencies(
    client: Client, personas: Personas, django_assert_num_queries: Any
) -> None:
    scope = Scope(_period(), None)
    client = _as(client, personas, "leader")
    url = f"{LIST}?evaluasi=tahunan&q=Kueri"
    make_rated_agencies(scope=scope, count=3, name="Dinas Uji Kueri")
    few = page_query_count(client, url)
    make_rated_agencies(scope=scope, count=37, name="Dinas Uji Kueri")
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200


def test_an_htmx_filter_gets_only_the_table(client: Client, personas: Personas) -> None:
    _period()
    response = _as(client, personas, "hr_admin").get(
        f"{LIST}?evaluasi=tahunan&q=Perhubungan", headers={"HX-Request": "true"}
    )
    assert b"<html" not in response.content
    text = page_text(response.content)
    assert "1 perangkat daerah." in text
    assert personas.other_agency.name in text
