"""The distribution curve pages (/kurva/ and /kurva/<agency>/): who sees them, the curve
against the guidance with the violations in words, the finalise form, a locked group, and
constant queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kinerja.core.testing import page_query_count, page_text
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.testing import (
    make_group,
    make_locked_calibration,
    make_org_rating,
    make_rated_agencies,
)
from kinerja.organization.testing import make_agency, make_unit
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.planning.testing import make_open_period
from kinerja.scoring.ratings import Predikat

pytestmark = pytest.mark.django_db

INDEX = "/kurva/"
CITY_READERS = {"hr_admin", "leader", "auditor"}
GROUP_READERS = CITY_READERS | {"agency_admin"}
CALIBRATORS = {"hr_admin", "leader"}
BAIK_WITHOUT_LOW = [Predikat.BAIK] * 3 + [Predikat.SANGAT_BAIK] * 2


def _period(state: str = PeriodState.EVALUATION) -> PerformancePeriod:
    return make_open_period(state=state)


def _as(client: Client, personas: Personas, name: str) -> Client:
    client.force_login(personas.all()[name])
    return client


def _curve(agency_id: int, query: str = "evaluasi=tahunan") -> str:
    return f"/kurva/{agency_id}/?{query}"


# --- /kurva/ ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_index_lists_the_agencies_the_actor_reads_and_refuses_others(
    client: Client, personas: Personas, name: str
) -> None:
    scope = Scope(_period(), None)
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    make_group(agency=personas.agency, scope=scope, predikats=BAIK_WITHOUT_LOW)
    response = _as(client, personas, name).get(f"{INDEX}?evaluasi=tahunan")
    if name in CITY_READERS or name in {"agency_admin", "other_admin"}:
        assert response.status_code == 200
        text = page_text(response.content)
        own = personas.other_agency if name == "other_admin" else personas.agency
        assert own.name in text
        if name == "agency_admin":
            assert personas.other_agency.name not in text
        if name == "other_admin":
            assert personas.agency.name not in text
    else:
        assert response.status_code == 403


def test_the_index_says_in_words_whether_each_spread_follows_the_guidance(
    client: Client, personas: Personas
) -> None:
    scope = Scope(_period(), None)
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    make_group(agency=personas.agency, scope=scope, predikats=BAIK_WITHOUT_LOW)
    fine = make_agency(name="Dinas Sesuai Pedoman")
    make_org_rating(agency=fine, scope=scope, predikat="BAIK")
    make_group(
        agency=fine,
        scope=scope,
        predikats=[Predikat.BAIK] * 3 + [Predikat.SANGAT_BAIK, Predikat.BUTUH_PERBAIKAN],
    )
    text = page_text(_as(client, personas, "hr_admin").get(f"{INDEX}?evaluasi=tahunan").content)
    assert "Dinas Kependudukan dan Pencatatan Sipil Dinas Baik 2 penyimpangan dari pedoman" in text
    assert "Dinas Sesuai Pedoman Dinas Baik Sesuai pedoman 5 0" in text
    assert "Dinas Perhubungan Dinas Belum ditetapkan Predikat organisasi belum ditetapkan" in text


def test_the_index_costs_the_same_queries_for_3_and_40_agencies(
    client: Client, personas: Personas, django_assert_num_queries: Any
) -> None:
    scope = Scope(_period(), None)
    client = _as(client, personas, "auditor")
    url = f"{INDEX}?evaluasi=tahunan&q=Kurva"
    make_rated_agencies(scope=scope, count=3, name="Dinas Kurva")
    few = page_query_count(client, url)
    make_rated_agencies(scope=scope, count=37, name="Dinas Kurva")
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200


# --- /kurva/<agency>/ --------------------------------------------------------------------


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_curve_opens_for_whoever_reads_the_agency_and_is_404_otherwise(
    client: Client, personas: Personas, name: str
) -> None:
    scope = Scope(_period(), None)
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    make_group(agency=personas.agency, scope=scope, predikats=BAIK_WITHOUT_LOW)
    response = _as(client, personas, name).get(_curve(personas.agency.pk))
    if name in GROUP_READERS:
        assert response.status_code == 200
        assert f"Kurva distribusi {personas.agency.name}" in page_text(response.content)
    else:
        assert response.status_code == 404
        assert personas.agency.name.encode() not in response.content


def test_an_unknown_agency_is_404(client: Client, personas: Personas) -> None:
    _period()
    assert _as(client, personas, "hr_admin").get(_curve(999999)).status_code == 404


def test_acceptance_a_baik_agency_without_butuh_perbaikan_or_kurang_shows_the_violation_in_words_and_the_finalise_form_asks_for_the_justification(  # noqa: E501
    client: Client, personas: Personas
) -> None:
    scope = Scope(_period(), None)
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    make_group(agency=personas.agency, scope=scope, predikats=BAIK_WITHOUT_LOW)
    response = _as(client, personas, "hr_admin").get(_curve(personas.agency.pk))
    text = page_text(response.content)
    assert "Sebaran predikat belum sesuai pedoman" in text
    assert (
        "Butuh Perbaikan atau Kurang/Misconduct 0 dari 5 pegawai; untuk organisasi berpredikat "
        "Baik paling sedikit 1 pegawai harus Butuh Perbaikan atau Kurang/Misconduct"
    ) in text
    assert "Finalkan distribusi" in text
    assert "Justifikasi (wajib)" in text
    content = response.content.decode()
    form = content.split('data-testid="finalise"')[1].split("</form>")[0]
    assert 'name="justification"' in form
    assert " required" in form
    assert f'action="/kalibrasi/{personas.agency.pk}/kunci/"' in content
    assert 'name="evaluasi" value="tahunan"' in form
    assert f'name="kembali" value="/kurva/{personas.agency.pk}/?periode=' in form


def test_the_curve_is_an_svg_with_its_figures_as_a_table_and_the_guidance_in_words(
    client: Client, personas: Personas
) -> None:
    scope = Scope(_period(), None)
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    make_group(agency=personas.agency, scope=scope, predikats=BAIK_WITHOUT_LOW)
    response = _as(client, personas, "auditor").get(_curve(personas.agency.pk))
    content = response.content.decode()
    assert "<svg" in content
    assert "<script" not in content.split("<main")[1].split("</main>")[0]
    text = page_text(response.content)
    assert "Baik 3 pegawai (60,00%)" in text
    assert "Sangat Baik 2 pegawai (40,00%)" in text
    assert "Pedoman untuk organisasi berpredikat Baik" in text
    assert "Baik: kelompok terbesar, paling banyak 70%" in text
    assert "Finalkan distribusi" not in text


def test_a_group_that_follows_the_guidance_needs_no_justification(
    client: Client, personas: Personas
) -> None:
    scope = Scope(_period(), None)
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    make_group(
        agency=personas.agency,
        scope=scope,
        predikats=[Predikat.BAIK] * 3 + [Predikat.SANGAT_BAIK, Predikat.KURANG],
    )
    response = _as(client, personas, "leader").get(_curve(personas.agency.pk))
    text = page_text(response.content)
    assert "Sebaran perangkat daerah dan setiap unitnya mengikuti pedoman" in text
    assert "Justifikasi (tidak wajib)" in text
    form = response.content.decode().split('data-testid="finalise"')[1].split("</form>")[0]
    assert " required" not in form


def test_each_unit_has_its_row_and_its_violations_and_small_groups_are_explained(
    client: Client, personas: Personas
) -> None:
    scope = Scope(_period(), None)
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    big = make_unit(agency=personas.agency, name="Bidang Besar")
    small = make_unit(agency=personas.agency, name="Bidang Kecil")
    make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK] * 6, unit=big)
    make_group(agency=personas.agency, scope=scope, predikats=[Predikat.KURANG] * 2, unit=small)
    response = _as(client, personas, "agency_admin").get(_curve(personas.agency.pk))
    text = page_text(response.content)
    assert "Bidang Besar: Baik 6 dari 6 pegawai (100,00%) melebihi batas 70%" in text
    assert "Bidang Kecil 0 (0,00%) 2 (100,00%)" in text
    assert "Kelompok terlalu kecil" in text
    assert "kurang dari 5 pegawai" in text
    assert "Belum berpredikat 0" in text


def test_without_an_organisation_predikat_the_leader_gets_a_link_to_set_it(
    client: Client, personas: Personas
) -> None:
    period = _period()
    make_group(agency=personas.agency, scope=Scope(period, None), predikats=[Predikat.BAIK])
    for name, link in (("leader", True), ("hr_admin", False)):
        response = _as(client, personas, name).get(_curve(personas.agency.pk))
        text = page_text(response.content)
        assert "belum ditetapkan" in text
        assert ("Tetapkan predikat organisasi" in text) is link
        if link:
            assert (
                f'href="/penilaian/organisasi/{personas.agency.pk}/?periode={period.pk}'
                in response.content.decode()
            )


def test_a_locked_group_shows_who_when_the_justification_and_the_recorded_violations(
    client: Client, personas: Personas
) -> None:
    scope = Scope(_period(), None)
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    make_group(agency=personas.agency, scope=scope, predikats=BAIK_WITHOUT_LOW)
    make_locked_calibration(
        agency=personas.agency,
        scope=scope,
        locked_by=personas.hr_admin,
        justification="Seluruh pegawai melampaui target layanan.",
        violations=["Butuh Perbaikan atau Kurang/Misconduct 0 dari 5 pegawai"],
    )
    response = _as(client, personas, "leader").get(_curve(personas.agency.pk))
    text = page_text(response.content)
    assert "Distribusi sudah difinalkan" in text
    assert f"Dikunci oleh {personas.hr_admin.full_name}" in text
    assert "Justifikasi Seluruh pegawai melampaui target layanan." in text
    assert "Penyimpangan yang tercatat saat difinalkan: Butuh Perbaikan" in text
    assert 'data-testid="finalise"' not in response.content.decode()


def test_a_window_is_shown_when_chosen_and_pending_plans_are_counted(
    client: Client, personas: Personas
) -> None:
    period = _period()
    window = period.windows.order_by("number").first()
    assert window is not None
    scope = Scope(period, window)
    make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK] * 2)
    make_group(agency=personas.agency, scope=Scope(period, None), predikats=[Predikat.BAIK])
    response = _as(client, personas, "hr_admin").get(
        _curve(personas.agency.pk, f"periode={period.pk}&evaluasi={window.pk}")
    )
    text = page_text(response.content)
    assert f"{window.name} {period.year}" in text
    assert "Pegawai berpredikat 2" in text
    assert "Belum berpredikat 1" in text


def test_an_evaluation_that_is_no_window_is_refused_under_the_picker(
    client: Client, personas: Personas
) -> None:
    period = _period()
    response = _as(client, personas, "hr_admin").get(
        _curve(personas.agency.pk, f"periode={period.pk}&evaluasi=abc")
    )
    assert response.status_code == 200
    assert "Evaluasi “abc” tidak sah" in page_text(response.content)


def test_the_curve_costs_the_same_queries_for_one_unit_and_for_many(
    client: Client, personas: Personas, django_assert_num_queries: Any
) -> None:
    scope = Scope(_period(), None)
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    make_locked_calibration(agency=personas.agency, scope=scope, locked_by=personas.hr_admin)
    first = make_unit(agency=personas.agency, name="Bidang Awal")
    make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK], unit=first)
    client = _as(client, personas, "leader")
    url = _curve(personas.agency.pk)
    few = page_query_count(client, url)
    for n in range(6):
        unit = make_unit(agency=personas.agency, name=f"Bidang {n}")
        make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK] * 3, unit=unit)
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200


def test_a_closed_period_offers_no_finalise_form(client: Client, personas: Personas) -> None:
    scope = Scope(_period(state=PeriodState.CLOSED), None)
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    make_group(agency=personas.agency, scope=scope, predikats=BAIK_WITHOUT_LOW)
    response = _as(client, personas, "hr_admin").get(_curve(personas.agency.pk))
    assert "Sebaran predikat belum sesuai pedoman" in page_text(response.content)
    assert 'data-testid="finalise"' not in response.content.decode()


def test_without_any_period_the_pages_say_so(client: Client, personas: Personas) -> None:
    PerformancePeriod.objects.all().delete()
    client = _as(client, personas, "leader")
    assert "Belum ada periode penilaian" in page_text(client.get(INDEX).content)
    assert "Belum ada periode penilaian" in page_text(
        client.get(f"/kurva/{personas.agency.pk}/").content
    )
    assert "Belum ada periode penilaian" in page_text(client.get("/penilaian/organisasi/").content)


def test_the_leader_sets_the_predikat_from_the_curve_and_comes_back_to_it(
    client: Client, personas: Personas
) -> None:
    period = _period()
    make_group(agency=personas.agency, scope=Scope(period, None), predikats=BAIK_WITHOUT_LOW)
    client = _as(client, personas, "leader")
    page = client.get(_curve(personas.agency.pk)).content.decode()
    link = page.split('href="/penilaian/organisasi/')[1].split('"')[0].replace("&amp;", "&")
    form_page = client.get(f"/penilaian/organisasi/{link}")
    assert form_page.status_code == 200
    back = form_page.content.decode().split('name="kembali" value="')[1].split('"')[0]
    back = back.replace("&amp;", "&")
    assert back.startswith(f"/kurva/{personas.agency.pk}/?periode={period.pk}")
    response = client.post(
        f"/penilaian/organisasi/{personas.agency.pk}/",
        {"periode": period.pk, "evaluasi": "tahunan", "kembali": back, "predikat": "BAIK"},
    )
    assert response["Location"] == back
    text = page_text(client.get(back).content)
    assert "Butuh Perbaikan atau Kurang/Misconduct 0 dari 5 pegawai" in text
