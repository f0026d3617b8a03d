"""Writes of a service unit's list of services (jenis layanan) that respondents choose from:
add, rename, deactivate. The head of the unit or the Admin OPD of its agency (and Admin
BKPSDM); a name is unique within the unit, compared without regard to case."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.organization.models import ServiceUnit
from kinerja.surveys.models import Service
from kinerja.surveys.permissions import can_manage_unit_survey

SERVICE_NAME_MAX_CHARS = 200
NOT_MANAGER = (
    "Hanya kepala unit layanan ini atau Admin OPD perangkat daerahnya yang dapat mengelola "
    "jenis layanannya."
)


def _snapshot(service: Service) -> dict[str, Any]:
    return {
        "service_unit_id": service.service_unit_id,
        "name": service.name,
        "is_active": service.is_active,
    }


def _name_clean(service_unit: ServiceUnit, name: str, *, exclude_id: int | None = None) -> str:
    value = " ".join(name.split())
    if not value:
        raise ValidationError(
            {"name": ["Nama layanan kosong tidak diterima: tuliskan nama jenis layanan."]}
        )
    if len(value) > SERVICE_NAME_MAX_CHARS:
        raise ValidationError(
            {
                "name": [
                    f"Nama layanan sepanjang {len(value)} karakter tidak diterima: paling "
                    f"banyak {SERVICE_NAME_MAX_CHARS} karakter."
                ]
            }
        )
    same = Service.objects.filter(service_unit=service_unit, name__iexact=value)
    if exclude_id is not None:
        same = same.exclude(pk=exclude_id)
    if same.exists():
        raise ValidationError(
            {
                "name": [
                    f"Jenis layanan “{value}” sudah ada di {service_unit.name}: pilih nama "
                    "lain, atau aktifkan kembali layanan itu."
                ]
            }
        )
    return value


def service_add(*, actor: Actor, service_unit: ServiceUnit, name: str) -> Service:
    """Add a service to the unit's list, last in order [survey_service.created]."""
    if actor is not None:
        require(can_manage_unit_survey(actor, service_unit), NOT_MANAGER)
    value = _name_clean(service_unit, name)
    with transaction.atomic():
        last = Service.objects.filter(service_unit=service_unit).aggregate(last=Max("position"))
        service = Service.objects.create(
            service_unit=service_unit, name=value, position=(last["last"] or 0) + 1
        )
        audit_record(
            actor=actor, action="survey_service.created", obj=service, after=_snapshot(service)
        )
    return service


def service_update(*, actor: Actor, service: Service, name: str, is_active: bool) -> Service:
    """Rename a service or (de)activate it [survey_service.updated]. An inactive service is
    no longer offered on the form; its past answers keep it."""
    service_unit = service.service_unit
    if actor is not None:
        require(can_manage_unit_survey(actor, service_unit), NOT_MANAGER)
    value = _name_clean(service_unit, name, exclude_id=service.pk)
    if value == service.name and is_active == service.is_active:
        return service
    before = _snapshot(service)
    with transaction.atomic():
        service.name = value
        service.is_active = is_active
        service.save(update_fields=["name", "is_active", "updated_at"])
        audit_record(
            actor=actor,
            action="survey_service.updated",
            obj=service,
            before=before,
            after=_snapshot(service),
        )
    return service
