"""The query parameters every evaluation endpoint reads the same way: `periode` (a period id),
`evaluasi` (a window id of that period or "tahunan"), `agency` (an agency id) — parsed by
`selectors.common.scope_from_query`, so that the API refuses with the pages' sentences, keyed
by the parameter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from rest_framework import serializers

from kinerja.core.params import IdSerializerField
from kinerja.evaluation.rules import ANNUAL_PARAM, Scope
from kinerja.evaluation.selectors.common import PERIOD_PARAM, SCOPE_PARAM, scope_from_query
from kinerja.organization.models import Agency
from kinerja.periods.models import PerformancePeriod

SCOPE_HELP = f"ID evaluasi periodik periode itu, atau {ANNUAL_PARAM!r} untuk penilaian tahunan."


class ScopeInputSerializer(serializers.Serializer[Any]):
    """`periode` and `evaluasi` as the schema shows them (the values are read by `scope_of`)."""

    periode = IdSerializerField(required=False, help_text="ID periode penilaian.")
    evaluasi = serializers.CharField(required=False, max_length=20, help_text=SCOPE_HELP)


def scope_of(query: Mapping[str, Any], *, required: bool = False) -> Scope | None:
    """The group named by `periode` and `evaluasi` (by default the current period's latest
    ended window); None when there is no period at all. A bad value is a ValidationError keyed
    by the parameter it names."""
    plain = {
        key: str(query.get(key) or "").strip()[:40]
        for key in (PERIOD_PARAM, SCOPE_PARAM)
        if query.get(key) is not None
    }
    try:
        scope = scope_from_query(plain)
    except ValidationError as error:
        key = PERIOD_PARAM if any(m.startswith("Periode") for m in error.messages) else SCOPE_PARAM
        raise ValidationError({key: error.messages}) from error
    if scope is None and required:
        raise ValidationError({PERIOD_PARAM: ["Belum ada periode penilaian; isi periode."]})
    return scope


@dataclass(frozen=True)
class Filters:
    """The list filters: a period alone, or a group (period and window or year)."""

    period: PerformancePeriod | None
    scope: Scope | None


def filters_of(query: Mapping[str, Any]) -> Filters:
    """`evaluasi` names a group (with `periode`, default the current period); `periode` alone
    filters by the whole period; neither filters nothing."""
    if query.get(SCOPE_PARAM):
        scope = scope_of(query)
        return Filters(scope.period if scope else None, scope)
    if query.get(PERIOD_PARAM):
        scope = scope_of(query)
        return Filters(scope.period if scope else None, None)
    return Filters(None, None)


def agency_of(agency_id: int | None, *, field: str = "agency") -> Agency | None:
    """The agency of an id from the input, or a ValidationError naming the field."""
    if agency_id is None:
        return None
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:
        raise ValidationError(
            {field: [f"Perangkat daerah {agency_id} tidak ada; isi ID perangkat daerah."]}
        )
    return agency
