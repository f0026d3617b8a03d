"""Writes to the city's structure. Each one checks the actor's right and is audited."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_manage_agency, can_manage_city, require
from kinerja.audit.services import audit_record
from kinerja.organization.models import (
    Agency,
    AgencyKind,
    Position,
    PositionKind,
    ServiceUnit,
    Unit,
)
from kinerja.organization.selectors import position_kind_unknown, position_level_refusal


def agency_snapshot(agency: Agency) -> dict[str, Any]:
    return {
        "code": agency.code,
        "name": agency.name,
        "kind": agency.kind,
        "parent_id": agency.parent_id,
        "valid_from": agency.valid_from,
        "valid_to": agency.valid_to,
    }


def agency_create(
    *,
    actor: Actor,
    name: str,
    kind: str,
    parent: Agency | None = None,
    code: str = "",
    valid_from: date | None = None,
) -> Agency:
    """Add an agency. `actor` None is the system (demo data); people must be Admin BKPSDM."""
    if actor is not None:
        require(can_manage_city(actor), "Hanya Admin BKPSDM yang dapat menambah perangkat daerah.")
    code = code or slugify(name)
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = ["Nama perangkat daerah wajib diisi."]
    if kind not in AgencyKind.values:
        errors["kind"] = [f"Jenis {kind!r} tidak dikenal; pilihan: {', '.join(AgencyKind.values)}."]
    if kind == AgencyKind.KELURAHAN and (parent is None or parent.kind != AgencyKind.KECAMATAN):
        errors["parent"] = ["Kelurahan wajib berinduk pada sebuah kecamatan."]
    if Agency.objects.filter(code=code).exists():
        errors["code"] = [f"Kode {code} sudah dipakai perangkat daerah lain."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        agency = Agency.objects.create(
            code=code, name=name.strip(), kind=kind, parent=parent, valid_from=valid_from
        )
        audit_record(
            actor=actor, action="agency.created", obj=agency, after=agency_snapshot(agency)
        )
    return agency


def _require_manage(actor: Actor, agency_id: int | None) -> None:
    """`actor` None is the system (demo data, imports run by a task for an admin)."""
    if actor is not None:
        require(
            can_manage_agency(actor, agency_id),
            "Anda hanya dapat mengubah struktur perangkat daerah Anda sendiri.",
        )


def unit_snapshot(unit: Unit) -> dict[str, Any]:
    return {
        "agency_id": unit.agency_id,
        "parent_id": unit.parent_id,
        "code": unit.code,
        "name": unit.name,
        "valid_from": unit.valid_from,
        "valid_to": unit.valid_to,
    }


def unit_create(
    *,
    actor: Actor,
    agency: Agency,
    name: str,
    parent: Unit | None = None,
    code: str = "",
    valid_from: date | None = None,
) -> Unit:
    """Add a unit (bidang, seksi, UPT, puskesmas) inside an agency."""
    _require_manage(actor, agency.pk)
    code = code or slugify(name)
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = ["Nama unit kerja wajib diisi."]
    if parent is not None and parent.agency_id != agency.pk:
        errors["parent"] = [
            f"Unit induk {parent.name} milik perangkat daerah lain; pilih unit di {agency.name}."
        ]
    if Unit.objects.filter(agency=agency, code=code).exists():
        errors["code"] = [f"Kode unit {code} sudah dipakai di {agency.name}."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        unit = Unit.objects.create(
            agency=agency, parent=parent, code=code, name=name.strip(), valid_from=valid_from
        )
        audit_record(actor=actor, action="unit.created", obj=unit, after=unit_snapshot(unit))
    return unit


def position_snapshot(position: Position) -> dict[str, Any]:
    return {
        "agency_id": position.agency_id,
        "unit_id": position.unit_id,
        "name": position.name,
        "kind": position.kind,
        "level": position.level,
        "supervisor_id": position.supervisor_id,
        "is_head_of_agency": position.is_head_of_agency,
        "valid_from": position.valid_from,
        "valid_to": position.valid_to,
    }


def _position_errors(
    *,
    position_id: int | None,
    agency: Agency,
    unit: Unit | None,
    name: str,
    kind: str,
    level: str,
    supervisor: Position | None,
    is_head_of_agency: bool,
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = ["Nama jabatan wajib diisi."]
    if kind not in PositionKind.values:
        errors["kind"] = [position_kind_unknown(kind)]
    elif refusal := position_level_refusal(kind, level):
        errors["level"] = [refusal]
    if unit is not None and unit.agency_id != agency.pk:
        errors["unit"] = [
            f"Unit {unit.name} milik perangkat daerah lain; pilih unit di {agency.name}."
        ]
    if supervisor is not None:
        if position_id is not None and supervisor.pk == position_id:
            errors["supervisor"] = ["Jabatan tidak boleh menjadi atasan bagi dirinya sendiri."]
        elif supervisor.agency_id != agency.pk and not (
            is_head_of_agency and agency.parent_id == supervisor.agency_id
        ):
            errors["supervisor"] = [
                f"Jabatan atasan {supervisor.name} berada di perangkat daerah lain; hanya kepala "
                "kelurahan yang boleh beratasan pada jabatan di kecamatan induknya."
            ]
        elif position_id is not None and _supervisor_chain_contains(supervisor, position_id):
            errors["supervisor"] = [
                f"Jabatan atasan {supervisor.name} berada di bawah jabatan ini; "
                "rantai atasan tidak boleh berputar."
            ]
    return errors


def _supervisor_chain_contains(supervisor: Position, position_id: int) -> bool:
    """Walk up from `supervisor`; True when `position_id` is found (a loop would form)."""
    current: int | None = supervisor.pk
    seen: set[int] = set()
    while current is not None and current not in seen:
        if current == position_id:
            return True
        seen.add(current)
        current = (
            Position.objects.filter(pk=current).values_list("supervisor_id", flat=True).first()
        )
    return False


def position_create(
    *,
    actor: Actor,
    agency: Agency,
    name: str,
    kind: str,
    unit: Unit | None = None,
    level: str = "",
    supervisor: Position | None = None,
    is_head_of_agency: bool = False,
    valid_from: date | None = None,
) -> Position:
    """Add a post. Its supervising post is in the same agency (a lurah: the camat's post)."""
    _require_manage(actor, agency.pk)
    errors = _position_errors(
        position_id=None,
        agency=agency,
        unit=unit,
        name=name,
        kind=kind,
        level=level,
        supervisor=supervisor,
        is_head_of_agency=is_head_of_agency,
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        position = Position.objects.create(
            agency=agency,
            unit=unit,
            name=name.strip(),
            kind=kind,
            level=level,
            supervisor=supervisor,
            is_head_of_agency=is_head_of_agency,
            valid_from=valid_from,
        )
        audit_record(
            actor=actor, action="position.created", obj=position, after=position_snapshot(position)
        )
    return position


_UNSET: Any = object()


def position_update(
    *,
    actor: Actor,
    position: Position,
    name: str | None = None,
    kind: str | None = None,
    level: str | None = None,
    unit: Unit | None = _UNSET,
    supervisor: Position | None = _UNSET,
    valid_to: date | None = _UNSET,
) -> Position:
    """Change a post; refuses self-supervision and loops in the supervisor chain."""
    _require_manage(actor, position.agency_id)
    before = position_snapshot(position)
    new_unit = position.unit if unit is _UNSET else unit
    new_supervisor = position.supervisor if supervisor is _UNSET else supervisor
    new_name = position.name if name is None else name
    new_kind = position.kind if kind is None else kind
    new_level = position.level if level is None else level
    errors = _position_errors(
        position_id=position.pk,
        agency=position.agency,
        unit=new_unit,
        name=new_name,
        kind=new_kind,
        level=new_level,
        supervisor=new_supervisor,
        is_head_of_agency=position.is_head_of_agency,
    )
    new_valid_to = position.valid_to if valid_to is _UNSET else valid_to
    if new_valid_to and position.valid_from and new_valid_to < position.valid_from:
        errors["valid_to"] = [
            f"Berlaku sampai {new_valid_to:%d-%m-%Y} tidak boleh sebelum berlaku sejak "
            f"{position.valid_from:%d-%m-%Y}."
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        position.name, position.kind, position.level = new_name.strip(), new_kind, new_level
        position.unit, position.supervisor, position.valid_to = (
            new_unit,
            new_supervisor,
            new_valid_to,
        )
        position.save(
            update_fields=["name", "kind", "level", "unit", "supervisor", "valid_to", "updated_at"]
        )
        audit_record(
            actor=actor,
            action="position.updated",
            obj=position,
            before=before,
            after=position_snapshot(position),
        )
    return position


def service_unit_create(*, actor: Actor, unit: Unit, name: str, slug: str = "") -> ServiceUnit:
    """Add a front office of a unit; its slug is the public address of its citizen survey."""
    _require_manage(actor, unit.agency_id)
    slug = slug or slugify(name)
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = ["Nama unit layanan wajib diisi."]
    if not slug:
        errors["slug"] = ["Alamat singkat wajib diisi (huruf kecil, angka, tanda hubung)."]
    elif ServiceUnit.objects.filter(slug=slug).exists():
        errors["slug"] = [f"Alamat singkat {slug} sudah dipakai unit layanan lain."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        service_unit = ServiceUnit.objects.create(unit=unit, name=name.strip(), slug=slug)
        audit_record(
            actor=actor,
            action="service_unit.created",
            obj=service_unit,
            after={"unit_id": unit.pk, "name": service_unit.name, "slug": slug},
        )
    return service_unit
