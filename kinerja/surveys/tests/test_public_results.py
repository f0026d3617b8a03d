"""The results published to citizens: /s/<slug>/hasil/ and the city list /skm/publik/."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.core.testing import headings, page_text
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import Personas
from kinerja.surveys.models import FollowUpAction
from kinerja.surveys.public_results import public_results_get
from kinerja.surveys.spans import quarter_span
from kinerja.surveys.testing import make_responses, make_service_unit

pytestmark = pytest.mark.django_db

GOOD = [4, 4, 4, 4, 4, 4, 4, 4, 3]
POOR = [2, 2, 2, 2, 2, 2, 2, 2, 2]


def _last_quarter_day() -> date:
    """A day in the last full quarter before today's."""
    today = timezone.localdate()
    first_of_quarter = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    return first_of_quarter - timedelta(days=10)


def _unit(personas: Personas, **kwargs: object) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit, **kwargs)  # type: ignore[arg-type]


def test_an_anonymous_visitor_sees_the_last_full_quarters_ikm_grade_and_element_means(
    client: Client, personas: Personas
) -> None:
    unit = _unit(personas, name="Loket KTP", slug="loket-ktp")
    day = _last_quarter_day()
    make_responses(service_unit=unit, answers=[GOOD] * 3, day=day)
    response = client.get("/s/loket-ktp/hasil/")
    assert response.status_code == 200
    text = page_text(response.content)
    span = quarter_span(day.year, (day.month - 1) // 3 + 1)
    assert span.label in text
    # (8 * 4 + 3) / 9 * 25 = 97,22
    assert "97,22" in text
    assert "Mutu A: Sangat Baik" in text
    assert "dari 3 responden" in text
    assert "U1 Persyaratan" in text
    assert "4,00" in text
    assert "3,00" in text
    assert "Indeks Kepuasan Masyarakat" in headings(response.content)
    assert b"<svg" in response.content
    assert 'href="/s/loket-ktp/"' in response.content.decode()


def test_without_a_full_quarter_the_year_so_far_is_shown_and_said(
    client: Client, personas: Personas
) -> None:
    unit = _unit(personas, slug="loket-baru")
    make_responses(service_unit=unit, answers=[POOR], day=timezone.localdate())
    text = page_text(client.get("/s/loket-baru/hasil/").content)
    assert f"Tahun {timezone.localdate().year} (sampai" in text
    assert "50,00" in text
    assert "Mutu D: Tidak Baik" in text


def test_a_unit_with_no_answers_says_there_is_no_result_yet(
    client: Client, personas: Personas
) -> None:
    _unit(personas, slug="loket-kosong")
    response = client.get("/s/loket-kosong/hasil/")
    assert response.status_code == 200
    assert "Belum ada hasil survei" in page_text(response.content)


def test_an_unknown_unit_is_a_404(client: Client, db: None) -> None:
    assert client.get("/s/tidak-ada/hasil/").status_code == 404


def test_the_public_sees_follow_ups_and_unhidden_suggestions_but_never_hidden_text_or_profile(
    client: Client, personas: Personas
) -> None:
    unit = _unit(personas, slug="loket-ktp")
    day = _last_quarter_day()
    make_responses(service_unit=unit, answers=[GOOD], day=day, suggestion="Ruang tunggu nyaman.",
                   profile={"gender": "P", "age": 37, "occupation": "WIRAUSAHA"})  # fmt: skip
    hidden = make_responses(service_unit=unit, answers=[POOR], day=day, suggestion="RAHASIA kasar")
    hidden[0].suggestion_hidden = True
    hidden[0].suggestion_hidden_reason = "Kata kasar"
    hidden[0].save()
    FollowUpAction.objects.create(
        service_unit=unit, year=day.year, element="U3", action="Tambah loket sore hari",
        owner="Kepala Seksi", due_date=date(day.year, 12, 31),
    )  # fmt: skip
    text = page_text(client.get("/s/loket-ktp/hasil/").content)
    assert "Ruang tunggu nyaman." in text
    assert "U3 Waktu Penyelesaian" in text
    assert "Tambah loket sore hari" in text
    assert "RAHASIA" not in text
    assert "Kata kasar" not in text
    assert "Wirausaha" not in text
    assert "Perempuan" not in text
    assert "Usia" not in text
    assert "pukul" not in text  # the day only, no time


def test_only_the_ten_latest_suggestions_are_shown(personas: Personas) -> None:
    unit = _unit(personas)
    for number in range(12):
        make_responses(service_unit=unit, answers=[GOOD], suggestion=f"Saran nomor {number}")
    shown = public_results_get(service_unit=unit).suggestions
    assert len(shown) == 10


def test_the_city_list_shows_every_active_unit_with_agency_ikm_grade_and_respondents(
    client: Client, personas: Personas
) -> None:
    unit = _unit(personas, name="Loket KTP", slug="loket-ktp")
    _unit(personas, name="Loket Tutup", slug="loket-tutup", is_active=False)
    _unit(personas, name="Loket Kosong", slug="loket-kosong")
    make_responses(service_unit=unit, answers=[GOOD] * 2, day=_last_quarter_day())
    response = client.get("/skm/publik/")
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Loket KTP" in text
    assert personas.agency.name in text
    assert "97,22" in text
    assert "A (Sangat Baik)" in text
    assert "Loket Tutup" not in text
    assert "Loket Kosong" in text
    assert "Belum ada hasil survei" in text
    assert 'href="/s/loket-ktp/hasil/"' in response.content.decode()


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_city_list_costs_the_same_queries_for_2_and_20_units(
    client: Client, personas: Personas
) -> None:
    day = _last_quarter_day()
    for number in range(2):
        unit = _unit(personas)
        make_responses(service_unit=unit, answers=[GOOD], day=day - timedelta(days=number * 95))
    few = _queries(client, "/skm/publik/")
    for number in range(18):
        unit = _unit(personas)
        make_responses(service_unit=unit, answers=[POOR], day=day - timedelta(days=number * 40))
    assert _queries(client, "/skm/publik/") == few


def test_the_results_page_costs_the_same_queries_with_few_and_many_answers(
    client: Client, personas: Personas
) -> None:
    unit = _unit(personas, slug="loket-ktp")
    make_responses(service_unit=unit, answers=[GOOD], day=_last_quarter_day(), suggestion="a")
    few = _queries(client, "/s/loket-ktp/hasil/")
    make_responses(service_unit=unit, answers=[POOR] * 50, day=_last_quarter_day(), suggestion="b")
    assert _queries(client, "/s/loket-ktp/hasil/") == few


@pytest.mark.parametrize("name", ["employee", "other_admin", "outsider", "hr_admin"])
def test_signed_in_users_see_the_same_public_pages(
    client: Client, personas: Personas, name: str
) -> None:
    _unit(personas, slug="loket-ktp")
    client.force_login(personas.all()[name])
    assert client.get("/s/loket-ktp/hasil/").status_code == 200
    assert client.get("/skm/publik/").status_code == 200
