"""Small builders for people tests: posts, employees with valid synthetic NIPs, assignments."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from kinerja.organization.models import Agency, Position, PositionKind, Unit
from kinerja.people.models import Assignment, Employee

_counter = itertools.count(1)
SINCE = date(2024, 1, 2)


def synthetic_nip(n: int, *, gender: str = "L") -> tuple[str, date]:
    """A valid PNS NIP (born 1980 + n days, appointed 2010-01) and its birth date."""
    birth = date(1980, 1, 1) + timedelta(days=n % 9000)
    g = "1" if gender == "L" else "2"
    return f"{birth:%Y%m%d}201001{g}{(n // 9000) % 999 + 1:03d}", birth


def make_employee(
    *, name: str = "", nip: str = "", birth: date | None = None, gender: str = "L", **extra: object
) -> Employee:
    n = next(_counter)
    if not nip:
        nip, birth = synthetic_nip(n, gender=gender)
    assert birth is not None
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
    return Assignment.objects.create(
        employee=employee,
        position=position,
        start_date=start,
        end_date=end,
        is_acting=acting,
        acting_kind="PLT" if acting else "",
    )


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
