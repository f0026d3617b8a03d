"""Reads of the city's structure, scoped to what the asking user may see."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from kinerja.accounts.permissions import (
    can_read_agency,
    can_read_all_agencies,
    managed_agency_id,
    require,
)
from kinerja.organization.models import Agency


def agency_list_for_actor(*, actor: Any) -> QuerySet[Agency]:
    agencies = Agency.objects.select_related("parent").order_by("kind", "name")
    if can_read_all_agencies(actor):
        return agencies
    scoped = managed_agency_id(actor)
    require(scoped is not None, "Daftar perangkat daerah hanya untuk admin, pimpinan dan auditor.")
    assert scoped is not None
    return agencies.filter(pk=scoped)


def agency_get_for_actor(*, actor: Any, agency_id: int) -> Agency:
    """Another agency's page does not exist for an Admin OPD: 404, so nothing leaks."""
    if not can_read_agency(actor, agency_id):
        raise Http404
    agency = Agency.objects.select_related("parent").filter(pk=agency_id).first()
    if agency is None:
        raise Http404
    return agency
