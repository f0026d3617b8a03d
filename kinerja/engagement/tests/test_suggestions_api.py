"""The suggestion box API (/api/v1/suggestions/): the public answered ones without the author,
sending one (refusals per field in Indonesian), mine."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.engagement.models import Suggestion, SuggestionState
from kinerja.engagement.testing import make_suggestion
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

URL = "/api/v1/suggestions/"


def test_anonymous_gets_401_or_403(client: Client) -> None:
    assert client.get(URL).status_code in (401, 403)
    assert client.post(URL, {"title": "X", "body": "Y"}).status_code in (401, 403)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_everyone_reads_the_answered_suggestions_without_the_author(
    client: Client, personas: Personas, name: str
) -> None:
    make_suggestion(title="Publik", state=SuggestionState.ANSWERED, author=personas.employee)
    make_suggestion(title="Menunggu", author=personas.employee)
    client.force_login(personas.all()[name])
    body = client.get(URL).json()
    assert [row["title"] for row in body["results"]] == ["Publik"]
    assert "author" not in body["results"][0]


def test_sending_a_suggestion_answers_201(client: Client, personas: Personas) -> None:
    client.force_login(personas.supervisor)
    response = client.post(URL, {"title": "Ekspor", "body": "Tambah ekspor.", "page": "Laporan"})
    assert response.status_code == 201
    assert response.json()["state"] == "SUBMITTED"
    assert Suggestion.objects.get().author == personas.supervisor


def test_a_bad_suggestion_is_refused_by_field_in_indonesian(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)
    response = client.post(URL, {"title": "x" * 151, "body": ""})
    assert response.status_code == 400
    assert response.json()["title"] == ["Judul paling banyak 150 karakter."]
    assert response.json()["body"] == ["Saran wajib diisi."]


def test_mine_lists_only_my_suggestions_with_their_state(
    client: Client, personas: Personas
) -> None:
    make_suggestion(title="Punya saya", author=personas.employee, state=SuggestionState.DECLINED)
    make_suggestion(title="Punya orang lain", author=personas.supervisor)
    client.force_login(personas.employee)
    rows = client.get(f"{URL}mine/").json()["results"]
    assert [(row["title"], row["state_label"]) for row in rows] == [
        ("Punya saya", "Tidak ditayangkan")
    ]
