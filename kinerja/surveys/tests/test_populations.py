"""population_set: who may set a unit's population, what is refused, the audit event."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import Personas
from kinerja.surveys.models import ServicePopulation
from kinerja.surveys.services.populations import population_set
from kinerja.surveys.testing import make_service_unit

pytestmark = pytest.mark.django_db

MANAGERS = {"appraiser_superior", "agency_admin", "hr_admin"}


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit)


def test_the_unit_head_sets_and_then_changes_the_population(
    personas: Personas, unit: ServiceUnit
) -> None:
    first = population_set(
        actor=personas.appraiser_superior, service_unit=unit, year=2026, population=12000,
        note=" Register loket ",
    )  # fmt: skip
    assert (first.population, first.note) == (12000, "Register loket")
    again = population_set(
        actor=personas.agency_admin, service_unit=unit, year=2026, population=15000
    )
    assert again.pk == first.pk
    assert ServicePopulation.objects.get().population == 15000
    events = list(AuditEvent.objects.filter(action="survey_population.set").order_by("pk"))
    assert len(events) == 2
    assert events[0].before in (None, {})
    assert events[1].before == {"year": 2026, "population": 12000, "note": "Register loket"}
    assert events[1].after == {"year": 2026, "population": 15000, "note": ""}


@pytest.mark.parametrize(
    "name", ["employee", "supervisor", "other_admin", "leader", "auditor", "outsider"]
)
def test_only_the_head_and_the_admins_may_set_the_population(
    personas: Personas, unit: ServiceUnit, name: str
) -> None:
    with pytest.raises(PermissionDenied, match="kepala unit layanan atau Admin OPD"):
        population_set(actor=personas.all()[name], service_unit=unit, year=2026, population=10)
    assert not ServicePopulation.objects.exists()
    assert not AuditEvent.objects.filter(action="survey_population.set").exists()


@pytest.mark.parametrize(
    ("year", "population", "note", "field", "message"),
    [
        (1999, 10, "", "year", "Tahun 1999 tidak sah; isi tahun dari 2000 sampai 2100."),
        (2026, 0, "", "population", "Populasi 0 tidak sah; isi jumlah pengguna layanan dari 1"),
        (2026, 2**31, "", "population", "sampai 2.147.483.647."),
        (2026, 10, "x" * 201, "note", "Sumber data terlalu panjang (201 karakter)"),
    ],
)
def test_a_bad_year_population_or_note_is_refused_naming_the_field(
    personas: Personas,
    unit: ServiceUnit,
    year: int,
    population: int,
    note: str,
    field: str,
    message: str,
) -> None:
    with pytest.raises(ValidationError) as caught:
        population_set(
            actor=personas.hr_admin, service_unit=unit, year=year, population=population,
            note=note,
        )  # fmt: skip
    assert message in caught.value.message_dict[field][0]
    assert not ServicePopulation.objects.exists()
