"""The inbox pages: each user sees only their own notifications."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.core.testing import page_text
from kinerja.notifications.models import Channel, Notification, NotificationPreference
from kinerja.notifications.testing import make_notification
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db

INBOX = "/kotak-masuk/"


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


@pytest.mark.parametrize(
    "persona",
    ["employee", "supervisor", "appraiser_superior", "agency_admin", "other_admin", "hr_admin",
     "leader", "auditor", "outsider"],
)  # fmt: skip
def test_every_persona_sees_only_their_own_inbox_and_gets_404_for_anothers_notification(
    personas: Personas, persona: str
) -> None:
    user = personas.all()[persona]
    make_notification(recipient=user, title="Punya saya")
    someone_else = personas.supervisor if persona == "employee" else personas.employee
    private = make_notification(recipient=someone_else, title="Rahasia orang lain")
    client = _client(user)
    text = page_text(client.get(INBOX).content)
    assert "Punya saya" in text
    assert "Rahasia" not in text
    assert client.get(reverse("notifications:open", args=[private.pk])).status_code == 404
    private.refresh_from_db()
    assert private.read_at is None


def test_a_visitor_is_sent_to_the_login_page() -> None:
    response = Client().get(INBOX)
    assert response.status_code == 302
    assert "/akun/masuk/" in response["Location"]


def test_unread_come_first_with_kind_and_indonesian_date(personas: Personas) -> None:
    make_notification(recipient=personas.employee, title="Lama belum dibaca")
    make_notification(recipient=personas.employee, title="Baru sudah dibaca", read=True)
    text = page_text(_client(personas.employee).get(INBOX).content)
    assert text.index("Lama belum dibaca") < text.index("Baru sudah dibaca")
    assert "Belum dibaca" in text
    assert "SKP disetujui" in text
    assert " pukul " in text
    assert "1 belum dibaca" in text


def test_the_inbox_costs_the_same_queries_at_any_size(personas: Personas) -> None:
    client = _client(personas.employee)
    counts = []
    for size in (3, 60):
        Notification.objects.all().delete()
        for n in range(size):
            make_notification(recipient=personas.employee, title=f"Pemberitahuan {n}")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(INBOX).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_opening_marks_read_and_goes_to_the_address(personas: Personas) -> None:
    notification = make_notification(recipient=personas.employee, url="/skp/")
    response = _client(personas.employee).get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/skp/"
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.parametrize("url", ["https://jahat.example/", "//jahat.example/x", ""])
def test_an_address_off_the_site_leads_back_to_the_inbox(personas: Personas, url: str) -> None:
    notification = make_notification(recipient=personas.employee, url=url)
    response = _client(personas.employee).get(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == INBOX


def test_mark_all_read_is_a_post(personas: Personas) -> None:
    make_notification(recipient=personas.employee)
    client = _client(personas.employee)
    assert client.get(reverse("notifications:mark_all_read")).status_code == 405
    response = client.post(reverse("notifications:mark_all_read"), follow=True)
    assert "1 pemberitahuan ditandai sudah dibaca." in page_text(response.content)
    assert not Notification.objects.filter(read_at=None).exists()


def test_the_channel_choice_page_saves_inbox_only(personas: Personas) -> None:
    client = _client(personas.employee)
    page = page_text(client.get(reverse("notifications:preference")).content)
    assert "Kotak masuk dan email" in page
    assert "Kotak masuk saja" in page
    response = client.post(
        reverse("notifications:preference"), {"channel": Channel.INBOX_ONLY}, follow=True
    )
    assert "Pilihan pemberitahuan disimpan: Kotak masuk saja." in page_text(response.content)
    assert NotificationPreference.objects.get(user=personas.employee).channel == "INBOX_ONLY"


def test_a_bad_channel_is_refused_on_the_page_and_nothing_is_saved(personas: Personas) -> None:
    response = _client(personas.employee).post(
        reverse("notifications:preference"), {"channel": "SMS"}
    )
    assert response.status_code == 400
    assert not NotificationPreference.objects.exists()


def test_the_unread_count_is_an_htmx_fragment_and_otherwise_the_inbox(personas: Personas) -> None:
    make_notification(recipient=personas.employee)
    make_notification(recipient=personas.employee)
    make_notification(recipient=personas.supervisor)
    client = _client(personas.employee)
    url = reverse("notifications:unread_count")
    fragment = client.get(url, headers={"HX-Request": "true"})
    assert page_text(fragment.content) == "2 belum dibaca"
    assert client.get(url)["Location"] == INBOX
    Notification.objects.update(read_at="2026-01-01T00:00Z")
    assert page_text(client.get(url, headers={"HX-Request": "true"}).content) == ""


def test_every_page_loads_the_badge_lazily_from_the_navigation(personas: Personas) -> None:
    html = _client(personas.employee).get("/").content.decode()
    assert 'hx-get="/kotak-masuk/jumlah/"' in html
    assert 'hx-trigger="load"' in html
