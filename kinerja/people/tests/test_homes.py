"""The stored home (`Employee.home_agency`, `home_unit`) equals the rule's home after every
entrance that writes assignments: each service, the import, the demo seed, the builders.

The invariant check: `employee_homes_refresh()` finds nothing to change (it updates only the
rows whose stored home differs from the rule's and says how many).
"""

from __future__ import annotations

from datetime import date, timedelta
from importlib import import_module

import pytest
from django.apps import apps

from kinerja.core.demo import DemoOptions, demo_seeds_run
from kinerja.organization.models import Agency, Unit
from kinerja.organization.testing import make_unit
from kinerja.people.holdings import (
    employee_home_agency_id,
    employee_homes_refresh,
    home_agency_subquery,
    home_unit_subquery,
)
from kinerja.people.imports import employee_import_apply
from kinerja.people.imports.testing import employee_rows, file_nip, to_csv
from kinerja.people.models import Assignment, Employee
from kinerja.people.selectors import EmployeeFilters, employee_list_for_actor
from kinerja.people.services import (
    assignment_end,
    assignment_start,
    employee_create,
    employee_move,
)
from kinerja.people.testing import (
    SINCE,
    Personas,
    assign,
    bulk_staff,
    make_employee,
    make_position,
    synthetic_nip,
)

pytestmark = pytest.mark.django_db


def assert_homes_as_the_rule_says() -> None:
    """Stored home = computed home, for everyone."""
    assert employee_homes_refresh() == 0
    stored = list(
        Employee.objects.order_by("pk").values_list("pk", "home_agency_id", "home_unit_id")
    )
    computed = list(
        Employee.objects.order_by("pk")
        .annotate(agency=home_agency_subquery(), unit=home_unit_subquery())
        .values_list("pk", "agency", "unit")
    )
    assert stored == computed


def home(employee: Employee) -> tuple[int | None, int | None]:
    fresh = Employee.objects.get(pk=employee.pk)
    return fresh.home_agency_id, fresh.home_unit_id


def test_the_refresh_changes_only_stale_rows_and_then_finds_nothing(personas: Personas) -> None:
    assert_homes_as_the_rule_says()
    Employee.objects.update(home_agency=None, home_unit=None)
    placed = Employee.objects.filter(assignments__is_acting=False).distinct().count()
    assert placed == 5
    assert employee_homes_refresh(employee_ids=[personas.staff.employee.pk]) == 1
    assert employee_homes_refresh() == placed - 1
    assert employee_homes_refresh() == 0
    assert home(personas.staff.employee) == (personas.agency.pk, personas.staff.unit.pk)


def test_an_employee_without_a_post_has_no_home() -> None:
    loner = make_employee()
    assert home(loner) == (None, None)
    assert employee_home_agency_id(employee_id=loner.pk) is None
    assert_homes_as_the_rule_says()


def test_creating_an_employee_in_a_post_stores_its_agency_and_unit(personas: Personas) -> None:
    post = make_position(
        agency=personas.agency, supervisor=personas.staff.kasi_post, unit=personas.staff.unit
    )
    nip, birth = synthetic_nip(777_001)
    employee = employee_create(
        actor=personas.agency_admin, nip=nip, employment_type="PNS", name="Baru Sekali",
        gender="L", birth_date=birth, grade="II/c", position=post, start_date=SINCE,
    )  # fmt: skip
    assert (employee.home_agency_id, employee.home_unit_id) == home(employee)
    assert home(employee) == (personas.agency.pk, personas.staff.unit.pk)
    assert_homes_as_the_rule_says()


def test_a_move_between_agencies_changes_the_home_and_the_lists(personas: Personas) -> None:
    agus = personas.staff.employee
    unit = make_unit(agency=personas.other_agency)
    post = make_position(
        agency=personas.other_agency, supervisor=personas.staff.other_head_post, unit=unit
    )
    employee_move(
        actor=personas.hr_admin, employee=agus, start_date=date(2025, 3, 1), position=post
    )
    assert home(agus) == (personas.other_agency.pk, unit.pk)
    # The instance the caller holds follows, so the next call sees the new home.
    assert (agus.home_agency_id, agus.home_unit_id) == (personas.other_agency.pk, unit.pk)
    assert_homes_as_the_rule_says()

    def listed(agency: Agency) -> set[int]:
        filters = EmployeeFilters(agency_id=agency.pk)
        people = employee_list_for_actor(actor=personas.hr_admin, filters=filters)
        return {e.pk for e in people}

    assert agus.pk in listed(personas.other_agency)
    assert agus.pk not in listed(personas.agency)


def test_a_move_within_the_agency_to_another_unit_changes_the_unit(personas: Personas) -> None:
    agus = personas.staff.employee
    unit = make_unit(agency=personas.agency)
    post = make_position(agency=personas.agency, supervisor=personas.staff.kasi_post, unit=unit)
    employee_move(
        actor=personas.agency_admin, employee=agus, start_date=date(2025, 3, 1), position=post
    )
    assert home(agus) == (personas.agency.pk, unit.pk)
    assert_homes_as_the_rule_says()


def test_an_acting_assignment_does_not_change_the_home(personas: Personas) -> None:
    sri = personas.staff.supervisor
    before = home(sri)
    elsewhere = make_position(
        agency=personas.other_agency, kind="PENGAWAS", supervisor=personas.staff.other_head_post,
        unit=make_unit(agency=personas.other_agency),
    )  # fmt: skip
    assignment_start(
        actor=personas.hr_admin, employee=sri, position=elsewhere, start_date=date(2025, 6, 1),
        is_acting=True, acting_kind=Assignment.ActingKind.PLT,
    )  # fmt: skip
    assert home(sri) == before == (personas.agency.pk, personas.staff.unit.pk)
    assert_homes_as_the_rule_says()


def test_a_first_definitive_post_gives_a_home(personas: Personas) -> None:
    newcomer = make_employee()
    post = make_position(agency=personas.other_agency, supervisor=personas.staff.other_head_post)
    assignment_start(actor=personas.hr_admin, employee=newcomer, position=post, start_date=SINCE)
    assert home(newcomer) == (personas.other_agency.pk, None)  # a post outside any unit
    assert (newcomer.home_agency_id, newcomer.home_unit_id) == home(newcomer)
    assert_homes_as_the_rule_says()


def test_ending_the_post_keeps_the_home(personas: Personas) -> None:
    agus = personas.staff.employee
    assignment = agus.assignments.get()
    assignment_end(
        actor=personas.agency_admin, assignment=assignment, end_date=date.today() - timedelta(1)
    )
    assert home(agus) == (personas.agency.pk, personas.staff.unit.pk)
    assert_homes_as_the_rule_says()


def test_the_import_stores_the_home_of_new_and_moved_employees(personas: Personas) -> None:
    make_unit(agency=personas.agency, code="bidang-uji")
    rows = employee_rows(12, personas.agency, unit_code="bidang-uji")
    employee_import_apply(actor=personas.hr_admin, content=to_csv(rows), file_name="a.csv")
    unit = Unit.objects.get(code="bidang-uji")
    nips = [file_nip(i)[0] for i in range(12)]
    imported = Employee.objects.filter(nip__in=nips)
    assert imported.count() == 12
    homes = set(imported.values_list("home_agency_id", "home_unit_id"))
    assert homes <= {(personas.agency.pk, unit.pk), (personas.agency.pk, None)}
    assert_homes_as_the_rule_says()

    # A second file moves one of them to a post of the other agency.
    moved = dict(rows[11])
    moved.update(
        {"Kode Perangkat Daerah": personas.other_agency.code, "Kode Unit": "",
         "Jabatan": "Analis Pindahan", "Jenis Jabatan": "Pelaksana",
         "Jabatan Atasan": "Kepala Dinas Perhubungan", "TMT Jabatan": "2025-02-01"}
    )  # fmt: skip
    rows[11] = moved
    employee_import_apply(actor=personas.hr_admin, content=to_csv(rows), file_name="b.csv")
    nip = moved["NIP"].replace(" ", "")
    assert Employee.objects.get(nip=nip).home_agency_id == personas.other_agency.pk
    assert_homes_as_the_rule_says()


def test_the_builders_store_the_home(personas: Personas) -> None:
    assert_homes_as_the_rule_says()  # make_personas, through `assign`
    bulk_staff(
        agency=personas.agency, supervisor=personas.staff.kasi_post, unit=personas.staff.unit,
        count=7,
    )  # fmt: skip
    assert Employee.objects.filter(home_unit=personas.staff.unit).count() == 3 + 7
    person = make_employee()
    assign(person, personas.staff.other_head_post, start=SINCE + timedelta(1), acting=True)
    assert home(person) == (None, None)
    assign(person, make_position(agency=personas.other_agency))
    assert person.home_agency_id == personas.other_agency.pk
    assert_homes_as_the_rule_says()


def test_the_demo_city_seed_stores_every_home() -> None:
    demo_seeds_run(DemoOptions(employees=200, seed=3))
    assert Employee.objects.filter(home_agency__isnull=False).count() == 200
    assert_homes_as_the_rule_says()


def test_the_migration_fills_the_homes_of_existing_rows(personas: Personas) -> None:
    Employee.objects.update(home_agency=None, home_unit=None)
    migration = import_module("kinerja.people.migrations.0002_employee_home")
    migration.homes_fill(apps, None)
    assert home(personas.staff.employee) == (personas.agency.pk, personas.staff.unit.pk)
    assert_homes_as_the_rule_says()
