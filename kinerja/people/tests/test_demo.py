from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command
from django.db import transaction

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE, DEMO_SUPERVISOR
from kinerja.audit.models import AuditEvent
from kinerja.core.demo import DemoOptions, demo_seeds_run
from kinerja.organization.demo import surakarta_reference
from kinerja.organization.models import Agency, Position, ServiceUnit
from kinerja.people.models import Assignment, Employee
from kinerja.people.selectors import chain_of_command_view
from kinerja.scoring.nip import parse_nip

pytestmark = pytest.mark.django_db(transaction=False)


def snapshot() -> list[tuple[str, str, str, str]]:
    # Sorted in Python: an employee with two posts (one acting) gives two joined rows whose
    # order the database leaves open (PostgreSQL returned them either way).
    return sorted(
        Employee.objects.values_list("nip", "name", "grade", "assignments__position__name")
    )


def seed(employees: int, seed: int, today: date | None = None) -> list[str]:
    options = DemoOptions(employees=employees, seed=seed)
    if today is not None:
        options = DemoOptions(employees=employees, seed=seed, today=today)
    return demo_seeds_run(options)


def test_demo_city_has_every_kecamatan_and_kelurahan_and_service_units() -> None:
    seed(300, 5)
    reference = surakarta_reference()
    kecamatan = reference["kecamatan"]
    assert Agency.objects.filter(kind="KECAMATAN").count() == len(kecamatan)
    assert Agency.objects.filter(kind="KELURAHAN", parent__kind="KECAMATAN").count() == sum(
        len(kelurahan) for kelurahan in kecamatan.values()
    )
    others = {item["name"] for item in reference["agencies"]}
    assert others <= set(Agency.objects.values_list("name", flat=True))
    names = set(ServiceUnit.objects.values_list("name", flat=True))
    assert {"Loket Pelayanan Adminduk", "Mal Pelayanan Publik", "Puskesmas Laweyan",
            "Pelayanan Kelurahan Pajang"} <= names  # fmt: skip
    assert not Agency.objects.exclude(positions__is_head_of_agency=True).exists()
    assert Employee.objects.count() == 300
    assert AuditEvent.objects.filter(action="demo_city.seeded").count() == 1
    assert Assignment.objects.filter(is_acting=True).exists()


def test_demo_nips_are_valid_and_agree_with_gender_and_birth_date() -> None:
    seed(800, 5)
    for nip, kind, gender, birth in Employee.objects.values_list(
        "nip", "employment_type", "gender", "birth_date"
    ):
        info = parse_nip(nip, kind)
        assert (info.gender.value, info.birth_date) == (gender, birth)
    assert Employee.objects.filter(employment_type="PPPK").exists()


def test_demo_city_is_deterministic_for_a_seed() -> None:
    with transaction.atomic():
        seed(200, 11)
        first = snapshot()
        transaction.set_rollback(True)
    seed(200, 11)
    assert snapshot() == first


@pytest.mark.parametrize("today", [date(2027, 3, 1), date(2041, 1, 1)])
def test_the_demo_follows_the_date_it_is_seeded_on(today: date) -> None:
    seed(200, 2, today=today)
    assert not Assignment.objects.filter(start_date__gt=today).exists()
    assert not Position.objects.filter(valid_from__gt=today).exists()
    assert not Employee.objects.filter(nip__regex=rf"^\d{{8}}{today.year + 1}").exists()
    employee = Employee.objects.get(nip=DEMO_EMPLOYEE.username)
    chain = chain_of_command_view(employee=employee, day=today)
    assert chain.supervisor is not None
    assert chain.supervisor.employee is not None
    assert chain.supervisor.employee.nip == DEMO_SUPERVISOR.username
    started = employee.assignments.get().start_date
    assert today.year - 5 <= started.year < today.year


def test_demo_logins_have_a_chain_of_command_and_a_second_run_adds_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    call_command("seed_demo", employees=250, seed=3)
    call_command("seed_demo", employees=250, seed=3)
    out = capsys.readouterr().out
    assert "hanya memastikan akun demo" in out
    assert DEMO_SUPERVISOR.username in out
    assert Employee.objects.count() == 250
    employee = Employee.objects.get(nip=DEMO_EMPLOYEE.username)
    assert employee.user is not None
    assert employee.full_name == DEMO_EMPLOYEE.full_name
    chain = chain_of_command_view(employee=employee)
    assert chain.supervisor is not None
    assert chain.supervisor.employee is not None
    assert chain.supervisor.employee.nip == DEMO_SUPERVISOR.username
    supervisor = chain_of_command_view(employee=chain.supervisor.employee)
    assert supervisor.subordinates
