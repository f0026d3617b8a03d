"""Relationship permissions: who supervises, appraises, or is the appraiser's superior of whom,
on a date; and the Admin OPD scope over employees by home agency.

One small agency (posts, holders over time):
  Kepala Dinas (JPT, head)        Hadi
    Kepala Bidang (administrator) Kartika
      Kasi Satu (pengawas)        Sari until 30-06-2025, then vacant; Plt Putri from 01-09-2025
        Pengolah Data             Eko
      Kasi Dua (pengawas)         Putri
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from kinerja.accounts.models import User
from kinerja.accounts.testing import make_user
from kinerja.organization.models import PositionKind
from kinerja.people.models import Employee
from kinerja.people.permissions import (
    can_manage_employee,
    is_appraiser_of,
    is_appraiser_superior_of,
    is_in_team_of,
    is_supervisor_of,
    require_manage_employee,
)
from kinerja.people.testing import Personas, assign, make_employee, make_position

START = date(2020, 1, 2)
HELD = date(2025, 3, 1)  # Sari holds Kasi Satu
VACANT = date(2025, 8, 1)  # Kasi Satu vacant
ACTING = date(2025, 10, 1)  # Putri is Plt of Kasi Satu


@dataclass
class Office:
    hadi: User
    kartika: User
    sari: User
    putri: User
    eko: User
    eko_employee: Employee
    hadi_employee: Employee


def _person(name: str) -> tuple[User, Employee]:
    user = make_user(full_name=name)
    employee = make_employee(name=name, user=user)
    return user, employee


@pytest.fixture
def office(personas: Personas) -> Office:
    agency = personas.agency
    head = make_position(agency=agency, name="Kepala Dinas", kind=PositionKind.JPT, head=True)
    kabid = make_position(
        agency=agency, name="Kepala Bidang", kind=PositionKind.ADMINISTRATOR, supervisor=head
    )
    kasi1 = make_position(
        agency=agency, name="Kasi Satu", kind=PositionKind.PENGAWAS, supervisor=kabid
    )
    kasi2 = make_position(
        agency=agency, name="Kasi Dua", kind=PositionKind.PENGAWAS, supervisor=kabid
    )
    staff = make_position(agency=agency, name="Pengolah Data", supervisor=kasi1)
    people = {name: _person(name) for name in ["Hadi", "Kartika", "Sari", "Putri", "Eko"]}
    assign(people["Hadi"][1], head, start=START)
    assign(people["Kartika"][1], kabid, start=START)
    assign(people["Sari"][1], kasi1, start=START, end=date(2025, 6, 30))
    assign(people["Putri"][1], kasi2, start=START)
    assign(people["Putri"][1], kasi1, start=date(2025, 9, 1), acting=True)
    assign(people["Eko"][1], staff, start=START)
    return Office(
        hadi=people["Hadi"][0],
        kartika=people["Kartika"][0],
        sari=people["Sari"][0],
        putri=people["Putri"][0],
        eko=people["Eko"][0],
        eko_employee=people["Eko"][1],
        hadi_employee=people["Hadi"][1],
    )


def test_the_holder_of_the_supervising_post_supervises_and_appraises(office: Office) -> None:
    eko = office.eko_employee
    assert is_supervisor_of(office.sari, eko, day=HELD)
    assert is_appraiser_of(office.sari, eko, day=HELD)
    assert is_appraiser_superior_of(office.kartika, eko, day=HELD)
    assert not is_supervisor_of(office.kartika, eko, day=HELD)
    assert not is_appraiser_of(office.kartika, eko, day=HELD)
    assert not is_appraiser_superior_of(office.sari, eko, day=HELD)


def test_a_former_supervisor_loses_the_relation_the_day_after_the_post_ends(
    office: Office,
) -> None:
    assert is_supervisor_of(office.sari, office.eko_employee, day=date(2025, 6, 30))
    assert not is_supervisor_of(office.sari, office.eko_employee, day=date(2025, 7, 1))
    assert not is_appraiser_of(office.sari, office.eko_employee, day=VACANT)


def test_when_the_supervising_post_is_vacant_the_next_official_up_supervises(
    office: Office,
) -> None:
    eko = office.eko_employee
    assert is_supervisor_of(office.kartika, eko, day=VACANT)
    assert is_appraiser_of(office.kartika, eko, day=VACANT)
    assert is_appraiser_superior_of(office.hadi, eko, day=VACANT)


def test_a_plt_of_the_supervising_post_supervises_and_appraises(office: Office) -> None:
    eko = office.eko_employee
    assert is_supervisor_of(office.putri, eko, day=ACTING)
    assert is_appraiser_of(office.putri, eko, day=ACTING)
    assert is_appraiser_superior_of(office.kartika, eko, day=ACTING)
    assert not is_supervisor_of(office.putri, eko, day=VACANT)
    assert not is_supervisor_of(office.kartika, eko, day=ACTING)


def test_nobody_with_a_login_appraises_a_head_of_agency_the_wali_kota_does(
    office: Office,
) -> None:
    for user in [office.hadi, office.kartika, office.sari, office.putri, office.eko]:
        assert not is_appraiser_of(user, office.hadi_employee, day=HELD)
        assert not is_appraiser_superior_of(user, office.hadi_employee, day=HELD)
        assert not is_supervisor_of(user, office.hadi_employee, day=HELD)


def test_predicates_accept_an_employee_id(office: Office) -> None:
    assert is_supervisor_of(office.sari, office.eko_employee.pk, day=HELD)


def test_the_system_staff_accounts_and_inactive_users_supervise_nobody(
    office: Office, personas: Personas
) -> None:
    eko = office.eko_employee
    for actor in [None, personas.hr_admin, personas.agency_admin, personas.outsider]:
        assert not is_supervisor_of(actor, eko, day=HELD)
        assert not is_appraiser_of(actor, eko, day=HELD)
        assert not is_appraiser_superior_of(actor, eko, day=HELD)
    office.sari.is_active = False
    office.sari.save(update_fields=["is_active"])
    assert not is_supervisor_of(office.sari, eko, day=HELD)


def test_the_relation_is_for_today_when_no_date_is_given(office: Office) -> None:
    # Today (2026 or later) Putri is still Plt of Kasi Satu.
    assert is_supervisor_of(office.putri, office.eko_employee)
    assert not is_supervisor_of(office.sari, office.eko_employee)


# --- Tim saya: the team of an actor ------------------------------------------------------------


def test_a_direct_report_is_in_the_team_of_the_holder_of_the_supervising_post(
    office: Office,
) -> None:
    assert is_in_team_of(office.sari, office.eko_employee, day=HELD)
    assert is_in_team_of(office.kartika, office.sari.employee, day=HELD)
    assert not is_in_team_of(office.eko, office.sari.employee, day=HELD)


def test_the_report_of_a_vacant_post_below_is_in_the_team_of_the_next_official_up(
    office: Office,
) -> None:
    assert is_in_team_of(office.kartika, office.eko_employee, day=VACANT)
    # While Kasi Satu is held, Eko is Sari's team, not Kartika's.
    assert not is_in_team_of(office.kartika, office.eko_employee, day=HELD)


def test_a_plt_has_the_reports_of_the_post_they_act_in_in_their_team(office: Office) -> None:
    assert is_in_team_of(office.putri, office.eko_employee, day=ACTING)
    assert not is_in_team_of(office.putri, office.eko_employee, day=VACANT)
    assert not is_in_team_of(office.kartika, office.eko_employee, day=ACTING)


def test_a_former_supervisor_no_longer_has_the_employee_in_their_team(office: Office) -> None:
    assert is_in_team_of(office.sari, office.eko_employee, day=date(2025, 6, 30))
    assert not is_in_team_of(office.sari, office.eko_employee, day=date(2025, 7, 1))
    assert not is_in_team_of(office.sari, office.eko_employee)


def test_the_system_and_staff_accounts_have_no_team(office: Office, personas: Personas) -> None:
    for actor in [None, personas.hr_admin, personas.agency_admin, personas.outsider]:
        assert not is_in_team_of(actor, office.eko_employee, day=HELD)


# --- Admin OPD scope over employees --------------------------------------------------------------


def test_admin_opd_manages_employees_whose_home_agency_is_theirs(
    office: Office, personas: Personas
) -> None:
    assert can_manage_employee(personas.agency_admin, office.eko_employee)
    assert not can_manage_employee(personas.other_admin, office.eko_employee)
    assert can_manage_employee(personas.hr_admin, office.eko_employee)
    for user in [personas.leader, personas.auditor, personas.outsider, office.kartika, None]:
        assert not can_manage_employee(user, office.eko_employee)


def test_a_retired_employee_stays_with_the_agency_of_their_last_post(
    office: Office, personas: Personas
) -> None:
    sari = Employee.objects.get(user=office.sari)
    sari.status = "RETIRED"
    sari.save(update_fields=["status"])
    assert can_manage_employee(personas.agency_admin, sari)
    assert not can_manage_employee(personas.other_admin, sari)


def test_an_employee_without_any_post_is_managed_by_bkpsdm_only(personas: Personas) -> None:
    loose = make_employee(name="Tanpa Jabatan")
    assert not can_manage_employee(personas.agency_admin, loose)
    assert not can_manage_employee(personas.other_admin, loose.pk)
    assert can_manage_employee(personas.hr_admin, loose)


def test_after_a_move_between_agencies_only_the_new_agency_manages(
    office: Office, personas: Personas
) -> None:
    post = make_position(agency=personas.other_agency, name="Staf Perhubungan")
    assign(office.eko_employee, post, start=date(2026, 1, 5))
    assert can_manage_employee(personas.other_admin, office.eko_employee)
    assert not can_manage_employee(personas.agency_admin, office.eko_employee)


def test_require_manage_employee_refuses_with_a_reason_and_lets_the_system_act(
    office: Office, personas: Personas
) -> None:
    require_manage_employee(None, office.eko_employee)
    require_manage_employee(personas.agency_admin, office.eko_employee)
    with pytest.raises(PermissionDenied, match="perangkat daerah Anda sendiri"):
        require_manage_employee(personas.other_admin, office.eko_employee)
