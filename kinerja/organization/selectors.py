"""Reads of the city's structure, scoped to what the asking user may see."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import (
    can_read_agency,
    can_read_all_agencies,
    managed_agency_id,
    require,
)
from kinerja.organization.models import Agency, Position, Unit


def agency_list_for_actor(*, actor: Actor) -> QuerySet[Agency]:
    agencies = Agency.objects.select_related("parent").order_by("kind", "name")
    if can_read_all_agencies(actor):
        return agencies
    scoped = managed_agency_id(actor)
    require(scoped is not None, "Daftar perangkat daerah hanya untuk admin, pimpinan dan auditor.")
    assert scoped is not None
    return agencies.filter(pk=scoped)


def agency_get_for_actor(*, actor: Actor, agency_id: int) -> Agency:
    """Another agency's page does not exist for an Admin OPD: 404, so nothing leaks."""
    if not can_read_agency(actor, agency_id):
        raise Http404
    agency = Agency.objects.select_related("parent").filter(pk=agency_id).first()
    if agency is None:
        raise Http404
    return agency


@lru_cache(maxsize=1)
def _grades_reference() -> dict[str, Any]:
    path = Path(__file__).resolve().parent / "data" / "grades.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def grade_codes(employment_type: str) -> list[str]:
    """Grades of PNS ("III/a") or PPPK ("IX") in rank order (data/grades.json)."""
    data = _grades_reference()
    if employment_type == "PNS":
        return [code for code, _ in data["pns"]]
    if employment_type == "PPPK":
        return list(data["pppk"])
    return []


def grade_rank_name(grade: str) -> str:
    """The pangkat of a PNS grade ("Penata Muda" for III/a); empty for PPPK."""
    names: dict[str, str] = dict(_grades_reference()["pns"])
    return names.get(grade, "")


def position_levels(kind: str) -> list[str]:
    """Levels (jenjang) a post of this kind may have; empty when it has none."""
    levels: list[str] = _grades_reference()["position_kinds"].get(kind, [])
    return list(levels)


def unit_list_for_actor(*, actor: Actor, agency_id: int) -> QuerySet[Unit]:
    if not can_read_agency(actor, agency_id):
        raise Http404
    return Unit.objects.filter(agency_id=agency_id).order_by("parent_id", "name", "pk")


def position_list_for_actor(*, actor: Actor, agency_id: int) -> QuerySet[Position]:
    if not can_read_agency(actor, agency_id):
        raise Http404
    return (
        Position.objects.filter(agency_id=agency_id)
        .select_related("unit")
        .order_by("unit_id", "kind", "name", "pk")
    )
