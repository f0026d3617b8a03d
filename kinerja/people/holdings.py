"""Who holds which post on a date: the queries under the chain of command and the home agency.

The lowest module of the app that reads the database: `permissions` (relationship rules) and
`selectors` (pages) both build on it, so neither has to import the other's internals.

An employee's home (agency and unit) is stored on the Employee row (`home_agency`,
`home_unit`) so that a list of one agency is an index scan; `employee_homes_refresh` is the
only writer of that copy and every writer of assignments calls it in its own transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import F, Lookup, OuterRef, Q, QuerySet, Subquery
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.organization.models import Position
from kinerja.people.chain import (
    Chain,
    Holding,
    Official,
    PositionNode,
    chain_of_command,
    official_above,
)
from kinerja.people.models import Assignment, Employee


def today() -> date:
    return timezone.localdate()


def covering(day: date, prefix: str = "") -> Q:
    """Rows (assignments, by default) open on `day`: started, and not ended before it."""
    return Q(**{f"{prefix}start_date__lte": day}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": day})
    )


def _home_subquery(column: str) -> Subquery:
    """The rule of an employee's home: `column` of their most recent definitive (non-acting)
    assignment, the latest start first (the newest row on a tie), also after it ended, so that
    a retired or transferred employee still belongs somewhere."""
    return Subquery(
        Assignment.objects.filter(employee=OuterRef("pk"), is_acting=False)
        .order_by("-start_date", "-pk")
        .values(column)[:1]
    )


def home_agency_subquery() -> Subquery:
    """An employee's home agency computed from the assignments: the rule that
    `employee_homes_refresh` stores in `Employee.home_agency` (read the stored field)."""
    return _home_subquery("position__agency_id")


def home_unit_subquery() -> Subquery:
    """The unit of the post that gives the home agency (None for a post outside any unit)."""
    return _home_subquery("position__unit_id")


class _DistinctFrom(Lookup):  # type: ignore[type-arg]
    """`a IS DISTINCT FROM b`: unequal, where NULL equals NULL (SQLite spells it `IS NOT`)."""

    lookup_name = "distinct_from"

    def as_sql(self, compiler: SQLCompiler, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        operator = "IS NOT" if connection.vendor == "sqlite" else "IS DISTINCT FROM"
        return f"{lhs} {operator} {rhs}", [*lhs_params, *rhs_params]


HOME_REFRESH_CHUNK = 5000
"""Employee ids per UPDATE: below the parameter limits of SQLite and PostgreSQL."""


def employee_homes_refresh(*, employee_ids: Iterable[int] | None = None) -> int:
    """Store each employee's home (agency and unit, the rule of `home_agency_subquery`) on
    their row: the given employees, or everyone. Returns how many rows changed.

    The one writer of `Employee.home_agency` and `home_unit`: every service, import, seed and
    builder that writes assignments calls it inside its transaction. One UPDATE (per
    `HOME_REFRESH_CHUNK` ids) that touches only rows whose stored home differs from the rule's,
    so a second call returns 0: the invariant the tests check.
    """
    if employee_ids is None:
        return _homes_update(Employee.objects.all())
    ids = sorted(set(employee_ids))
    return sum(
        _homes_update(Employee.objects.filter(pk__in=ids[start : start + HOME_REFRESH_CHUNK]))
        for start in range(0, len(ids), HOME_REFRESH_CHUNK)
    )


def _homes_update(employees: QuerySet[Employee]) -> int:
    agency, unit = home_agency_subquery(), home_unit_subquery()
    stale = Q(_DistinctFrom(F("home_agency_id"), agency)) | Q(
        _DistinctFrom(F("home_unit_id"), unit)
    )
    changed: int = employees.filter(stale).update(home_agency_id=agency, home_unit_id=unit)
    return changed


def employee_home_agency_id(*, employee_id: int) -> int | None:
    """The stored home agency of one employee (one query)."""
    agency_id: int | None = (
        Employee.objects.filter(pk=employee_id).values_list("home_agency_id", flat=True).first()
    )
    return agency_id


def _nodes(query: Q) -> dict[int, PositionNode]:
    rows = Position.objects.filter(query).values_list(
        "id", "supervisor_id", "kind", "is_head_of_agency"
    )
    return {pk: PositionNode(pk, sup, kind, head) for pk, sup, kind, head in rows}


def _holdings(position_ids: Iterable[int], day: date) -> list[Holding]:
    rows = Assignment.objects.filter(covering(day), position_id__in=list(position_ids)).values_list(
        "employee_id", "position_id", "start_date", "end_date", "is_acting"
    )
    return [Holding(*row) for row in rows]


def chain_of_command_load(*, employee_id: int, day: date) -> Chain:
    """Fetch the neighbourhood of the employee's posts and compute the chain.

    Queries grow with the depth of the tree (about five levels), never with its size.
    """
    mine = list(
        Assignment.objects.filter(covering(day), employee_id=employee_id).values_list(
            "position_id", flat=True
        )
    )
    nodes = _nodes(Q(pk__in=mine))
    missing = {n.supervisor_id for n in nodes.values()} - set(nodes) - {None}
    while missing:
        nodes.update(_nodes(Q(pk__in=missing)))
        missing = {n.supervisor_id for n in nodes.values()} - set(nodes) - {None}
    holdings = {(h.employee_id, h.position_id, h.start): h for h in _holdings(nodes, day)}

    def add(new_nodes: dict[int, PositionNode]) -> set[int]:
        fresh = {pk: n for pk, n in new_nodes.items() if pk not in nodes}
        nodes.update(fresh)
        for h in _holdings(fresh, day):
            holdings[(h.employee_id, h.position_id, h.start)] = h
        held = {h.position_id for h in holdings.values()}
        return {pk for pk in fresh if pk not in held}

    parents = {nodes[pid].supervisor_id for pid in mine if pid in nodes} - {None}
    down = set(mine)
    vacant = add(_nodes(Q(supervisor_id__in=down | parents)))
    # Subordinates: walk down through vacant posts under the employee's own posts only.
    frontier = {pk for pk in vacant if nodes[pk].supervisor_id in down}
    while frontier:
        down |= frontier
        frontier = add(_nodes(Q(supervisor_id__in=frontier))) - down
    return chain_of_command(
        employee_id=employee_id, day=day, positions=nodes, holdings=holdings.values()
    )


def official_above_load(*, position_id: int, day: date, excluded: Iterable[int]) -> Official:
    """`chain.official_above` with its rows fetched: the posts from `position_id` up to the top
    and their holders on `day` (one query per level)."""
    nodes = _nodes(Q(pk=position_id))
    missing = {n.supervisor_id for n in nodes.values()} - set(nodes) - {None}
    while missing:
        nodes.update(_nodes(Q(pk__in=missing)))
        missing = {n.supervisor_id for n in nodes.values()} - set(nodes) - {None}
    return official_above(
        position_id=position_id,
        day=day,
        positions=nodes,
        holdings=_holdings(nodes, day),
        excluded=frozenset(excluded),
    )


def employee_id_for_user(actor: Actor) -> int | None:
    """The employee record of an active user; None for the system, staff accounts, the inactive.

    No query when the user was loaded with their employee (the session user, see
    `kinerja.accounts.backends.SessionUserBackend`), so every permission check on a page is free.
    """
    if actor is None or not actor.is_active:
        return None
    cached = actor._state.fields_cache
    if "employee" in cached:
        employee = cached["employee"]
        return employee.pk if employee is not None else None
    employee_id: int | None = (
        Employee.objects.filter(user_id=actor.pk).values_list("pk", flat=True).first()
    )
    return employee_id


def employee_user_ids(employee_ids: Iterable[int | None]) -> list[int]:
    """The active users of these employee records (an employee without a login is skipped),
    in one query; for notifications."""
    ids = {pk for pk in employee_ids if pk is not None}
    if not ids:
        return []
    return list(
        Employee.objects.filter(pk__in=ids, user__isnull=False, user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
