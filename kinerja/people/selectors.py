"""Reads about employees, scoped to the asking user; the chain of command and the org chart.

Every list costs the same number of queries for 10 rows and for 10,000 (tests count them).
An employee's agency ("home agency") is the agency of their most recent definitive
assignment, so that a retired or transferred employee still belongs somewhere; it is stored on
the row (`Employee.home_agency`, kept by `holdings.employee_homes_refresh`), so the list of one
agency reads an index in its own order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.login_names import login_name_normalize
from kinerja.accounts.permissions import (
    can_manage_agency,
    can_read_agency,
    can_read_all_agencies,
    is_agency_admin,
    is_hr_admin,
    managed_agency_id,
    require,
)
from kinerja.organization.models import Agency, Position, PositionKind, Unit
from kinerja.organization.selectors import agency_get_for_actor
from kinerja.people.chain import WALI_KOTA, Chain, Holder
from kinerja.people.holdings import chain_of_command_load, covering, today
from kinerja.people.models import Assignment, Employee
from kinerja.people.permissions import is_in_team_of

STRUCTURAL_KINDS = (PositionKind.JPT, PositionKind.ADMINISTRATOR, PositionKind.PENGAWAS)


@dataclass(frozen=True)
class EmployeeFilters:
    query: str = ""
    agency_id: int | None = None
    unit_id: int | None = None
    grade: str = ""
    position_kind: str = ""
    status: str = ""


def _search(employees: QuerySet[Employee], query: str) -> QuerySet[Employee]:
    """A NIP with or without spaces/dots matches by prefix; anything else searches names."""
    normalized = login_name_normalize(query)
    if normalized.isdigit():
        return employees.filter(nip__startswith=normalized)
    for word in query.split():
        employees = employees.filter(name__icontains=word)
    return employees


LIST_EMPLOYEE_FIELDS = (
    "nip", "employment_type", "name", "title_prefix", "title_suffix", "gender", "grade", "status",
    "home_agency", "home_unit",
)  # fmt: skip
LIST_ASSIGNMENT_FIELDS = (
    "employee_id", "position_id", "start_date", "end_date", "is_acting", "acting_kind",
    "position__name", "position__agency_id", "position__agency__name",
)  # fmt: skip


def employee_list_for_actor(
    *, actor: Actor, filters: EmployeeFilters, day: date | None = None
) -> QuerySet[Employee]:
    """Employees the actor may list, each with `current_assignments` (prefetched) for `day`
    and `upcoming_assignments` (definitive posts starting after `day`).

    BKPSDM, Pimpinan and Inspektorat see all; an Admin OPD sees their agency; others 403.
    """
    day = day or today()
    scoped_agency = managed_agency_id(actor)
    require(
        can_read_all_agencies(actor) or scoped_agency is not None,
        "Daftar pegawai hanya untuk admin, pimpinan dan auditor.",
    )
    employees = Employee.objects.all()
    agency_id = scoped_agency if scoped_agency is not None else filters.agency_id
    if agency_id is not None:
        # The stored home: the (home_agency, name, id) index gives a page in order.
        employees = employees.filter(home_agency_id=agency_id)
    current = Assignment.objects.filter(covering(day), employee=OuterRef("pk"), is_acting=False)
    if filters.unit_id is not None:
        employees = employees.filter(Exists(current.filter(position__unit_id=filters.unit_id)))
    if filters.position_kind:
        employees = employees.filter(Exists(current.filter(position__kind=filters.position_kind)))
    if filters.grade:
        employees = employees.filter(grade=filters.grade)
    if filters.status:
        employees = employees.filter(status=filters.status)
    if filters.query:
        employees = _search(employees, filters.query)
    # Only the columns that the list page and the API show: loading every column (and the
    # timestamps' conversions) of hundreds of rows cost more than the queries themselves.
    return (
        employees.order_by("name", "pk")
        .only(*LIST_EMPLOYEE_FIELDS)
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.filter(covering(day))
                .select_related("position__agency")
                .only(*LIST_ASSIGNMENT_FIELDS)
                .order_by("is_acting", "-start_date"),
                to_attr="current_assignments",
            ),
            # An imported employee whose first post starts later reads "mulai 2 Jan 2027",
            # not "—".
            Prefetch(
                "assignments",
                queryset=Assignment.objects.filter(start_date__gt=day, is_acting=False)
                .select_related("position__agency")
                .only(*LIST_ASSIGNMENT_FIELDS)
                .order_by("start_date", "pk"),
                to_attr="upcoming_assignments",
            ),
        )
    )


def employee_for_user(*, user: Actor) -> Employee | None:
    """The employee record of a user (their NIP login); None for staff accounts and the system."""
    if user is None:
        return None
    return Employee.objects.filter(user_id=user.pk).first()


def employee_get_for_actor(*, actor: Actor, employee_id: int) -> Employee:
    """The employee themself, their supervisor, admins of their agency, BKPSDM, leaders,
    auditors; else 404."""
    employee = Employee.objects.select_related("user").filter(pk=employee_id).first()
    if employee is None:
        raise Http404
    own = employee.user_id is not None and employee.user_id == getattr(actor, "pk", None)
    home: int | None = employee.home_agency_id
    if not (
        own
        or can_read_all_agencies(actor)
        or (is_agency_admin(actor) and can_read_agency(actor, home))
        or is_in_team_of(actor, employee.pk)
    ):
        raise Http404
    return employee


def assignment_history(*, employee: Employee) -> list[Assignment]:
    return list(
        employee.assignments.select_related("position__agency", "position__unit").order_by(
            "-start_date", "is_acting", "-pk"
        )
    )


# --- chain of command -------------------------------------------------------------------------


@dataclass(frozen=True)
class Official:
    """A resolved chain member: an employee in a post, or the Wali Kota."""

    employee: Employee | None
    position: Position | None
    is_acting: bool = False
    is_wali_kota: bool = False


@dataclass(frozen=True)
class ChainView:
    day: date
    positions: list[Official]
    supervisor: Official | None
    appraiser: Official | None
    appraiser_superior: Official | None
    subordinates: list[Official]
    peers: list[Official]
    notes: tuple[str, ...] = field(default=())


def chain_of_command_view(*, employee: Employee, day: date | None = None) -> ChainView:
    """The chain with Employee and Position rows resolved (two more queries)."""
    day = day or today()
    return chain_resolve(chain=chain_of_command_load(employee_id=employee.pk, day=day))


def chain_resolve(*, chain: Chain) -> ChainView:
    """Employee and Position rows for the people and posts of a computed chain (two queries)."""
    members: list[Holder] = [*chain.positions, *chain.subordinates, *chain.peers]
    for official in (chain.supervisor, chain.appraiser, chain.appraiser_superior):
        if isinstance(official, Holder):
            members.append(official)
    people = Employee.objects.in_bulk({h.employee_id for h in members})
    posts = Position.objects.select_related("unit", "agency").in_bulk(
        {h.position_id for h in members}
    )

    def resolve(holder: Holder) -> Official:
        return Official(
            employee=people.get(holder.employee_id),
            position=posts.get(holder.position_id),
            is_acting=holder.is_acting,
        )

    def resolve_official(value: object) -> Official | None:
        if value == WALI_KOTA:
            return Official(employee=None, position=None, is_wali_kota=True)
        return resolve(value) if isinstance(value, Holder) else None

    return ChainView(
        day=chain.day,
        positions=[resolve(h) for h in chain.positions],
        supervisor=resolve_official(chain.supervisor),
        appraiser=resolve_official(chain.appraiser),
        appraiser_superior=resolve_official(chain.appraiser_superior),
        subordinates=[resolve(h) for h in chain.subordinates],
        peers=[resolve(h) for h in chain.peers],
        notes=chain.notes,
    )


# --- organisation chart -----------------------------------------------------------------------


@dataclass
class ChartPost:
    position: Position
    holder: Employee | None = None
    acting: Employee | None = None
    acting_kind: str = ""


@dataclass
class ChartUnit:
    unit: Unit | None
    depth: int
    posts: list[ChartPost] = field(default_factory=list)
    total: int = 0
    filled: int = 0
    acting: int = 0

    @property
    def vacant(self) -> int:
        return self.total - self.filled


@dataclass
class OrgChart:
    agency: Agency
    day: date
    head: ChartPost | None
    units: list[ChartUnit]
    total: int
    filled: int
    acting: int

    @property
    def vacant(self) -> int:
        return self.total - self.filled


def org_chart_for_actor(*, actor: Actor, agency_id: int, day: date | None = None) -> OrgChart:
    """Units as a tree with their structural posts (JPT, administrator, pengawas) and holders,
    and counts of all posts, filled, vacant and acting per unit. Staff posts are counted,
    not listed: the employee list filtered by unit shows them. Six queries at any size."""
    day = day or today()
    agency = agency_get_for_actor(actor=actor, agency_id=agency_id)
    units = list(Unit.objects.filter(agency=agency).order_by("name", "pk"))
    structural = list(
        Position.objects.filter(agency=agency)
        .filter(Q(kind__in=STRUCTURAL_KINDS) | Q(is_head_of_agency=True))
        .order_by("-is_head_of_agency", "kind", "name", "pk")
    )
    posts = {p.pk: ChartPost(position=p) for p in structural}
    holders = (
        Assignment.objects.filter(covering(day), position_id__in=list(posts))
        .select_related("employee")
        .order_by("start_date", "pk")
    )
    for a in holders:
        post = posts[a.position_id]
        if a.is_acting:
            post.acting = post.acting or a.employee
            post.acting_kind = post.acting_kind or a.acting_kind
        elif post.holder is None:
            post.holder = a.employee
    active = Assignment.objects.filter(covering(day), position=OuterRef("pk"))
    counts = (
        Position.objects.filter(agency=agency)
        .annotate(
            has_holder=Exists(active.filter(is_acting=False)),
            has_acting=Exists(active.filter(is_acting=True)),
        )
        .values("unit_id")
        .annotate(
            total=Count("id"),
            filled=Count("id", filter=Q(has_holder=True)),
            acting=Count("id", filter=Q(has_acting=True) & Q(has_holder=False)),
        )
        .order_by()
    )
    by_unit = {row["unit_id"]: row for row in counts}
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    posts_by_unit: dict[int | None, list[ChartPost]] = {}
    head: ChartPost | None = None
    for post in posts.values():
        if post.position.is_head_of_agency and head is None:
            head = post
            continue
        posts_by_unit.setdefault(post.position.unit_id, []).append(post)

    rows: list[ChartUnit] = []

    def add(unit: Unit | None, depth: int) -> None:
        key = unit.pk if unit is not None else None
        row = by_unit.get(key, {})
        rows.append(
            ChartUnit(
                unit=unit,
                depth=depth,
                posts=posts_by_unit.get(key, []),
                total=row.get("total", 0),
                filled=row.get("filled", 0),
                acting=row.get("acting", 0),
            )
        )
        if unit is not None:
            for child in children.get(unit.pk, []):
                add(child, depth + 1)

    unattached = by_unit.get(None, {})
    if posts_by_unit.get(None) or unattached.get("total", 0) > (1 if head else 0):
        add(None, 0)
    for root in children.get(None, []):
        add(root, 0)
    return OrgChart(
        agency=agency,
        day=day,
        head=head,
        units=rows,
        total=sum(r["total"] for r in by_unit.values()),
        filled=sum(r["filled"] for r in by_unit.values()),
        acting=sum(r["acting"] for r in by_unit.values()),
    )


def position_vacant_list_for_actor(*, actor: Actor, day: date | None = None) -> QuerySet[Position]:
    """Posts without a definitive holder on or after `day`, in agencies the actor manages."""
    day = day or today()
    require(
        is_hr_admin(actor) or managed_agency_id(actor) is not None,
        "Hanya Admin BKPSDM dan Admin OPD yang dapat menempatkan pegawai.",
    )
    held = Assignment.objects.filter(position=OuterRef("pk"), is_acting=False).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day)
    )
    posts = Position.objects.filter(~Exists(held)).select_related("agency", "unit")
    scoped = managed_agency_id(actor)
    if scoped is not None:
        posts = posts.filter(agency_id=scoped)
    return posts.order_by("agency__name", "name", "pk")


def assignment_get_for_actor(*, actor: Actor, assignment_id: int) -> Assignment:
    """An assignment the actor may change; 404 for anything outside their agency."""
    assignment = (
        Assignment.objects.select_related("employee", "position__agency", "position__unit")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None or not can_manage_agency(actor, assignment.position.agency_id):
        raise Http404
    return assignment
