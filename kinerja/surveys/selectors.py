"""Reads of the surveys app that authorise: a service unit for a signed-in actor, and for the
public (citizens, no login)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import FilteredRelation, Q
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.organization.models import ServiceUnit
from kinerja.surveys.permissions import can_view_unit_reports


def service_unit_public_get(*, slug: str) -> ServiceUnit:
    """A service unit by its short address for the public pages (inactive ones too: they get
    a polite page); 404 for an unknown address."""
    unit = ServiceUnit.objects.select_related("unit__agency").filter(slug=slug).first()
    if unit is None:
        raise Http404("Unit layanan tidak ditemukan.")
    return unit


def service_unit_get_for_actor(*, actor: Actor, slug: str) -> ServiceUnit:
    """A service unit whose survey reports `actor` may read; 404 when unknown, 403 otherwise."""
    unit = service_unit_public_get(slug=slug)
    if not can_view_unit_reports(actor, unit):
        raise PermissionDenied("Anda tidak berwenang melihat survei unit layanan ini.")
    return unit


def service_unit_public_form_get(*, slug: str) -> tuple[ServiceUnit, dict[int, str]]:
    """A service unit for its public form, with its active services by id in their order
    (position, name), in ONE query (the form is the hot path of the public pages); 404 for an
    unknown address. The unit's `unit` is not joined (the form does not show it)."""
    names = [field.attname for field in ServiceUnit._meta.concrete_fields]
    rows = list(
        ServiceUnit.objects.filter(slug=slug)
        .annotate(active=FilteredRelation("services", condition=Q(services__is_active=True)))
        .order_by("active__position", "active__name")
        .values_list(*names, "active__pk", "active__name")
    )
    if not rows:
        raise Http404("Unit layanan tidak ditemukan.")
    unit = ServiceUnit.from_db(ServiceUnit.objects.db, names, rows[0][: len(names)])
    services = {row[-2]: row[-1] for row in rows if row[-2] is not None}
    return unit, services
