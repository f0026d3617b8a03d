"""The population of a service unit for a survey year (how many people it served), from which
the Krejcie & Morgan sample size of its report follows."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.core.params import DB_INT_MAX
from kinerja.organization.models import ServiceUnit
from kinerja.surveys.models import ServicePopulation
from kinerja.surveys.permissions import can_manage_unit_survey
from kinerja.surveys.spans import YEAR_MAX, YEAR_MIN

POPULATION_REFUSED = (
    "Hanya kepala unit layanan atau Admin OPD perangkat daerahnya yang dapat menetapkan "
    "populasi pengguna layanan."
)
NOTE_MAX = ServicePopulation._meta.get_field("note").max_length or 200


def _snapshot(row: ServicePopulation) -> dict[str, object]:
    return {"year": row.year, "population": row.population, "note": row.note}


def population_set(
    *, actor: Actor, service_unit: ServiceUnit, year: int, population: int, note: str = ""
) -> ServicePopulation:
    """Set (or change) the number of service users of `service_unit` for the survey of `year`
    [survey_population.set]."""
    require(can_manage_unit_survey(actor, service_unit), POPULATION_REFUSED)
    note = note.strip()
    errors: dict[str, list[str]] = {}
    if not YEAR_MIN <= year <= YEAR_MAX:
        errors["year"] = [f"Tahun {year} tidak sah; isi tahun dari {YEAR_MIN} sampai {YEAR_MAX}."]
    if not 1 <= population <= DB_INT_MAX:
        errors["population"] = [
            f"Populasi {population} tidak sah; isi jumlah pengguna layanan dari 1 sampai "
            f"{DB_INT_MAX:,}.".replace(",", ".")
        ]
    if len(note) > NOTE_MAX:
        errors["note"] = [
            f"Sumber data terlalu panjang ({len(note)} karakter); paling banyak {NOTE_MAX}."
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        row = (
            ServicePopulation.objects.select_for_update()
            .filter(service_unit=service_unit, year=year)
            .first()
        )
        before = _snapshot(row) if row else None
        if row is None:
            row = ServicePopulation(service_unit=service_unit, year=year)
        row.population = population
        row.note = note
        row.save()
        audit_record(
            actor=actor, action="survey_population.set", obj=row, before=before,
            after=_snapshot(row),
        )  # fmt: skip
    return row
