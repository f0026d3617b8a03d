"""The calibration page /kalibrasi/<agency>/ and its writing addresses (geser, kunci)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kinerja.core.testing import page_text
from kinerja.evaluation.models import (
    CalibrationMove,
    CalibrationSession,
    CalibrationState,
    Evaluation,
    EvaluationState,
)
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.services.calibration import calibration_open
from kinerja.evaluation.testing import make_bulk_group, make_group, make_org_rating
from kinerja.organization.models import Unit
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import PeriodState
from kinerja.planning.testing import make_open_period
from kinerja.scoring.ratings import Predikat, Rating

pytestmark = pytest.mark.django_db

READERS = {"agency_admin", "hr_admin", "leader", "auditor"}
CALIBRATORS = {"hr_admin", "leader"}


def annual() -> Scope:
    return Scope(make_open_period(state=PeriodState.EVALUATION), None)


def url(personas: Personas, tail: str = "", scope: Scope | None = None) -> str:
    base = f"/kalibrasi/{personas.agency.pk}/{tail}"
    if scope is None:
        return base
    return f"{base}?periode={scope.period.pk}&evaluasi={scope.param}"


def scope_data(scope: Scope) -> dict[str, str]:
    return {"periode": str(scope.period.pk), "evaluasi": scope.param}


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_page_is_for_the_agency_readers_and_only_calibrators_act(
    client: Client, personas: Personas, name: str
) -> None:
    scope = annual()
    (evaluation,) = make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK])
    calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    client.force_login(personas.all()[name])

    response = client.get(url(personas, scope=scope))

    if name not in READERS:
        assert response.status_code == 404
        assert evaluation.plan.employee.name not in page_text(response.content)
        return
    assert response.status_code == 200
    text = page_text(response.content)
    assert evaluation.plan.employee.name in text
    assert "Lihat bukti" in text
    assert ("Kunci hasil penilaian" in text) == (name in CALIBRATORS)
    assert ("Rating yang digeser" in text) == (name in CALIBRATORS)


@pytest.mark.parametrize("name", sorted(READERS - CALIBRATORS))
def test_readers_who_do_not_calibrate_are_refused_every_write(
    client: Client, personas: Personas, name: str
) -> None:
    scope = annual()
    (evaluation,) = make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK])
    calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    client.force_login(personas.all()[name])
    move = {**scope_data(scope), "evaluation": evaluation.pk, "field": "RESULTS"}
    assert client.post(url(personas), scope_data(scope)).status_code == 403
    assert client.post(url(personas, "geser/"), {**move, "after": "ABOVE"}).status_code == 403
    assert client.post(url(personas, "kunci/"), scope_data(scope)).status_code == 403
    assert not CalibrationMove.objects.exists()
    assert CalibrationSession.objects.get().state == CalibrationState.OPEN


def test_an_outsider_and_another_agency_admin_get_404_on_writes(
    client: Client, personas: Personas
) -> None:
    scope = annual()
    for user in (personas.outsider, personas.other_admin):
        client.force_login(user)
        assert client.post(url(personas, "kunci/"), scope_data(scope)).status_code == 404
        assert client.post(url(personas, "geser/"), scope_data(scope)).status_code == 404


def test_the_grid_shows_each_cell_with_its_predikat_count_and_people(
    client: Client, personas: Personas
) -> None:
    scope = annual()
    make_group(
        agency=personas.agency,
        scope=scope,
        predikats=[Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BAIK, Predikat.KURANG],
    )
    make_bulk_group(agency=personas.agency, scope=scope, count=2, state=EvaluationState.DRAFT)
    client.force_login(personas.leader)
    response = client.get(url(personas, scope=scope))
    text = page_text(response.content)
    body = response.content.decode()
    assert "Sudah ditetapkan 4" in text
    assert "Masih draf 2" in text
    assert "Belum dinilai 0" in text
    assert "Sangat Baik 1 pegawai" in text
    assert "Baik 2 pegawai" in text
    assert "Kurang/Misconduct 1 pegawai" in text
    assert 'data-testid="cell-ABOVE-ABOVE"' in body
    assert "sel=MEETS-MEETS#daftar" in body
    assert "Belum ada sesi kalibrasi" in text
    assert "Buka sesi kalibrasi" in text


def test_a_cell_filter_lists_all_of_its_employees(client: Client, personas: Personas) -> None:
    scope = annual()
    make_bulk_group(
        agency=personas.agency,
        scope=scope,
        count=12,
        pairs=[(Rating.MEETS, Rating.MEETS), (Rating.ABOVE, Rating.ABOVE)],
    )
    client.force_login(personas.hr_admin)
    text = page_text(client.get(url(personas, scope=scope) + "&sel=ABOVE-ABOVE").content)
    assert "Pegawai hasil kerja Di Atas Ekspektasi, perilaku Di Atas Ekspektasi" in text
    assert "6 pegawai, 25 per halaman" in text
    assert "Lihat semua 6" in text


def test_unit_and_position_kind_filter_the_grid(client: Client, personas: Personas) -> None:
    scope = annual()
    other = Unit.objects.create(agency=personas.agency, code="sekretariat", name="Sekretariat")
    make_bulk_group(agency=personas.agency, scope=scope, count=3, unit=personas.staff.unit)
    make_bulk_group(
        agency=personas.agency, scope=scope, count=2, unit=other, kind="PENGAWAS", first=100
    )
    client.force_login(personas.hr_admin)
    base = url(personas, scope=scope)
    assert "Sudah ditetapkan 5" in page_text(client.get(base).content)
    assert "Sudah ditetapkan 2" in page_text(client.get(f"{base}&unit={other.pk}").content)
    assert "Sudah ditetapkan 3" in page_text(client.get(f"{base}&jenis=PELAKSANA").content)


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("unit=999999", "Unit kerja 999999 bukan unit Dinas Kependudukan"),
        ("jenis=RAJA", "Jenis jabatan RAJA tidak dikenal"),
        ("sel=ATAS-BAWAH", "Sel kisi ATAS-BAWAH tidak dikenal"),
        ("evaluasi=kemarin", "Evaluasi “kemarin” tidak sah"),
        ("evaluasi=999999", "Evaluasi '999999' bukan evaluasi periodik"),
        ("periode=999999", "Periode 999999 tidak ada"),
    ],
)
def test_a_bad_filter_is_named_and_the_page_still_shows(
    client: Client, personas: Personas, query: str, words: str
) -> None:
    annual()
    client.force_login(personas.hr_admin)
    response = client.get(f"{url(personas)}?{query}")
    assert response.status_code == 200
    assert words in page_text(response.content)


def test_a_calibrator_opens_the_session_from_the_page(client: Client, personas: Personas) -> None:
    scope = annual()
    client.force_login(personas.hr_admin)
    response = client.post(url(personas), scope_data(scope), follow=True)
    text = page_text(response.content)
    assert "Sesi kalibrasi Dinas Kependudukan dan Pencatatan Sipil" in text
    assert "dibuka" in text
    assert CalibrationSession.objects.get().state == CalibrationState.OPEN


def test_a_move_from_the_page_changes_the_rating_and_lists_the_move(
    client: Client, personas: Personas
) -> None:
    scope = annual()
    (evaluation,) = make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK])
    calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    client.force_login(personas.leader)
    response = client.post(
        url(personas, "geser/"),
        {
            **scope_data(scope),
            "evaluation": evaluation.pk,
            "field": "BEHAVIOR",
            "after": "ABOVE",
            "reason": "Teladan integritas di unit layanan.",
            "kembali": url(personas, scope=scope) + "&sel=MEETS-MEETS",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("&sel=MEETS-MEETS")
    text = page_text(client.get(response["Location"]).content)
    assert "Rating perilaku kerja" in text
    assert "digeser dari Sesuai Ekspektasi ke Di Atas Ekspektasi" in text
    assert "Sesuai Ekspektasi → Di Atas Ekspektasi" in text
    assert "Baik → Baik" in text
    assert "Teladan integritas di unit layanan." in text
    assert Evaluation.objects.get(pk=evaluation.pk).behavior_rating == "ABOVE"


def test_a_refused_move_shows_the_reason_needed_and_keeps_the_choice(
    client: Client, personas: Personas
) -> None:
    scope = annual()
    (evaluation,) = make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK])
    calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    client.force_login(personas.hr_admin)
    response = client.post(
        url(personas, "geser/"),
        {**scope_data(scope), "evaluation": evaluation.pk, "field": "RESULTS", "after": "BELOW"},
    )
    assert response.status_code == 400
    text = page_text(response.content)
    assert "Pergeseran rating" in text
    assert "Alasan wajib diisi" in text
    assert 'value="BELOW" selected' in response.content.decode()
    assert not CalibrationMove.objects.exists()


def test_a_move_without_a_session_asks_to_open_one(client: Client, personas: Personas) -> None:
    scope = annual()
    (evaluation,) = make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK])
    client.force_login(personas.hr_admin)
    response = client.post(
        url(personas, "geser/"),
        {**scope_data(scope), "evaluation": evaluation.pk, "field": "RESULTS", "after": "ABOVE",
         "reason": "Alasan."},
    )  # fmt: skip
    assert response.status_code == 400
    assert "buka sesi kalibrasi lebih dulu" in page_text(response.content)


def test_locking_with_violations_asks_for_the_justification_and_keeps_the_text(
    client: Client, personas: Personas
) -> None:
    scope = annual()
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK] * 5)
    client.force_login(personas.hr_admin)
    page = page_text(client.get(url(personas, scope=scope)).content)
    assert "Sebaran menyimpang dari pedoman distribusi" in page

    response = client.post(
        url(personas, "kunci/"),
        {**scope_data(scope), "justification": "", "kembali": url(personas, scope=scope)},
    )
    assert response.status_code == 400
    assert "Tuliskan justifikasi" in page_text(response.content)
    assert not CalibrationSession.objects.exists()

    response = client.post(
        url(personas, "kunci/"),
        {**scope_data(scope), "justification": "Semua target layanan tercapai.",
         "kembali": url(personas, scope=scope)},
    )  # fmt: skip
    assert response.status_code == 302
    text = page_text(client.get(response["Location"]).content)
    assert "dikunci (5 penilaian)" in text
    assert "Justifikasi penyimpangan distribusi: Semua target layanan tercapai." in text
    assert "Kunci hasil penilaian" not in text
    assert "Rating yang digeser" not in text


def test_a_refused_lock_from_the_curve_goes_back_there_with_the_message(
    client: Client, personas: Personas
) -> None:
    scope = annual()
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK] * 5)
    client.force_login(personas.leader)
    curve = f"/kurva/{personas.agency.pk}/?periode={scope.period.pk}"
    response = client.post(url(personas, "kunci/"), {**scope_data(scope), "kembali": curve})
    assert response.status_code == 302
    assert response["Location"] == curve
    stored = [str(m) for m in response.wsgi_request._messages]  # type: ignore[attr-defined]
    assert any("Tuliskan justifikasi" in m for m in stored)


@pytest.mark.parametrize(
    "kembali",
    [
        "https://contoh.example/",
        "//contoh.example/kalibrasi/",
        "/kalibrasi/9223372036854775807/",
        "/audit/",
    ],
)
def test_the_lock_only_returns_to_this_agency_pages(
    client: Client, personas: Personas, kembali: str
) -> None:
    scope = annual()
    make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK])
    client.force_login(personas.hr_admin)
    response = client.post(url(personas, "kunci/"), {**scope_data(scope), "kembali": kembali})
    assert response.status_code == 302
    assert response["Location"] == url(personas, scope=scope)


def test_locking_with_drafts_is_refused_with_their_count(
    client: Client, personas: Personas
) -> None:
    scope = annual()
    make_bulk_group(agency=personas.agency, scope=scope, count=2, state=EvaluationState.DRAFT)
    client.force_login(personas.hr_admin)
    response = client.post(
        url(personas, "kunci/"), {**scope_data(scope), "justification": "Catatan kunci saya."}
    )
    assert response.status_code == 400
    text = page_text(response.content)
    assert "Masih ada 2 penilaian berstatus draf" in text
    assert "Catatan kunci saya." in text
    assert not CalibrationSession.objects.exists()


@pytest.mark.parametrize("count", [5, 200, 2000])
def test_the_page_costs_the_same_queries_for_5_200_and_2000_employees_and_stays_small(
    client: Client, personas: Personas, django_assert_num_queries: Any, count: int
) -> None:
    scope = annual()
    make_org_rating(agency=personas.agency, scope=scope)
    make_bulk_group(
        agency=personas.agency,
        scope=scope,
        count=count,
        unit=personas.staff.unit,
        pairs=[(Rating.MEETS, Rating.MEETS), (Rating.ABOVE, Rating.MEETS)],
    )
    session = calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    first = Evaluation.objects.filter(plan__position__agency=personas.agency).first()
    assert first is not None
    from kinerja.evaluation.services.calibration import calibration_move

    calibration_move(
        actor=personas.hr_admin, session=session, evaluation=first, field="BEHAVIOR",
        after="ABOVE", reason="Uji.",
    )  # fmt: skip
    client.force_login(personas.hr_admin)
    client.get(url(personas, scope=scope))  # warm the session and caches
    with django_assert_num_queries(QUERIES):
        response = client.get(url(personas, scope=scope))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('name="reason"') == min(count, 25)
    assert body.count("Lihat bukti<") <= 9 * 5 + 25
    assert len(body) < 400_000


QUERIES = 21
