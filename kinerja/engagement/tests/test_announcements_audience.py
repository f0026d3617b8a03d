"""Who an announcement reaches: one rule from both sides (the reader's list and the read rates'
audience), at every entrance (home notice, list, detail, API), and the read rates it counts.
Holds the issue's acceptance: an announcement to one agency reaches only its people, and the
read rate counts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from kinerja.core.testing import page_text
from kinerja.engagement.home.announcements import notices_for
from kinerja.engagement.models import Announcement, Audience, AudienceRole
from kinerja.engagement.selectors.announcements import (
    announcement_list_for_actor,
    audience_users,
    read_rates_for_actor,
)
from kinerja.engagement.testing import make_announcement, make_member, make_read
from kinerja.organization.models import Unit
from kinerja.people.holdings import today
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db


def _reaches(item: Announcement, user: Any) -> bool:
    return announcement_list_for_actor(actor=user).filter(pk=item.pk).exists()


def _both_sides_agree(item: Announcement, personas: Personas, *extra: Any) -> set[str]:
    """The personas reached, after checking that both sides of the rule say the same."""
    users = {**personas.all(), **{f"extra{i}": user for i, user in enumerate(extra)}}
    addressed = set(audience_users(item).values_list("pk", flat=True))
    reached = set()
    for name, user in users.items():
        assert _reaches(item, user) == (user.pk in addressed), name
        if user.pk in addressed:
            reached.add(name)
    return reached


def test_acceptance_an_announcement_to_one_agency_reaches_only_its_people_and_the_read_rate_counts(
    client: Client, personas: Personas
) -> None:
    other_employee = make_member(
        agency=personas.other_agency, supervisor=personas.staff.other_head_post
    )
    item = make_announcement(
        title="Sosialisasi SKP Dukcapil", audience=Audience.AGENCY, agency=personas.agency
    )
    detail = f"/pengumuman/{item.pk}/"
    api = f"/api/v1/announcements/{item.pk}/"

    # the agency's employee: home notice, list, detail, API
    assert [n.title for n in notices_for(personas.employee)] == [
        "Pengumuman: Sosialisasi SKP Dukcapil"
    ]
    client.force_login(personas.employee)
    assert "Sosialisasi SKP Dukcapil" in page_text(client.get("/pengumuman/").content)
    listed = client.get("/api/v1/announcements/").json()
    assert [row["title"] for row in listed["results"]] == ["Sosialisasi SKP Dukcapil"]
    assert listed["results"][0]["is_read"] is False
    assert client.get(api).status_code == 200
    assert client.get(detail).status_code == 200  # opening it marks it read
    assert notices_for(personas.employee) == []

    # an employee of another agency: nothing, 404
    assert notices_for(other_employee) == []
    client.force_login(other_employee)
    assert "Sosialisasi SKP Dukcapil" not in page_text(client.get("/pengumuman/").content)
    assert client.get("/api/v1/announcements/").json()["count"] == 0
    assert client.get(detail).status_code == 404
    assert client.get(api).status_code == 404

    # the read rate: 1 of the agency's people has read it; no other agency's row
    rates = read_rates_for_actor(actor=personas.hr_admin, announcement=item)
    addressed = audience_users(item).count()
    assert addressed == 4  # Agus, Sri, Dewi Kabid (the head has no login) and the Admin OPD
    assert [(row.agency_id, row.read, row.audience) for row in rates.rows] == [
        (personas.agency.pk, 1, addressed)
    ]
    client.force_login(personas.hr_admin)
    response = client.get(f"/pengumuman/{item.pk}/tingkat-baca/")
    assert response.status_code == 200, response.content[:3000]
    text = page_text(response.content)
    assert personas.agency.name in text
    assert personas.other_agency.name not in text
    assert "25,0%" in text


def test_a_city_announcement_reaches_every_active_user(personas: Personas) -> None:
    item = make_announcement()
    assert _both_sides_agree(item, personas) == set(PERSONA_NAMES)
    personas.outsider.is_active = False
    personas.outsider.save()
    assert not _reaches(item, personas.outsider)
    assert not audience_users(item).filter(pk=personas.outsider.pk).exists()


def test_an_agency_announcement_reaches_its_employees_and_its_admin(personas: Personas) -> None:
    item = make_announcement(audience=Audience.AGENCY, agency=personas.agency)
    assert _both_sides_agree(item, personas) == {
        "employee", "supervisor", "appraiser_superior", "agency_admin",
    }  # fmt: skip


def test_a_unit_announcement_reaches_the_posts_of_the_unit_and_its_sub_units(
    personas: Personas,
) -> None:
    section = Unit.objects.create(
        agency=personas.agency, parent=personas.staff.unit, code="seksi-x", name="Seksi X"
    )
    below = make_member(agency=personas.agency, unit=section, supervisor=personas.staff.kasi_post)
    elsewhere = make_member(agency=personas.agency, supervisor=personas.staff.head_post)
    item = make_announcement(audience=Audience.UNIT, unit=personas.staff.unit)
    reached = _both_sides_agree(item, personas, below, elsewhere)
    assert reached == {"employee", "supervisor", "appraiser_superior", "extra0"}
    narrow = make_announcement(audience=Audience.UNIT, unit=section)
    assert _both_sides_agree(narrow, personas, below, elsewhere) == {"extra0"}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (AudienceRole.ATASAN, {"supervisor", "appraiser_superior"}),
        (AudienceRole.PEGAWAI, {"employee", "supervisor", "appraiser_superior"}),
        (AudienceRole.ADMIN_OPD, {"agency_admin", "other_admin"}),
        (AudienceRole.PIMPINAN, {"leader"}),
    ],
)
def test_a_role_announcement_follows_the_roles_of_the_day(
    personas: Personas, role: str, expected: set[str]
) -> None:
    item = make_announcement(audience=Audience.ROLE, role=role)
    assert _both_sides_agree(item, personas) == expected


def test_drafts_future_and_expired_announcements_reach_nobody(personas: Personas) -> None:
    for item in [
        make_announcement(published=False),
        make_announcement(published_at=timezone.now() + timedelta(hours=1)),
        make_announcement(expires_on=today() - timedelta(days=1)),
    ]:
        assert not _reaches(item, personas.employee)
    assert _reaches(make_announcement(expires_on=today()), personas.employee)


def test_the_home_shows_three_unread_important_first_and_a_link_to_the_others(
    personas: Personas, django_assert_max_num_queries: Any
) -> None:
    items = [make_announcement(title=f"Biasa {i}") for i in range(4)]
    make_announcement(title="Penting sekali", is_important=True)
    make_read(items[0], personas.employee)
    with django_assert_max_num_queries(2):
        notices = notices_for(personas.employee)
    assert notices[0].title == "Penting: Penting sekali"
    assert len(notices) == 4
    assert notices[-1].title == "1 pengumuman lain belum dibaca"
    assert notices[0].dismiss_label == "Tandai sudah dibaca"


def test_the_home_notices_cost_the_same_for_many_announcements(
    personas: Personas, django_assert_max_num_queries: Any
) -> None:
    for i in range(20):
        make_announcement(title=f"Pengumuman {i}")
    with django_assert_max_num_queries(2):
        assert len(notices_for(personas.supervisor)) == 4


def test_an_agency_admin_sees_only_their_agencys_row_of_a_city_announcement(
    personas: Personas,
) -> None:
    item = make_announcement()
    make_read(item, personas.employee)
    make_read(item, personas.other_admin)
    all_rows = read_rates_for_actor(actor=personas.hr_admin, announcement=item).rows
    assert {row.agency_id for row in all_rows} >= {personas.agency.pk, personas.other_agency.pk}
    assert all_rows[-1].read >= all_rows[0].read  # lowest rate first
    mine = read_rates_for_actor(actor=personas.agency_admin, announcement=item)
    assert [(row.agency_id, row.read) for row in mine.rows] == [(personas.agency.pk, 1)]
    assert mine.total.audience == mine.rows[0].audience
