"""A staffed agency around the shared personas (conftest.py at the root).

In `personas.agency` (Dinas Kependudukan dan Pencatatan Sipil):
  Kepala Dinas (JPT, head)           head
    Kepala Bidang Pelayanan (adm.)   kabid
      Kepala Seksi Identitas (peng.) supervisor — a NIP login: `staffed.supervisor_user`
        Pengolah Data                the `employee` persona's Employee (NIP 199001152015031002)
In `personas.other_agency`: its head, `other_head`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from conftest import Personas
from kinerja.accounts.models import User
from kinerja.accounts.testing import make_user
from kinerja.organization.models import Position, PositionKind, Unit
from kinerja.people.models import Employee
from kinerja.people.testing import assign, make_employee, make_position


@dataclass
class Staffed:
    unit: Unit
    head_post: Position
    kabid_post: Position
    kasi_post: Position
    staff_post: Position
    other_head_post: Position
    head: Employee
    kabid: Employee
    supervisor: Employee
    employee: Employee
    other_head: Employee
    supervisor_user: User


@pytest.fixture
def staffed(personas: Personas) -> Staffed:
    agency = personas.agency
    unit = Unit.objects.create(agency=agency, code="bidang-pelayanan", name="Bidang Pelayanan")
    head_post = make_position(agency=agency, name="Kepala Dinas", kind=PositionKind.JPT, head=True)
    kabid_post = make_position(
        agency=agency, name="Kepala Bidang Pelayanan", kind=PositionKind.ADMINISTRATOR,
        supervisor=head_post, unit=unit,
    )  # fmt: skip
    kasi_post = make_position(
        agency=agency, name="Kepala Seksi Identitas", kind=PositionKind.PENGAWAS,
        supervisor=kabid_post, unit=unit,
    )  # fmt: skip
    staff_post = make_position(agency=agency, name="Pengolah Data", supervisor=kasi_post, unit=unit)
    other_head_post = make_position(
        agency=personas.other_agency, name="Kepala Dinas Perhubungan", kind=PositionKind.JPT,
        head=True,
    )  # fmt: skip
    supervisor_user = make_user(username="198204122008012003", full_name="Sri Handayani")
    head = make_employee(name="Bambang Kepala")
    kabid = make_employee(name="Dewi Kabid", gender="P")
    supervisor = make_employee(
        name="Sri Handayani", nip="198204122008012003", birth=date(1982, 4, 12), gender="P",
        user=supervisor_user,
    )  # fmt: skip
    employee = make_employee(
        name="Agus Wibowo", nip="199001152015031002", birth=date(1990, 1, 15),
        user=personas.employee,
    )  # fmt: skip
    other_head = make_employee(name="Joko Perhubungan")
    for person, post in [
        (head, head_post), (kabid, kabid_post), (supervisor, kasi_post),
        (employee, staff_post), (other_head, other_head_post),
    ]:  # fmt: skip
        assign(person, post)
    return Staffed(
        unit=unit, head_post=head_post, kabid_post=kabid_post, kasi_post=kasi_post,
        staff_post=staff_post, other_head_post=other_head_post, head=head, kabid=kabid,
        supervisor=supervisor, employee=employee, other_head=other_head,
        supervisor_user=supervisor_user,
    )  # fmt: skip
