"""Builders for tests of people and every app above it: posts, employees with valid synthetic
NIPs, assignments; and the shared personas (`Personas`, `make_personas`), which the root
conftest.py offers as the `personas` fixture to every app's tests."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE, DEMO_SUPERVISOR, DemoLogin
from kinerja.accounts.models import Role, User
from kinerja.accounts.testing import make_user
from kinerja.organization.models import Agency, Position, PositionKind, Unit
from kinerja.organization.testing import make_agency
from kinerja.people.holdings import employee_homes_refresh
from kinerja.people.models import Assignment, Employee
from kinerja.scoring.nip import parse_nip

_counter = itertools.count(1)
SINCE = date(2024, 1, 2)


def synthetic_nip(n: int, *, gender: str = "L") -> tuple[str, date]:
    """A valid PNS NIP (born 1980 + n days, appointed 2010-01) and its birth date."""
    birth = date(1980, 1, 1) + timedelta(days=n % 9000)
    g = "1" if gender == "L" else "2"
    return f"{birth:%Y%m%d}201001{g}{(n // 9000) % 999 + 1:03d}", birth


def make_employee(
    *, name: str = "", nip: str = "", birth: date | None = None, gender: str = "", **extra: object
) -> Employee:
    """An employee (PNS, III/a unless told). Given a NIP, birth date and gender follow from it."""
    n = next(_counter)
    if not nip:
        gender = gender or "L"
        nip, birth = synthetic_nip(n, gender=gender)
    else:
        birth = birth or date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
        gender = gender or ("L" if nip[14] == "1" else "P")
    fields: dict[str, object] = {
        "nip": nip,
        "employment_type": "PNS",
        "name": name or f"Pegawai Uji {n}",
        "gender": gender,
        "birth_date": birth,
        "grade": "III/a",
    }
    fields.update(extra)
    return Employee.objects.create(**fields)


def make_position(
    *,
    agency: Agency,
    name: str = "",
    kind: str = PositionKind.PELAKSANA,
    supervisor: Position | None = None,
    unit: Unit | None = None,
    head: bool = False,
) -> Position:
    return Position.objects.create(
        agency=agency,
        unit=unit,
        name=name or f"Jabatan Uji {next(_counter)}",
        kind=kind,
        supervisor=supervisor,
        is_head_of_agency=head,
    )


def assign(
    employee: Employee,
    position: Position,
    *,
    start: date = SINCE,
    end: date | None = None,
    acting: bool = False,
) -> Assignment:
    """An assignment, written as the services would: the employee's stored home follows (in the
    row and on `employee`)."""
    assignment = Assignment.objects.create(
        employee=employee,
        position=position,
        start_date=start,
        end_date=end,
        is_acting=acting,
        acting_kind="PLT" if acting else "",
    )
    if employee_homes_refresh(employee_ids=[employee.pk]):
        employee.refresh_from_db(fields=["home_agency", "home_unit"])
    return assignment


def bulk_staff(*, agency: Agency, supervisor: Position, unit: Unit | None, count: int) -> None:
    """`count` pelaksana posts under `supervisor`, each held by a new employee (bulk)."""
    start = next(_counter) * 10_000
    posts = Position.objects.bulk_create(
        Position(agency=agency, unit=unit, name=f"Pelaksana {i}", kind="PELAKSANA",
                 supervisor=supervisor)
        for i in range(count)
    )  # fmt: skip
    people = []
    for i in range(count):
        nip, birth = synthetic_nip(start + i)
        people.append(
            Employee(nip=nip, employment_type="PNS", name=f"Staf {start + i}", gender="L",
                     birth_date=birth, grade="II/c")
        )  # fmt: skip
    people = Employee.objects.bulk_create(people)
    Assignment.objects.bulk_create(
        Assignment(employee=e, position=p, start_date=SINCE)
        for e, p in zip(people, posts, strict=True)
    )
    employee_homes_refresh(employee_ids=[e.pk for e in people])


# --- the shared personas ------------------------------------------------------------------------


@dataclass
class Staff:
    """The posts and Employee records of `Personas.agency` (see `Personas`)."""

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


PERSONA_NAMES: tuple[str, ...] = (
    "employee",
    "supervisor",
    "appraiser_superior",
    "agency_admin",
    "other_admin",
    "hr_admin",
    "leader",
    "auditor",
    "outsider",
)
"""Every persona by name, in the order of `Personas.all()`: parametrize a page's
authorisation test with it."""

AGENCY_READERS: frozenset[str] = frozenset(PERSONA_NAMES) - {"other_admin", "outsider"}
"""The personas who read a record of the employee in `agency` (a plan, its realisations, a
service unit's report): the chain of command, the Admin OPD of the agency, and those who read
every agency. The other agency's admin and the outsider get 404."""


@dataclass
class Personas:
    """The one cast of test users; `personas` fixture in the root conftest.py.

    Who may see what:
    The employee and the supervisor are the demo's NIP logins (accounts/demo_identities.py).

    - employee            Agus Wibowo, a plain ASN (NIP login, no stored role), Pengolah Data
                          in `agency`: only their own records.
    - supervisor          Sri Handayani (NIP login), Kepala Seksi Identitas: the employee's
                          atasan langsung and, being so, their appraiser (`appraiser`).
    - appraiser_superior  Dewi Kabid (NIP login), Kepala Bidang Pelayanan: the appraiser's own
                          superior, who decides objections.
    - agency_admin        Admin OPD of `agency`: people and structure of `agency` only.
    - other_admin         Admin OPD of `other_agency`: must see nothing of `agency`.
    - hr_admin            Admin BKPSDM: everything, read and write.
    - leader              Pimpinan (Wali Kota/Sekda): reads everything.
    - auditor             Inspektorat: reads everything, writes nothing, reads the audit trail.
    - outsider            an active account with no role and no relation: must see none of this.

    `staff` holds the posts and Employee records, held since `SINCE`:
      agency (Dinas Kependudukan dan Pencatatan Sipil)
        Kepala Dinas Dukcapil (JPT, head)           staff.head (Bambang Kepala, no login)
          Kepala Bidang Pelayanan (administrator)   staff.kabid = appraiser_superior
            Kepala Seksi Identitas (pengawas)       staff.supervisor = supervisor
              Pengolah Data (pelaksana)             staff.employee = employee
      other_agency (Dinas Perhubungan)
        Kepala Dinas Perhubungan (JPT, head)        staff.other_head (Joko Perhubungan)
    The unit "Bidang Pelayanan Pendaftaran Penduduk" (`staff.unit`) holds every post below the head.
    """

    agency: Agency
    other_agency: Agency
    employee: User
    supervisor: User
    appraiser_superior: User
    agency_admin: User
    other_admin: User
    hr_admin: User
    leader: User
    auditor: User
    outsider: User
    staff: Staff

    @property
    def appraiser(self) -> User:
        """The employee's appraiser is their supervisor (a pelaksana is not rated by the mayor)."""
        return self.supervisor

    def all(self) -> dict[str, User]:
        return {name: getattr(self, name) for name in PERSONA_NAMES}


def _demo_employee(login: DemoLogin, user: User) -> Employee:
    """The Employee record of a demo NIP login (kinerja.accounts.demo_identities)."""
    info = parse_nip(login.username, "PNS")
    return make_employee(
        name=login.name, nip=login.username, birth=info.birth_date, gender=info.gender.value,
        user=user,
    )  # fmt: skip


def make_personas() -> Personas:
    """Build the personas and their agency (a dozen rows); see `Personas`."""
    agency = make_agency(name="Dinas Kependudukan dan Pencatatan Sipil")
    other_agency = make_agency(name="Dinas Perhubungan")
    unit = Unit.objects.create(
        agency=agency, code="bidang-pdp", name="Bidang Pelayanan Pendaftaran Penduduk"
    )
    head_post = make_position(
        agency=agency, name="Kepala Dinas Dukcapil", kind=PositionKind.JPT, head=True
    )
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
        agency=other_agency, name="Kepala Dinas Perhubungan", kind=PositionKind.JPT, head=True
    )
    employee_user = make_user(username=DEMO_EMPLOYEE.username, full_name=DEMO_EMPLOYEE.name)
    supervisor_user = make_user(username=DEMO_SUPERVISOR.username, full_name=DEMO_SUPERVISOR.name)
    kabid_nip, kabid_birth = synthetic_nip(next(_counter), gender="P")
    superior_user = make_user(username=kabid_nip, full_name="Dewi Kabid")
    head = make_employee(name="Bambang Kepala")
    kabid = make_employee(
        name="Dewi Kabid", nip=kabid_nip, birth=kabid_birth, gender="P", user=superior_user
    )
    supervisor = _demo_employee(DEMO_SUPERVISOR, supervisor_user)
    employee = _demo_employee(DEMO_EMPLOYEE, employee_user)
    other_head = make_employee(name="Joko Perhubungan")
    for person, post in [
        (head, head_post), (kabid, kabid_post), (supervisor, kasi_post),
        (employee, staff_post), (other_head, other_head_post),
    ]:  # fmt: skip
        assign(person, post)
    staff = Staff(
        unit=unit, head_post=head_post, kabid_post=kabid_post, kasi_post=kasi_post,
        staff_post=staff_post, other_head_post=other_head_post, head=head, kabid=kabid,
        supervisor=supervisor, employee=employee, other_head=other_head,
    )  # fmt: skip
    return Personas(
        agency=agency,
        other_agency=other_agency,
        employee=employee_user,
        supervisor=supervisor_user,
        appraiser_superior=superior_user,
        agency_admin=make_user(username="admin.opd", role=Role.ADMIN_OPD, agency=agency),
        other_admin=make_user(username="admin.lain", role=Role.ADMIN_OPD, agency=other_agency),
        hr_admin=make_user(username="admin.bkpsdm", role=Role.ADMIN_BKPSDM),
        leader=make_user(username="pimpinan", role=Role.PIMPINAN),
        auditor=make_user(username="inspektorat", role=Role.INSPEKTORAT),
        outsider=make_user(username="orang.luar", full_name="Orang Luar"),
        staff=staff,
    )
