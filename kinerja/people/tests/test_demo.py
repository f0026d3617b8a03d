from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import transaction

from kinerja.audit.models import AuditEvent
from kinerja.organization.models import Agency, Position, ServiceUnit
from kinerja.people.demo import demo_city_seed
from kinerja.people.models import Assignment, Employee
from kinerja.people.selectors import chain_of_command_view
from kinerja.scoring.nip import parse_nip

pytestmark = pytest.mark.django_db(transaction=False)


def snapshot() -> list[tuple[str, str, str, str]]:
    return list(
        Employee.objects.order_by("nip").values_list(
            "nip", "name", "grade", "assignments__position__name"
        )
    )


def test_demo_city_has_every_kecamatan_and_kelurahan_and_service_units() -> None:
    result = demo_city_seed(employees=300, seed=5)
    assert result.employees == 300
    assert Agency.objects.filter(kind="KECAMATAN").count() == 5
    assert Agency.objects.filter(kind="KELURAHAN", parent__kind="KECAMATAN").count() == 54
    assert Agency.objects.exclude(kind__in=["KECAMATAN", "KELURAHAN"]).count() == 32
    names = set(ServiceUnit.objects.values_list("name", flat=True))
    assert {"Loket Pelayanan Adminduk", "Mal Pelayanan Publik", "Puskesmas Laweyan",
            "Pelayanan Kelurahan Pajang"} <= names  # fmt: skip
    assert Position.objects.filter(is_head_of_agency=True).count() == 91
    assert AuditEvent.objects.filter(action="demo_city.seeded").count() == 1
    assert Assignment.objects.filter(is_acting=True).exists()


def test_demo_nips_are_valid_and_agree_with_gender_and_birth_date() -> None:
    demo_city_seed(employees=800, seed=5)
    for nip, kind, gender, birth in Employee.objects.values_list(
        "nip", "employment_type", "gender", "birth_date"
    ):
        info = parse_nip(nip, kind)
        assert (info.gender.value, info.birth_date) == (gender, birth)
    assert Employee.objects.filter(employment_type="PPPK").exists()


def test_demo_city_is_deterministic_for_a_seed() -> None:
    with transaction.atomic():
        demo_city_seed(employees=200, seed=11)
        first = snapshot()
        transaction.set_rollback(True)
    demo_city_seed(employees=200, seed=11)
    assert snapshot() == first


def test_demo_logins_have_a_chain_of_command_and_a_second_run_adds_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    call_command("seed_demo", employees=250, seed=3)
    call_command("seed_demo", employees=250, seed=3)
    out = capsys.readouterr().out
    assert "hanya memastikan akun demo" in out
    assert "198204122008012003" in out
    assert Employee.objects.count() == 250
    employee = Employee.objects.get(nip="199001152015031002")
    assert employee.user is not None
    chain = chain_of_command_view(employee=employee)
    assert chain.supervisor is not None
    assert chain.supervisor.employee is not None
    assert chain.supervisor.employee.nip == "198204122008012003"
    supervisor = chain_of_command_view(employee=chain.supervisor.employee)
    assert supervisor.subordinates
