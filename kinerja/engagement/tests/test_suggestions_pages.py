"""Suggestion box pages: the public answers (never the author's name) and the form, mine, one
suggestion (public when answered, else author and BKPSDM, 404 otherwise), the BKPSDM inbox and
answer form, the BKPSDM home card; a test per persona."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from kinerja.accounts.testing import make_user
from kinerja.core.testing import page_text
from kinerja.engagement.home.suggestions import cards_for
from kinerja.engagement.models import Suggestion, SuggestionState
from kinerja.engagement.testing import make_suggestion
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_everyone_reads_the_answered_suggestions_without_the_authors_name(
    client: Client, personas: Personas, name: str
) -> None:
    author = make_user(full_name="Penulis Rahasia")
    make_suggestion(title="Contoh indikator", author=author,
                    state=SuggestionState.ANSWERED, answer="Sudah ada di Bantuan.")  # fmt: skip
    make_suggestion(title="Masih menunggu", author=personas.supervisor)
    make_suggestion(title="Urusan pribadi", author=personas.supervisor,
                    state=SuggestionState.DECLINED)  # fmt: skip
    client.force_login(personas.all()[name])
    text = page_text(client.get("/kotak-saran/").content)
    assert "Contoh indikator" in text
    assert "Sudah ada di Bantuan." in text
    assert "Masih menunggu" not in text
    assert "Urusan pribadi" not in text
    assert "Penulis Rahasia" not in text


def test_anonymous_visitors_are_sent_to_the_login(client: Client) -> None:
    assert client.get("/kotak-saran/").status_code == 302


def test_sending_a_suggestion_from_the_page(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    response = client.post("/kotak-saran/", {"title": "Ponsel", "body": "Perbesar kotak teks."})
    assert response.status_code == 302
    assert Suggestion.objects.get().author == personas.employee
    assert "Ponsel" in page_text(client.get("/kotak-saran/saya/").content)


def test_an_empty_suggestion_is_refused_on_the_form(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    response = client.post("/kotak-saran/", {"title": "", "body": ""})
    assert response.status_code == 400
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_a_waiting_suggestion_opens_for_its_author_and_bkpsdm_only(
    client: Client, personas: Personas, name: str
) -> None:
    item = make_suggestion(author=personas.employee)
    client.force_login(personas.all()[name])
    expected = 200 if name in {"employee", "hr_admin"} else 404
    assert client.get(f"/kotak-saran/{item.pk}/").status_code == expected


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_an_answered_suggestion_opens_for_everyone(
    client: Client, personas: Personas, name: str
) -> None:
    item = make_suggestion(author=personas.employee, state=SuggestionState.ANSWERED)
    client.force_login(personas.all()[name])
    response = client.get(f"/kotak-saran/{item.pk}/")
    assert response.status_code == 200
    if name not in {"employee", "hr_admin"}:
        assert "Agus" not in page_text(response.content)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_bkpsdm_opens_the_inbox_and_the_answer_form(
    client: Client, personas: Personas, name: str
) -> None:
    item = make_suggestion(author=personas.employee)
    client.force_login(personas.all()[name])
    inbox = client.get("/kotak-saran/kelola/").status_code
    answer = client.get(f"/kotak-saran/{item.pk}/jawab/").status_code
    if name == "hr_admin":
        assert (inbox, answer) == (200, 200)
    elif name == "employee":
        assert (inbox, answer) == (403, 403)
    else:
        assert (inbox, answer) == (403, 404)


def test_bkpsdm_answers_from_the_form_and_the_answer_is_public(
    client: Client, personas: Personas
) -> None:
    item = make_suggestion(title="Ekspor", author=personas.employee)
    client.force_login(personas.hr_admin)
    assert "Ekspor" in page_text(client.get("/kotak-saran/kelola/").content)
    response = client.post(
        f"/kotak-saran/{item.pk}/jawab/", {"answer": "Sudah tersedia.", "publish": "ya"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.state == SuggestionState.ANSWERED
    client.force_login(personas.outsider)
    assert "Sudah tersedia." in page_text(client.get("/kotak-saran/").content)


def test_answering_twice_is_refused_on_the_form(client: Client, personas: Personas) -> None:
    item = make_suggestion(state=SuggestionState.DECLINED)
    client.force_login(personas.hr_admin)
    response = client.post(f"/kotak-saran/{item.pk}/jawab/", {"answer": "Lagi", "publish": "ya"})
    assert response.status_code == 400
    assert "sudah dijawab" in page_text(response.content)


def test_the_inbox_filters_by_state(client: Client, personas: Personas) -> None:
    make_suggestion(title="Saran yang menunggu")
    make_suggestion(title="Saran yang beres", state=SuggestionState.ANSWERED)
    client.force_login(personas.hr_admin)
    waiting = page_text(client.get("/kotak-saran/kelola/").content)
    assert "Saran yang menunggu" in waiting
    assert "Saran yang beres" not in waiting
    answered = page_text(client.get("/kotak-saran/kelola/?status=ANSWERED").content)
    assert "Saran yang menunggu" not in answered
    assert "Saran yang beres" in answered


def test_bkpsdm_gets_a_home_card_while_suggestions_wait(personas: Personas) -> None:
    assert cards_for(personas.hr_admin) == []
    make_suggestion()
    make_suggestion()
    [card] = cards_for(personas.hr_admin)
    assert card.title == "2 saran menunggu jawaban"
    assert cards_for(personas.employee) == []


def test_the_public_list_costs_the_same_queries_for_2_and_20_suggestions(
    client: Client, personas: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    client.force_login(personas.employee)
    for _ in range(2):
        make_suggestion(state=SuggestionState.ANSWERED, author=personas.supervisor)
    client.get("/kotak-saran/")
    with django_assert_max_num_queries(20) as few:
        client.get("/kotak-saran/")
    for _ in range(18):
        make_suggestion(state=SuggestionState.ANSWERED, author=personas.supervisor)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/kotak-saran/")


def test_the_inbox_costs_the_same_queries_for_2_and_20_suggestions(
    client: Client, personas: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    client.force_login(personas.hr_admin)
    for _ in range(2):
        make_suggestion(author=personas.supervisor)
    client.get("/kotak-saran/kelola/")
    with django_assert_max_num_queries(20) as few:
        client.get("/kotak-saran/kelola/")
    for _ in range(18):
        make_suggestion(author=personas.employee)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/kotak-saran/kelola/")
