"""Tim saya: a supervisor's subordinates, with links to what the supervisor may open."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.people.models import Assignment
from kinerja.people.testing import Personas, bulk_staff

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("employee", "Anda tidak membawahi pegawai"),
        ("agency_admin", "belum terhubung"),
        ("other_admin", "belum terhubung"),
        ("hr_admin", "belum terhubung"),
        ("leader", "belum terhubung"),
        ("auditor", "belum terhubung"),
        ("outsider", "belum terhubung"),
    ],
)
def test_my_team_shows_only_the_askers_own_team(
    client: Client, personas: Personas, name: str, says: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get("/pegawai/tim-saya/")
    assert response.status_code == 200
    body = response.content.decode()
    assert says in body
    assert 'data-testid="team"' not in body  # nobody's subordinates are listed


def test_supervisor_sees_subordinates_with_a_link_to_their_profile(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.supervisor)
    body = client.get("/pegawai/tim-saya/").content.decode()
    assert "Agus Wibowo" in body
    assert "Pengolah Data" in body
    assert f'href="/pegawai/{personas.staff.employee.pk}/"' in body


def test_supervisor_may_open_a_subordinates_profile_but_not_anyone_elses(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.supervisor)
    assert client.get(f"/pegawai/{personas.staff.employee.pk}/").status_code == 200
    assert client.get(f"/pegawai/{personas.staff.kabid.pk}/").status_code == 404
    assert client.get(f"/pegawai/{personas.staff.other_head.pk}/").status_code == 404
    client.force_login(personas.employee)
    assert client.get(f"/pegawai/{personas.staff.supervisor.pk}/").status_code == 404


def test_when_the_supervising_post_falls_vacant_the_team_and_the_profile_pass_up_together(
    client: Client, personas: Personas
) -> None:
    # Sri leaves Kepala Seksi Identitas yesterday: Agus is now in Dewi Kabid's team, not hers.
    Assignment.objects.filter(employee=personas.staff.supervisor).update(
        end_date=timezone.localdate() - timedelta(days=1)
    )
    agus = personas.staff.employee
    client.force_login(personas.appraiser_superior)
    body = client.get("/pegawai/tim-saya/").content.decode()
    assert f'href="/pegawai/{agus.pk}/"' in body
    assert client.get(f"/pegawai/{agus.pk}/").status_code == 200
    client.force_login(personas.supervisor)
    assert agus.name not in client.get("/pegawai/tim-saya/").content.decode()
    assert client.get(f"/pegawai/{agus.pk}/").status_code == 404


def test_supervisors_own_profile_leads_to_my_team(client: Client, personas: Personas) -> None:
    client.force_login(personas.supervisor)
    body = client.get("/pegawai/saya/").content.decode()
    assert 'href="/pegawai/tim-saya/"' in body


def _queries(client: Client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/pegawai/tim-saya/")
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_my_team_costs_the_same_queries_for_1_and_30_subordinates(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.supervisor)
    small, _ = _queries(client)
    bulk_staff(
        agency=personas.agency,
        supervisor=personas.staff.kasi_post,
        unit=personas.staff.unit,
        count=29,
    )
    large, body = _queries(client)
    assert body.count("Profil dan riwayat jabatan") == 30
    assert large == small
