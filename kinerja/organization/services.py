"""Writes to the city's structure. Each one checks the actor's right and is audited."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from kinerja.accounts.permissions import can_manage_city, require
from kinerja.audit.services import audit_record
from kinerja.organization.models import Agency, AgencyKind


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
    actor: Any,
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
