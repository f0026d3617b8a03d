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
from kinerja.organization.models import Agency, Position, PositionKind, Unit


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


@lru_cache(maxsize=1)
def _kind_by_text() -> dict[str, str]:
    table: dict[str, str] = {}
    for kind in PositionKind:
        table[kind.value.replace("_", " ").casefold()] = kind.value
        table[str(kind.label).casefold()] = kind.value
    return table


def position_kind_parse(text: str) -> str | None:
    """The kind of post named by its code or label as people type it ("Fungsional Keahlian")."""
    return _kind_by_text().get(" ".join(text.replace("_", " ").split()).casefold())


def position_kind_unknown(text: str) -> str:
    """The refusal of a value that is not a kind of post."""
    accepted = ", ".join(f"{kind.label} ({kind.value})" for kind in PositionKind)
    return f"Jenis jabatan {text!r} tidak dikenal; yang diterima: {accepted}."


def position_kind_refusal(text: str) -> str | None:
    """Why `text` names no kind of post, or None when it names one."""
    return None if position_kind_parse(text) is not None else position_kind_unknown(text)


def position_level_parse(kind: str, text: str) -> str | None:
    """The level (jenjang) of `kind` named by `text`, whatever its case; None if unknown."""
    return next(
        (name for name in position_levels(kind) if name.casefold() == text.casefold()), None
    )


def position_level_refusal(kind: str, level: str) -> str | None:
    """Why `level` is not a level of `kind`, or None when it is (or is empty)."""
    if not level or level in position_levels(kind):
        return None
    levels = position_levels(kind)
    accepted = ", ".join(levels) if levels else "kosong (tidak berjenjang)"
    return f"Jenjang {level!r} tidak berlaku untuk {kind}; yang diterima: {accepted}."


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
