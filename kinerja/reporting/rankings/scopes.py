"""The one rule of which lists a line belongs to, and the ordering into places, shared by the
top-and-bottom lists: a line of a unit stands in the city's list, its agency's, its unit's and
every ancestor unit's (a unit's list covers its sub-units, as its dashboard does)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from kinerja.reporting.panels.base import RankedRow

TOP = 10
"""Places in each list."""

Line = TypeVar("Line")
ScopeKey = tuple[int | None, int | None]


def scopes_of(
    agency_id: int, unit_id: int | None, parent: Mapping[int, int | None]
) -> list[ScopeKey]:
    """(agency, unit) of every list a line of `unit_id` in `agency_id` stands in: the city
    (None, None), the agency (agency, None), the unit and each unit above it."""
    keys: list[ScopeKey] = [(None, None), (agency_id, None)]
    node, seen = unit_id, set()
    while node is not None and node not in seen:
        keys.append((agency_id, node))
        seen.add(node)
        node = parent.get(node)
    return keys


def top_per_scope(
    lines: Iterable[Line],
    *,
    place: Callable[[Line], tuple[int, int | None]],
    parent: Mapping[int, int | None],
    order: Callable[[Line], Any],
    row: Callable[[Line], dict[str, Any]],
    top: int = TOP,
) -> list[RankedRow]:
    """The first `top` lines of each scope by `order`, as places 1…top; `row` gives a line's
    label, detail, value, count and target_id."""
    scopes: dict[ScopeKey, list[Line]] = defaultdict(list)
    for line in lines:
        agency_id, unit_id = place(line)
        for key in scopes_of(agency_id, unit_id, parent):
            scopes[key].append(line)
    ranked: list[RankedRow] = []
    for (scope_agency, scope_unit), members in scopes.items():
        members.sort(key=order)
        ranked.extend(
            RankedRow(agency_id=scope_agency, unit_id=scope_unit, position=position, **row(member))
            for position, member in enumerate(members[:top], start=1)
        )
    return ranked
