"""Perception survey pages: the questionnaire and its thank-you, the results with their
suppression under 5 respondents (ACCEPTANCE 1), who reads what, constant queries, the rounds
page and closing a round, the home card."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kinerja.core.my_tasks import CardKind
from kinerja.core.testing import page_query_count, page_text
from kinerja.engagement.home.perception import cards_for
from kinerja.engagement.models import PerceptionResponse, PerceptionRound, RoundState
from kinerja.engagement.perception_items import ITEM_CODES
from kinerja.engagement.testing import make_perception_responses, make_perception_round
from kinerja.organization.models import Agency
from kinerja.organization.testing import make_agency
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

INDEX = "/survei-persepsi/"
RESULTS = "/survei-persepsi/hasil/"
ROUNDS = "/survei-persepsi/putaran/"
CITY_READERS = {"hr_admin", "leader", "auditor"}
ANSWERED = dict.fromkeys(ITEM_CODES, "4")


def _closed_with_small_and_big_agency(personas: Personas) -> PerceptionRound:
    """`agency` with 4 responses, `other_agency` with 5 (all 2 = index 25,0)."""
    perception_round: PerceptionRound = make_perception_round(state=RoundState.CLOSED)
    make_perception_responses(
        perception_round, count=4, agency=personas.agency, value=5, remark="Aplikasi lambat"
    )
    make_perception_responses(perception_round, count=5, agency=personas.other_agency, value=2)
    return perception_round


def test_an_employee_fills_the_questionnaire_then_sees_only_that_they_answered(
    client: Client, personas: Personas
) -> None:
    make_perception_round(title="Survei Persepsi 2026")
    client.force_login(personas.employee)
    page = client.get(INDEX)
    text = page_text(page.content)
    assert "Saya tahu dengan jelas target kinerja" in text
    assert page.content.count(b'type="radio"') == 15 * 5
    assert b"<fieldset" in page.content
    posted = client.post(INDEX, ANSWERED | {"remark": "Perlu sosialisasi"}, follow=True)
    text = page_text(posted.content)
    assert "Terima kasih" in text
    assert "Anda sudah mengisi survei persepsi" in text
    assert b'type="radio"' not in posted.content
    assert PerceptionResponse.objects.count() == 1


def test_a_missing_item_shows_the_form_again_naming_it(client: Client, personas: Personas) -> None:
    make_perception_round()
    client.force_login(personas.employee)
    data = dict(ANSWERED)
    del data["P03"]
    page = client.post(INDEX, data)
    assert page.status_code == 400
    assert "P03 belum dijawab" in page_text(page.content)
    assert not PerceptionResponse.objects.exists()


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_everyone_logged_in_sees_the_survey_page(
    client: Client, personas: Personas, name: str
) -> None:
    make_perception_round()
    client.force_login(personas.all()[name])
    page = client.get(INDEX)
    assert page.status_code == 200
    has_form = b'type="radio"' in page.content
    assert has_form == (name in {"employee", "supervisor", "appraiser_superior"})


def test_anonymous_is_sent_to_log_in(client: Client) -> None:
    assert client.get(INDEX).status_code == 302
    assert client.get(RESULTS).status_code == 302


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_results_are_read_by_the_city_readers_and_agency_admins_only(
    client: Client, personas: Personas, name: str
) -> None:
    _closed_with_small_and_big_agency(personas)
    client.force_login(personas.all()[name])
    page = client.get(RESULTS)
    allowed = name in CITY_READERS | {"agency_admin", "other_admin"}
    assert page.status_code == (200 if allowed else 403)


def test_an_agency_admin_reads_only_their_agency_and_the_city(
    client: Client, personas: Personas
) -> None:
    perception_round = _closed_with_small_and_big_agency(personas)
    client.force_login(personas.other_admin)
    text = page_text(client.get(f"{RESULTS}?putaran={perception_round.pk}").content)
    assert personas.other_agency.name in text
    assert personas.agency.name not in text
    refused = client.get(
        f"{RESULTS}?putaran={perception_round.pk}&perangkat_daerah={personas.agency.pk}"
    )
    assert refused.status_code == 403


def test_acceptance_an_agency_of_4_responses_shows_no_figure_and_no_count(
    client: Client, personas: Personas
) -> None:
    """ACCEPTANCE 1 (page): 4 responses → "kurang dari 5 responden", neither n nor figures;
    5 responses → n and indices."""
    perception_round = _closed_with_small_and_big_agency(personas)
    client.force_login(personas.hr_admin)
    url = f"{RESULTS}?putaran={perception_round.pk}&perangkat_daerah={personas.agency.pk}"
    page = client.get(url)
    html = page.content.decode()
    small_row = _row(html, personas.agency.name, "per-opd")
    assert "kurang dari 5 responden" in small_row
    assert "100,0" not in small_row
    assert ">4<" not in small_row
    big_row = _row(html, personas.other_agency.name, "per-opd")
    assert ">5<" in big_row
    assert "25,0" in big_row
    assert "100,0" not in html  # the 4 answers of 5 never show, not even in a theme count
    themes = _table(html, "tema")
    assert "kurang dari 5 responden" in themes  # the small agency's theme counts are hidden
    assert "penerimaan rendah" in big_row


def test_the_appraiser_grouping_hides_a_group_of_4(client: Client, personas: Personas) -> None:
    perception_round = make_perception_round(state=RoundState.CLOSED)
    make_perception_responses(perception_round, count=4, agency=personas.agency, is_appraiser=True)
    make_perception_responses(perception_round, count=6, agency=personas.agency, value=3)
    client.force_login(personas.leader)
    table = _table(
        client.get(f"{RESULTS}?putaran={perception_round.pk}").content.decode(), "per-peran"
    )
    assert table.count("kurang dari 5 responden") == 1
    assert ">6<" in table
    assert ">4<" not in table


def test_an_open_round_shows_only_its_response_count(client: Client, personas: Personas) -> None:
    perception_round = make_perception_round()
    make_perception_responses(perception_round, count=7, agency=personas.agency)
    client.force_login(personas.hr_admin)
    page = client.get(f"{RESULTS}?putaran={perception_round.pk}")
    text = page_text(page.content)
    assert "Hasil ditampilkan setelah putaran ditutup" in text
    assert 'data-testid="per-opd"' not in page.content.decode()


def test_the_results_page_costs_the_same_queries_for_2_and_20_agencies(
    client: Client, personas: Personas
) -> None:
    perception_round = _closed_with_small_and_big_agency(personas)
    client.force_login(personas.hr_admin)
    url = f"{RESULTS}?putaran={perception_round.pk}"
    few = page_query_count(client, url)
    for n in range(18):
        agency = make_agency(name=f"Kelurahan Uji {n}")
        make_perception_responses(perception_round, count=5, agency=agency, remark="Sip")
    assert Agency.objects.count() >= 20
    assert page_query_count(client, url) == few


def test_bkpsdm_opens_and_closes_a_round_through_the_pages(
    client: Client, personas: Personas
) -> None:
    from kinerja.periods.testing import make_period

    period = make_period(is_trial=True)
    client.force_login(personas.hr_admin)
    assert client.get(ROUNDS).status_code == 200
    posted = client.post(
        ROUNDS,
        {
            "period": period.pk,
            "title": "Survei Uji",
            "opens_on": "01-01-2026",
            "closes_on": "31-12-2026",
        },
    )
    assert posted.status_code == 302
    perception_round = PerceptionRound.objects.get(title="Survei Uji")
    close_url = f"{ROUNDS}{perception_round.pk}/tutup/"
    assert "Tutup putaran ini?" in page_text(client.get(close_url).content)
    assert client.post(close_url).status_code == 302
    perception_round.refresh_from_db()
    assert perception_round.state == RoundState.CLOSED


@pytest.mark.parametrize("name", sorted(set(PERSONA_NAMES) - {"hr_admin"}))
def test_only_bkpsdm_manages_rounds(client: Client, personas: Personas, name: str) -> None:
    perception_round = make_perception_round()
    client.force_login(personas.all()[name])
    assert client.get(ROUNDS).status_code == 403
    assert client.post(f"{ROUNDS}{perception_round.pk}/tutup/").status_code == 403
    perception_round.refresh_from_db()
    assert perception_round.state == RoundState.OPEN


def test_the_home_card_asks_an_employee_until_they_answer(
    client: Client, personas: Personas
) -> None:
    perception_round = make_perception_round()
    cards = cards_for(personas.employee)
    assert [c.title for c in cards] == ["Isi survei persepsi"]
    assert cards[0].kind == CardKind.TASK
    assert cards[0].due == perception_round.closes_on
    assert [c.title for c in cards_for(personas.hr_admin)] == ["Hasil survei persepsi"]
    client.force_login(personas.employee)
    client.post(INDEX, ANSWERED)
    assert cards_for(personas.employee) == []


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("hr_admin", True),
        ("leader", True),
        ("auditor", True),
        ("agency_admin", True),
        ("employee", False),
        ("supervisor", False),
        ("outsider", False),
    ],
)
def test_the_results_are_a_place_on_the_home_page_of_those_who_read_them(
    personas: Personas, name: str, shown: bool
) -> None:
    cards = [c for c in cards_for(personas.all()[name]) if c.title == "Hasil survei persepsi"]
    assert len(cards) == (1 if shown else 0)
    assert all(c.kind == CardKind.PLACE for c in cards)


def _table(html: str, testid: str) -> str:
    start = html.index(f'data-testid="{testid}"')
    return html[start : html.index("</table>", start)]


def _row(html: str, name: str, testid: str) -> Any:
    table = _table(html, testid)
    start = table.index(name)
    return table[start : table.index("</tr>", start)]
