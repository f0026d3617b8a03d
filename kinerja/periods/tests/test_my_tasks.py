"""Admin BKPSDM's home says what the periods need; nobody else gets a period card here."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from kinerja.core.testing import page_text
from kinerja.people.testing import Personas
from kinerja.periods.models import PeriodState
from kinerja.periods.testing import make_period

pytestmark = pytest.mark.django_db


def home(client: Client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return page_text(response.content)


def test_bkpsdm_is_asked_to_open_this_years_period_when_none_covers_today(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.hr_admin)
    text = home(client)
    assert f"Periode penilaian {date.today().year} belum dibuka" in text
    assert 'href="/periode/buka/"' in client.get("/").content.decode()


def test_bkpsdm_sees_the_current_period_and_its_deadlines(
    client: Client, personas: Personas
) -> None:
    year = date.today().year
    make_period(year=year, state=PeriodState.EXECUTION)
    client.force_login(personas.hr_admin)
    text = home(client)
    assert f"Periode penilaian {year} belum dibuka" not in text
    assert (
        f"Periode Penilaian {year}: tahap Pelaksanaan. Batas penetapan SKP 31 Januari {year}; "
        f"batas evaluasi tahunan 31 Januari {year + 1}."
    ) in text


def test_bkpsdm_is_asked_to_move_on_a_period_whose_dates_have_passed(
    client: Client, personas: Personas
) -> None:
    year = date.today().year
    old = make_period(year=year - 1, state=PeriodState.EXECUTION)
    make_period(year=year, state=PeriodState.PLANNING)
    client.force_login(personas.hr_admin)
    text = home(client)
    assert f"Periode Penilaian {year - 1} sudah berakhir" in text
    assert f'href="/periode/{old.pk}/tahap/"' in client.get("/").content.decode()


@pytest.mark.parametrize("name", ["employee", "agency_admin", "leader", "auditor", "outsider"])
def test_other_roles_get_no_period_card(client: Client, personas: Personas, name: str) -> None:
    make_period(year=date.today().year - 1, state=PeriodState.EXECUTION)
    client.force_login(personas.all()[name])
    text = home(client)
    assert "sudah berakhir" not in text
    assert "Buka periode" not in text
