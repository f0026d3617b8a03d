"""Home notices: what an app above core shows above the cards until the user deals with it
(an unread announcement, the tour invitation), registered like task providers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client

from kinerja.core import my_tasks
from kinerja.core.my_tasks import HomeNotice, home_cards_for, home_notice_provider_register
from kinerja.core.testing import page_text
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample_notice() -> Iterator[None]:
    def provider(user: object) -> list[HomeNotice]:
        return [
            HomeNotice(
                key="contoh",
                title="Pengumuman contoh",
                body_html="<p>Isi singkat.</p>",
                url="/contoh/",
                action_label="Baca",
                dismiss_url="/contoh/baca/",
                dismiss_label="Tandai sudah dibaca",
            )
        ]

    home_notice_provider_register(provider)
    home_notice_provider_register(provider)  # registering twice keeps one
    try:
        yield
    finally:
        my_tasks._notice_providers.remove(provider)


def test_registered_notices_reach_the_home_cards_once(
    personas: Personas, sample_notice: None
) -> None:
    notices = home_cards_for(personas.outsider).notices
    assert [n.title for n in notices].count("Pengumuman contoh") == 1


def test_the_home_page_shows_the_notice_with_its_action_and_dismiss_form(
    client: Client, personas: Personas, sample_notice: None
) -> None:
    client.force_login(personas.outsider)
    body = client.get("/").content.decode()
    text = page_text(body)
    assert "Pengumuman contoh" in text
    assert "Isi singkat." in text
    assert 'href="/contoh/"' in body
    assert 'action="/contoh/baca/"' in body
    assert "Tandai sudah dibaca" in text
