"""Reads of the surveys app that authorise: a service unit for a signed-in actor, and for the
public (citizens, no login)."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import FilteredRelation, Q
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.organization.models import ServiceUnit
from kinerja.surveys.models import Service
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


FORM_UNIT_FIELDS = ("id", "unit_id", "name", "slug", "is_active")
_SLUG_SLOT = "\x00slug"
_form_sql: dict[tuple[str, str], tuple[str, tuple[Any, ...]]] = {}


def _form_query_sql(connection: BaseDatabaseWrapper) -> tuple[str, tuple[Any, ...]]:
    """The SQL of the form's one query, compiled by the ORM once per database connection
    settings (compiling it costs ~1 ms, ten times running it), with a slot for the slug."""
    key = (connection.alias, connection.vendor)
    if key not in _form_sql:
        query = (
            ServiceUnit.objects.using(connection.alias)
            .filter(slug=_SLUG_SLOT)
            .annotate(active=FilteredRelation("services", condition=Q(services__is_active=True)))
            .order_by("active__position", "active__name")
            .values_list(*FORM_UNIT_FIELDS, "active__pk", "active__name")
            .query
        )
        sql, params = query.get_compiler(connection=connection).as_sql()
        if list(params).count(_SLUG_SLOT) != 1:
            raise RuntimeError("the form query must take the slug exactly once")
        _form_sql[key] = (sql, tuple(params))
    return _form_sql[key]


def service_unit_public_form_get(*, slug: str) -> tuple[ServiceUnit, dict[int, str]]:
    """A service unit for its public form, with its active services by id in their order
    (position, name), in ONE query (the form is the hot path of the public pages); 404 for an
    unknown address. Only the unit's own columns are read (`FORM_UNIT_FIELDS`; the others load
    on first use)."""
    connection = connections[ServiceUnit.objects.db]
    sql, params = _form_query_sql(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [slug if param == _SLUG_SLOT else param for param in params])
        rows = cursor.fetchall()
    if not rows:
        raise Http404("Unit layanan tidak ditemukan.")
    values = (*rows[0][: len(FORM_UNIT_FIELDS) - 1], bool(rows[0][len(FORM_UNIT_FIELDS) - 1]))
    unit = ServiceUnit.from_db(connection.alias, FORM_UNIT_FIELDS, values)
    services = {row[-2]: row[-1] for row in rows if row[-2] is not None}
    return unit, services


FORM_CACHE_SECONDS = 5
SLUG_MAX = 80  # ServiceUnit.slug


def _form_cache_key(slug: str) -> str:
    return f"skm-form-unit:{slug}"


def service_unit_public_form_get_cached(*, slug: str) -> tuple[ServiceUnit, dict[int, str]]:
    """`service_unit_public_form_get` through the shared cache, for showing the empty form
    only: at most FORM_CACHE_SECONDS old, and forgotten when the unit or one of its services
    is saved or deleted (`form_cache_forget`). A submission reads the unit afresh."""
    if len(slug) > SLUG_MAX:
        raise Http404("Unit layanan tidak ditemukan.")  # no such unit; no overlong cache key
    key = _form_cache_key(slug)
    cached = cache.get(key)
    if cached is not None:
        values, services = cached
        return ServiceUnit.from_db(ServiceUnit.objects.db, FORM_UNIT_FIELDS, values), dict(services)
    unit, found = service_unit_public_form_get(slug=slug)
    values = tuple(getattr(unit, name) for name in FORM_UNIT_FIELDS)
    cache.set(key, (values, list(found.items())), timeout=FORM_CACHE_SECONDS)
    return unit, found


def form_cache_forget(sender: type, instance: ServiceUnit | Service, **kwargs: Any) -> None:
    """Receiver of post_save / post_delete of ServiceUnit and Service: the next citizen's
    form shows the change (at once in this process and, with a shared cache, everywhere)."""
    if isinstance(instance, ServiceUnit):
        slugs = [instance.slug]
    elif Service._meta.get_field("service_unit").is_cached(instance):
        slugs = [instance.service_unit.slug]
    else:
        slugs = list(
            ServiceUnit.objects.filter(pk=instance.service_unit_id).values_list("slug", flat=True)
        )
    cache.delete_many([_form_cache_key(slug) for slug in slugs])
