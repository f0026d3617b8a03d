"""The demo seeds of announcements and the suggestion box: what the brief promises (Agus sees
the Dukcapil announcement on his home page, rates not zero, 3 answered suggestions and 1
waiting), and a second run changes nothing."""

from __future__ import annotations

import pytest

from kinerja.accounts.demo_identities import DEMO_AGENCY_ADMIN, DUKCAPIL_CODE
from kinerja.core.demo import DemoOptions
from kinerja.engagement.demo import announcements, suggestions
from kinerja.engagement.home.announcements import notices_for
from kinerja.engagement.home.suggestions import cards_for
from kinerja.engagement.models import Announcement, AnnouncementRead, Audience, Suggestion
from kinerja.engagement.testing import make_member
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_four_announcements_and_four_suggestions_once(personas: Personas) -> None:
    personas.agency.code = DUKCAPIL_CODE
    personas.agency.save(update_fields=["code"])
    personas.agency_admin.username = DEMO_AGENCY_ADMIN.username  # the demo's Bayu
    personas.agency_admin.save(update_fields=["username"])
    for _ in range(5):
        make_member(agency=personas.agency, supervisor=personas.staff.kasi_post)
    assert announcements.seed(DemoOptions()) == ["Pengumuman demo: 4 baru."]
    assert suggestions.seed(DemoOptions()) == ["Saran demo: 4 baru."]
    assert announcements.seed(DemoOptions()) == []
    assert suggestions.seed(DemoOptions()) == []

    assert sorted(Announcement.objects.values_list("audience", flat=True)) == sorted(
        [Audience.CITY, Audience.CITY, Audience.AGENCY, Audience.ROLE]
    )
    assert AnnouncementRead.objects.exists()
    assert not AnnouncementRead.objects.filter(user=personas.employee).exists()
    titles = [notice.title for notice in notices_for(personas.employee)]
    assert "Pengumuman: Sosialisasi penyusunan SKP di Dinas Dukcapil" in titles
    assert titles[0].startswith("Penting: ")

    assert Suggestion.objects.filter(state="ANSWERED").count() == 3
    assert [card.title for card in cards_for(personas.hr_admin)] == ["1 saran menunggu jawaban"]
