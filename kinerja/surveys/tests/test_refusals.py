"""The refused submissions of a unit (/skm/<slug>/penolakan/): counts per day and reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.core.testing import headings, page_text
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import AGENCY_READERS, Personas
from kinerja.surveys.models import RefusalReason, SubmissionRefusal
from kinerja.surveys.testing import make_service_unit

pytestmark = pytest.mark.django_db

READERS = AGENCY_READERS


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit, name="Loket KTP", slug="loket-ktp")


def refused(unit: ServiceUnit, days_ago: int, reason: str, count: int) -> None:
    SubmissionRefusal.objects.create(
        service_unit=unit,
        day=timezone.localdate() - timedelta(days=days_ago),
        reason=reason,
        count=count,
    )


def test_the_page_shows_counts_per_day_and_reason_of_the_last_30_days(
    client: Client, personas: Personas, unit: ServiceUnit
) -> None:
    refused(unit, 0, RefusalReason.RATE_LIMIT, 1250)
    refused(unit, 0, RefusalReason.HONEYPOT, 3)
    refused(unit, 2, RefusalReason.TOKEN_REUSED, 2)
    refused(unit, 31, RefusalReason.DUPLICATE, 99)  # too old to show
    client.force_login(personas.agency_admin)
    response = client.get(f"/skm/{unit.slug}/penolakan/")
    assert response.status_code == 200
    assert "Kiriman survei yang ditolak" in headings(response.content)
    text = page_text(response.content)
    assert "1.255 kiriman ditolak" in text  # the refusals of 31 days ago are not counted
    assert "Melewati batas kiriman per alamat" in text
    assert "1.250" in text
    assert "Token formulir dipakai ulang" in text
    assert text.index("Melewati batas kiriman per alamat") < text.index("Kolom jebakan terisi")


def test_a_unit_without_refusals_says_so(
    client: Client, personas: Personas, unit: ServiceUnit
) -> None:
    client.force_login(personas.supervisor)
    text = page_text(client.get(f"/skm/{unit.slug}/penolakan/").content)
    assert "Tidak ada kiriman yang ditolak" in text


def test_the_page_costs_the_same_queries_for_few_and_many_rows(
    client: Client, personas: Personas, unit: ServiceUnit
) -> None:
    client.force_login(personas.agency_admin)
    refused(unit, 1, RefusalReason.HONEYPOT, 1)
    client.get(f"/skm/{unit.slug}/penolakan/")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/skm/{unit.slug}/penolakan/")
    for days_ago in range(2, 30):
        for reason in RefusalReason:
            refused(unit, days_ago, reason, days_ago)
    with CaptureQueriesContext(connection) as many:
        response = client.get(f"/skm/{unit.slug}/penolakan/")
    assert response.status_code == 200
    assert len(many) == len(few)


@pytest.mark.parametrize(
    "name",
    ["employee", "supervisor", "appraiser_superior", "agency_admin", "other_admin", "hr_admin",
     "leader", "auditor", "outsider"],
)  # fmt: skip
def test_unit_staff_and_readers_of_the_agency_see_the_refusals(
    client: Client, personas: Personas, unit: ServiceUnit, name: str
) -> None:
    refused(unit, 0, RefusalReason.HONEYPOT, 7)
    client.force_login(personas.all()[name])
    response = client.get(f"/skm/{unit.slug}/penolakan/")
    assert response.status_code == (200 if name in READERS else 403)
    assert ("Kolom jebakan terisi" in page_text(response.content)) == (name in READERS)


def test_anonymous_visitors_are_sent_to_login_and_unknown_units_are_404(
    client: Client, personas: Personas
) -> None:
    assert client.get("/skm/loket-x/penolakan/").status_code == 302
    client.force_login(personas.hr_admin)
    assert client.get("/skm/tidak-ada/penolakan/").status_code == 404
