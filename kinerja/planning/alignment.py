"""Seeing the chain (issue 10, item 6): the results-role matrix of a supervisor, the alignment
tree of an agency and the completion counters per agency.

Each is built in Python from a fixed handful of `values()` queries, whatever the size of the
team or the agency: the tree of the largest agency has thousands of nodes, so rows are plain
values (no model instances, no query per node), and the tree is handed to the template as a
flat list in reading order (no recursive include).

Who may see:
- the matrix: the asking user only, as a supervisor (their own results by their team);
- the tree: Admin OPD of the agency, BKPSDM, Pimpinan, Inspektorat and the head of the agency
  (who holds its head post, definitively or as Plt/Plh, on the period's day); others 404;
- the counters: BKPSDM, Pimpinan, Inspektorat for every agency, Admin OPD for their own;
  others 403.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_read_agency
from kinerja.core.status_tones import state_tone
from kinerja.organization.models import Agency, Position
from kinerja.organization.selectors import agency_list_for_actor
from kinerja.people.holdings import covering, employee_id_for_user, today
from kinerja.people.models import Assignment, Employee
from kinerja.people.permissions import team_chain_of
from kinerja.periods.models import PerformancePeriod
from kinerja.periods.selectors import period_current
from kinerja.planning.models import (
    Aspect,
    GoalIndicator,
    Indicator,
    OrganizationGoal,
    PerformancePlan,
    PlannedResult,
    PlanState,
)
from kinerja.planning.rules import target_text
from kinerja.scoring.nip import format_nip

OPEN_DEPTH = 2
"""Tree levels shown open on arrival (goals and the head's results); deeper ones are folded."""


# --- shared pieces --------------------------------------------------------------------------


def period_for_view(*, period_id: int | None = None, day: date | None = None) -> PerformancePeriod:
    """The period a page shows: the one asked for (`?periode=`), else the current one
    (`periods.selectors.period_current`), else the latest; 404 when there is none."""
    if period_id is not None:
        chosen = PerformancePeriod.objects.filter(pk=period_id).first()
    else:
        chosen = (
            period_current(day=day)
            or PerformancePeriod.objects.order_by("is_trial", "-start_date", "pk").first()
        )
    if chosen is None:
        raise Http404("Belum ada periode penilaian.")
    return chosen


def period_day(period: PerformancePeriod, day: date | None = None) -> date:
    """The day whose chain of command a page of `period` shows: today, clipped to the period."""
    day = day or today()
    return min(max(day, period.start_date), period.end_date)


def full_name(prefix: str, name: str, suffix: str) -> str:
    """`Employee.full_name` from plain values."""
    shown = f"{prefix} {name}".strip() if prefix else name
    return f"{shown}, {suffix}" if suffix else shown


def _nip(nip: str, employment_type: str) -> str:
    try:
        return format_nip(nip, employment_type)
    except ValueError:
        return nip


def _state_labels() -> dict[str, str]:
    return {value: str(label) for value, label in PlanState.choices}


def _plan_url_maker() -> Any:
    head, _, tail = reverse("planning:plan_detail", kwargs={"plan_id": 0}).rpartition("/0/")
    return lambda plan_id: f"{head}/{plan_id}/{tail}"


_EMPLOYEE_FIELDS = ("title_prefix", "name", "title_suffix", "nip", "employment_type")


# --- the results-role matrix ------------------------------------------------------------------


@dataclass(frozen=True)
class ResultRef:
    id: int
    number: int
    kind: str
    text: str

    @property
    def label(self) -> str:
        return f"{self.number}. {self.text}"


@dataclass(frozen=True)
class TeamMember:
    employee_id: int
    name: str
    nip: str
    position_name: str
    plan_id: int | None
    state: str
    state_label: str

    @property
    def state_css(self) -> str:
        return state_tone(self.state)[0].css


@dataclass(frozen=True)
class MatrixCell:
    member: TeamMember
    results: list[ResultRef]


@dataclass(frozen=True)
class MatrixRow:
    result: ResultRef
    cells: list[MatrixCell]
    """One cell per column (subordinate) of this page, in the order of `ResultsMatrix.columns`."""
    contributions: int
    """Results of the whole team (every page) that contribute to this one."""

    @property
    def has_contributor(self) -> bool:
        return self.contributions > 0


@dataclass(frozen=True)
class UnlinkedResult:
    member: TeamMember
    result: ResultRef


@dataclass(frozen=True)
class ResultsMatrix:
    period: PerformancePeriod
    day: date
    is_employee: bool
    own_plan_ids: list[int]
    columns: list[TeamMember]
    """The subordinates of this page (`MATRIX_COLUMNS` a page)."""
    rows: list[MatrixRow]
    unlinked: list[UnlinkedResult]
    without_plan: list[TeamMember]
    team_size: int = 0
    unlinked_count: int = 0
    without_plan_count: int = 0
    page: Any = None
    """The `Paginator` page of the team shown as columns."""

    @property
    def orphans(self) -> list[MatrixRow]:
        """Own results that no subordinate contributes to."""
        return [row for row in self.rows if not row.has_contributor]


MATRIX_COLUMNS = 25
"""Subordinates per page of the matrix: a large team (a head of agency through vacant posts)
is paged, so the table stays readable and the page small."""
WARNINGS_SHOWN = 100
"""Most loose results and most subordinates without a plan listed; totals are always given."""


def _result_ref(row: Mapping[str, Any]) -> ResultRef:
    return ResultRef(id=row["id"], number=row["number"], kind=row["kind"], text=row["text"])


def results_matrix_for_actor(
    *, actor: Actor, period_id: int | None = None, page_number: str | None = None
) -> ResultsMatrix:
    """The actor's own results (rows) by their team on the period's day (columns, paged); each
    cell the subordinate's results whose parent is that row's result. The warnings cover the
    whole team. Queries do not grow with the team.
    """
    period = period_for_view(period_id=period_id)
    day = period_day(period)
    me = employee_id_for_user(actor)
    chain = team_chain_of(actor, day=day) if me is not None else None
    if me is None or chain is None:
        return ResultsMatrix(period, day, False, [], [], [], [], [])
    holders: dict[int, int] = {}
    for holder in chain.subordinates:
        holders.setdefault(holder.employee_id, holder.position_id)
    own = list(
        PlannedResult.objects.filter(plan__employee_id=me, plan__period=period)
        .order_by("plan__start_date", "plan_id", "kind", "number", "pk")
        .values("id", "plan_id", "number", "kind", "text")
    )
    people = {
        row["id"]: row
        for row in Employee.objects.filter(pk__in=list(holders)).values("id", *_EMPLOYEE_FIELDS)
    }
    positions = dict(
        Position.objects.filter(pk__in=set(holders.values())).values_list("id", "name")
    )
    plans: dict[int, Mapping[str, Any]] = {}
    for found in (
        PerformancePlan.objects.filter(period=period, employee_id__in=list(holders))
        .order_by("start_date", "pk")
        .values("id", "employee_id", "state")
    ):
        plans[found["employee_id"]] = found  # the latest plan of the period wins
    their_results = list(
        PlannedResult.objects.filter(plan__period=period, plan__employee_id__in=list(holders))
        .order_by("kind", "number", "pk")
        .values("id", "number", "kind", "text", "parent_id", "plan__employee_id")
    )
    labels = _state_labels()
    members = []
    for employee_id, position_id in holders.items():
        person = people.get(employee_id)
        if person is None:
            continue
        plan = plans.get(employee_id)
        members.append(
            TeamMember(
                employee_id=employee_id,
                name=full_name(person["title_prefix"], person["name"], person["title_suffix"]),
                nip=_nip(person["nip"], person["employment_type"]),
                position_name=positions.get(position_id, ""),
                plan_id=plan["id"] if plan else None,
                state=plan["state"] if plan else "",
                state_label=labels.get(plan["state"], "") if plan else "",
            )
        )
    members.sort(key=lambda m: (m.position_name, m.name, m.employee_id))
    order = {m.employee_id: i for i, m in enumerate(members)}
    page = Paginator(members, MATRIX_COLUMNS).get_page(page_number)
    shown = list(page.object_list)
    column_of = {m.employee_id: i for i, m in enumerate(shown)}
    member_by_id = {m.employee_id: m for m in members}
    own_ids = {row["id"] for row in own}
    cells: dict[int, list[MatrixCell]] = {
        row["id"]: [MatrixCell(member, []) for member in shown] for row in own
    }
    contributions: dict[int, int] = defaultdict(int)
    unlinked = []
    for theirs in their_results:
        employee_id = theirs["plan__employee_id"]
        if employee_id not in member_by_id:
            continue
        parent_id = theirs["parent_id"]
        if parent_id in own_ids:
            contributions[parent_id] += 1
            if employee_id in column_of:
                cells[parent_id][column_of[employee_id]].results.append(_result_ref(theirs))
        else:
            unlinked.append(UnlinkedResult(member_by_id[employee_id], _result_ref(theirs)))
    unlinked.sort(key=lambda u: (order[u.member.employee_id], u.result.kind, u.result.number))
    without_plan = [m for m in members if m.plan_id is None]
    return ResultsMatrix(
        period=period,
        day=day,
        is_employee=True,
        own_plan_ids=sorted({row["plan_id"] for row in own}),
        columns=shown,
        rows=[
            MatrixRow(_result_ref(row), cells[row["id"]], contributions[row["id"]]) for row in own
        ],
        unlinked=unlinked[:WARNINGS_SHOWN],
        without_plan=without_plan[:WARNINGS_SHOWN],
        team_size=len(members),
        unlinked_count=len(unlinked),
        without_plan_count=len(without_plan),
        page=page,
    )


# --- the alignment tree -----------------------------------------------------------------------

TREE_DEPTH = 4
"""Levels of results shown under a root (a goal, a loose result, or the branch asked for);
deeper levels are one link away ("Lihat cabang"), so the page stays small for any agency."""
TREE_BUDGET = 1500
"""Most results one page shows; a node whose children would pass it links to its branch."""
LOOSE_SHOWN = 100
"""Most loose results (reaching no goal) listed; the page says how many more there are."""
NOT_STARTED_SHOWN = 300
"""Most names listed under "Belum memulai SKP"; the page says how many more there are."""


@dataclass(frozen=True)
class IndicatorLine:
    aspect: str
    text: str
    target: str


@dataclass
class TreeNode:
    """A goal (with its IKU) or a result (with the employee, plan state and IKI)."""

    key: str
    kind: str  # "goal" | "result"
    text: str
    number: int
    indicators: list[IndicatorLine] = field(default_factory=list)
    employee_name: str = ""
    position_name: str = ""
    plan_url: str = ""
    state: str = ""
    state_label: str = ""
    state_css: str = ""
    children: list[TreeNode] = field(default_factory=list)
    hidden: int = 0
    """Results below this node not shown on this page (its branch link shows them)."""
    branch_id: int | None = None


@dataclass(frozen=True)
class TreeEntry:
    """A node in reading order: the template opens `<li><details>` for it, a `<ul>` when it
    has children, and closes `closes` levels after it."""

    node: TreeNode
    depth: int
    is_open: bool
    has_children: bool
    closes: range


@dataclass(frozen=True)
class NotStarted:
    name: str
    nip: str
    position_name: str


@dataclass(frozen=True)
class AlignmentTree:
    agency: Agency
    period: PerformancePeriod
    day: date
    goal_count: int
    result_count: int
    entries: list[TreeEntry]
    unlinked: list[TreeEntry]
    """Results of the agency's plans that reach no goal: no parent, or a parent outside it."""
    unlinked_count: int
    not_started: list[NotStarted]
    not_started_count: int
    plan_count: int
    employee_count: int
    branch: TreeNode | None = None
    """The result whose branch this page shows (`?cabang=`), None for the whole tree."""
    branch_path: list[str] = field(default_factory=list)
    """From the goal down to the branch's parent, as text."""


def _is_head_of(actor: Actor, agency_id: int, day: date) -> bool:
    me = employee_id_for_user(actor)
    if me is None:
        return False
    return Assignment.objects.filter(
        covering(day),
        employee_id=me,
        position__agency_id=agency_id,
        position__is_head_of_agency=True,
    ).exists()


def can_see_agency_chain(actor: Actor, agency_id: int, day: date) -> bool:
    """Tree and goals of an agency: Admin OPD of it, BKPSDM, Pimpinan, Inspektorat, its head."""
    return can_read_agency(actor, agency_id) or _is_head_of(actor, agency_id, day)


def alignment_agency_get_for_actor(*, actor: Actor, agency_id: int, day: date) -> Agency:
    """The agency whose tree the actor may see (404 otherwise, so nothing leaks)."""
    if not can_see_agency_chain(actor, agency_id, day):
        raise Http404
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:
        raise Http404
    return agency


def _flatten(roots: Iterable[TreeNode]) -> list[TreeEntry]:
    """Pre-order entries; iterative, so a deep or long chain never hits the recursion limit."""
    entries: list[TreeEntry] = []
    stack: list[tuple[TreeNode, int, int]] = [(n, 0, 0) for n in reversed(list(roots))]
    # Each stack item: (node, depth, levels to close after its subtree ends).
    while stack:
        node, depth, closes_after = stack.pop()
        if node.children:
            entries.append(TreeEntry(node, depth, depth < OPEN_DEPTH, True, range(0)))
            for i, child in enumerate(reversed(node.children)):
                # The last child (first pushed) closes this node's level too.
                stack.append((child, depth + 1, closes_after + 1 if i == 0 else 0))
        else:
            entries.append(TreeEntry(node, depth, depth < OPEN_DEPTH, False, range(closes_after)))
    return entries


@dataclass
class _Results:
    """Every result of the agency's plans as ids and links: cheap to walk at any size."""

    rows: dict[int, Mapping[str, Any]]
    children: dict[int, list[int]]
    by_goal: dict[int, list[int]]
    loose: list[int]
    size: dict[int, int]
    """Results below each result (its whole branch)."""


def _results_index(rows: Sequence[Mapping[str, Any]], goal_ids: set[int]) -> _Results:
    by_id = {r["id"]: r for r in rows}
    children: dict[int, list[int]] = defaultdict(list)
    by_goal: dict[int, list[int]] = defaultdict(list)
    loose: list[int] = []
    for r in rows:
        if r["goal_id"] in goal_ids:
            by_goal[r["goal_id"]].append(r["id"])
        elif r["parent_id"] in by_id and r["parent_id"] != r["id"]:
            children[r["parent_id"]].append(r["id"])
        else:
            loose.append(r["id"])
    # A result reached from no goal and no loose root sits in a loop of parents (the rules
    # refuse loops; stored data may still hold one): cut the loop there and show it as loose.
    reached: set[int] = set()
    order: list[int] = []

    def walk(start: int) -> None:
        stack = [start]
        while stack:
            node = stack.pop()
            if node not in reached:
                reached.add(node)
                order.append(node)
                stack.extend(children.get(node, []))

    for root in [*(i for ids in by_goal.values() for i in ids), *loose]:
        walk(root)
    for r in rows:
        if r["id"] not in reached:
            children[r["parent_id"]].remove(r["id"])
            loose.append(r["id"])
            walk(r["id"])
    size: dict[int, int] = {}
    for node in reversed(order):  # children before parents
        size[node] = sum(1 + size[c] for c in children.get(node, []))
    return _Results(rows=by_id, children=children, by_goal=by_goal, loose=loose, size=size)


class _Shown:
    """Chooses the results a page shows: breadth first from the roots, whole families only,
    at most `TREE_DEPTH` levels and `TREE_BUDGET` results."""

    def __init__(self, index: _Results, make: Callable[[Mapping[str, Any]], TreeNode]) -> None:
        self.index = index
        self.make = make
        self.nodes: dict[int, TreeNode] = {}
        self.left = TREE_BUDGET

    def grow(self, roots: list[TreeNode]) -> None:
        level = [(n, 0) for n in roots]
        while level:
            following: list[tuple[TreeNode, int]] = []
            for node, depth in level:
                ids = self._children_of(node)
                if not ids:
                    continue
                if depth >= TREE_DEPTH or len(ids) > self.left:
                    node.hidden = sum(1 + self.index.size[i] for i in ids)
                    continue
                self.left -= len(ids)
                for result_id in ids:
                    child = self.result(result_id)
                    node.children.append(child)
                    following.append((child, depth + 1))
            level = following

    def result(self, result_id: int) -> TreeNode:
        node = self.make(self.index.rows[result_id])
        self.nodes[result_id] = node
        return node

    def _children_of(self, node: TreeNode) -> list[int]:
        if node.kind == "goal":
            return self.index.by_goal.get(int(node.key[1:]), [])
        return self.index.children.get(int(node.key[1:]), [])


def alignment_tree_for_actor(
    *,
    actor: Actor,
    agency_id: int,
    period_id: int | None = None,
    branch_id: int | None = None,
) -> AlignmentTree:
    """Goals → the head's results linked to them → the results contributing to those (through
    `parent`) → … down to every indicator; plus who in the agency has not started a plan.

    A page shows `TREE_DEPTH` levels of results (at most `TREE_BUDGET`); each deeper branch
    is a link to the same page with `branch_id` (`?cabang=`), which shows that branch the same
    way. Nine queries at any size (authorisation included)."""
    period = period_for_view(period_id=period_id)
    day = period_day(period)
    agency = alignment_agency_get_for_actor(actor=actor, agency_id=agency_id, day=day)
    labels = _state_labels()
    tones = {state: state_tone(state)[0].css for state in labels}
    aspects = {value: str(label) for value, label in Aspect.choices}
    plan_url = _plan_url_maker()

    goals = list(
        OrganizationGoal.objects.filter(agency=agency, period=period)
        .order_by("number", "pk")
        .values("id", "number", "statement")
    )
    goal_nodes: dict[int, TreeNode] = {
        g["id"]: TreeNode(key=f"g{g['id']}", kind="goal", text=g["statement"], number=g["number"])
        for g in goals
    }
    for ind in (
        GoalIndicator.objects.filter(goal__agency=agency, goal__period=period)
        .order_by("goal_id", "number", "pk")
        .values(
            "goal_id",
            "text",
            "target_kind",
            "target_value",
            "target_max",
            "target_unit",
            "target_description",
        )
    ):
        goal_nodes[ind["goal_id"]].indicators.append(
            IndicatorLine(aspect="IKU", text=ind["text"], target=_target_of(ind))
        )
    plans = {
        p["id"]: p
        for p in PerformancePlan.objects.filter(period=period, position__agency=agency).values(
            "id",
            "employee_id",
            "state",
            "position__name",
            *(f"employee__{f}" for f in _EMPLOYEE_FIELDS),
        )
    }
    rows = list(
        PlannedResult.objects.filter(plan__period=period, plan__position__agency=agency)
        .order_by("kind", "number", "pk")
        .values("id", "plan_id", "number", "text", "parent_id", "goal_id")
    )
    index = _results_index(rows, set(goal_nodes))

    def make(r: Mapping[str, Any]) -> TreeNode:
        plan = plans[r["plan_id"]]
        return TreeNode(
            key=f"r{r['id']}",
            kind="result",
            text=r["text"],
            number=r["number"],
            employee_name=full_name(
                plan["employee__title_prefix"],
                plan["employee__name"],
                plan["employee__title_suffix"],
            ),
            position_name=plan["position__name"],
            plan_url=plan_url(r["plan_id"]),
            state=plan["state"],
            state_label=labels.get(plan["state"], plan["state"]),
            state_css=tones.get(plan["state"], "neutral"),
            branch_id=r["id"],
        )

    shown = _Shown(index, make)
    branch: TreeNode | None = None
    path: list[str] = []
    loose_roots: list[TreeNode] = []
    if branch_id is not None:
        if branch_id not in index.rows:
            raise Http404
        branch = shown.result(branch_id)
        shown.grow([branch])
        path = _path_to(index, branch_id, goal_nodes)
        roots: list[TreeNode] = [branch]
    else:
        roots = list(goal_nodes.values())
        shown.grow(roots)
        loose_roots = [shown.result(i) for i in index.loose[:LOOSE_SHOWN]]
        shown.grow(loose_roots)
    for iki in (
        Indicator.objects.filter(result_id__in=list(shown.nodes))
        .order_by("result_id", "number", "pk")
        .values(
            "result_id",
            "aspect",
            "text",
            "target_kind",
            "target_value",
            "target_max",
            "target_unit",
            "target_description",
        )
    ):
        shown.nodes[iki["result_id"]].indicators.append(
            IndicatorLine(
                aspect=aspects.get(iki["aspect"], iki["aspect"]),
                text=iki["text"],
                target=_target_of(iki),
            )
        )

    planned = {p["employee_id"] for p in plans.values()}
    people: dict[int, NotStarted] = {}
    staff = set()
    missing = 0
    for row in (
        Assignment.objects.filter(covering(day), position__agency=agency, is_acting=False)
        .order_by("employee__name", "employee_id")
        .values("employee_id", "position__name", *(f"employee__{f}" for f in _EMPLOYEE_FIELDS))
    ):
        employee_id = row["employee_id"]
        if employee_id in staff:
            continue
        staff.add(employee_id)
        if employee_id in planned:
            continue
        missing += 1
        if len(people) < NOT_STARTED_SHOWN:
            people[employee_id] = NotStarted(
                name=full_name(
                    row["employee__title_prefix"],
                    row["employee__name"],
                    row["employee__title_suffix"],
                ),
                nip=_nip(row["employee__nip"], row["employee__employment_type"]),
                position_name=row["position__name"],
            )
    return AlignmentTree(
        agency=agency,
        period=period,
        day=day,
        goal_count=len(goals),
        result_count=len(rows),
        entries=_flatten(roots),
        unlinked=_flatten(loose_roots),
        unlinked_count=len(index.loose),
        not_started=list(people.values()),
        not_started_count=missing,
        plan_count=len(plans),
        employee_count=len(staff | planned),
        branch=branch,
        branch_path=path,
    )


def _path_to(index: _Results, result_id: int, goals: Mapping[int, TreeNode]) -> list[str]:
    """The texts from the goal (if any) down to the result's parent."""
    path: list[str] = []
    seen = {result_id}
    row = index.rows[result_id]
    while row["parent_id"] in index.rows and row["parent_id"] not in seen:
        seen.add(row["parent_id"])
        row = index.rows[row["parent_id"]]
        path.append(row["text"])
    if row["goal_id"] in goals:
        goal = goals[row["goal_id"]]
        path.append(f"Sasaran {goal.number}: {goal.text}")
    return list(reversed(path))


def _target_of(row: Mapping[str, Any]) -> str:
    return target_text(
        kind=row["target_kind"],
        value=row["target_value"],
        maximum=row["target_max"],
        unit=row["target_unit"],
        description=row["target_description"],
    )


# --- completion counters ----------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyCompletion:
    agency_id: int
    agency_name: str
    employees: int
    draft: int
    submitted: int
    returned: int
    approved: int
    not_started: int
    approved_share: Decimal
    """Employees with an approved plan ÷ employees (0 when the agency has none)."""


@dataclass(frozen=True)
class Completion:
    period: PerformancePeriod
    day: date
    agencies: list[AgencyCompletion]
    total: AgencyCompletion


def _share(part: int, whole: int) -> Decimal:
    return Decimal(part) / Decimal(whole) if whole else Decimal(0)


def completion_for_actor(*, actor: Actor, period_id: int | None = None) -> Completion:
    """Per agency the actor may read: employees on the period's day, plans by state, employees
    without a plan and the share approved. Five queries at any size; 403 for non-admins."""
    agencies = list(agency_list_for_actor(actor=actor).values("id", "name"))
    period = period_for_view(period_id=period_id)
    day = period_day(period)
    agency_ids = [a["id"] for a in agencies]
    staff = {
        row["position__agency_id"]: row["n"]
        for row in Assignment.objects.filter(
            covering(day), is_acting=False, position__agency_id__in=agency_ids
        )
        .values("position__agency_id")
        .annotate(n=Count("employee_id", distinct=True))
        .order_by()
    }
    states: dict[int, dict[str, int]] = defaultdict(dict)
    people: dict[int, tuple[int, int]] = {}
    plans = PerformancePlan.objects.filter(period=period, position__agency_id__in=agency_ids)
    for row in plans.values("position__agency_id", "state").annotate(n=Count("id")).order_by():
        states[row["position__agency_id"]][row["state"]] = row["n"]
    for row in (
        plans.values("position__agency_id")
        .annotate(
            planned=Count("employee_id", distinct=True),
            approved=Count("employee_id", distinct=True, filter=Q(state=PlanState.APPROVED)),
        )
        .order_by()
    ):
        people[row["position__agency_id"]] = (row["planned"], row["approved"])
    rows = []
    for agency in agencies:
        by_state = states.get(agency["id"], {})
        planned, approved_people = people.get(agency["id"], (0, 0))
        employees = max(staff.get(agency["id"], 0), planned)
        rows.append(
            AgencyCompletion(
                agency_id=agency["id"],
                agency_name=agency["name"],
                employees=employees,
                draft=by_state.get(PlanState.DRAFT, 0),
                submitted=by_state.get(PlanState.SUBMITTED, 0),
                returned=by_state.get(PlanState.RETURNED, 0),
                approved=by_state.get(PlanState.APPROVED, 0),
                not_started=max(employees - planned, 0),
                approved_share=_share(approved_people, employees),
            )
        )
    total_employees = sum(r.employees for r in rows)
    approved_total = sum(people.get(a, (0, 0))[1] for a in agency_ids)
    total = AgencyCompletion(
        agency_id=0,
        agency_name="Jumlah",
        employees=total_employees,
        draft=sum(r.draft for r in rows),
        submitted=sum(r.submitted for r in rows),
        returned=sum(r.returned for r in rows),
        approved=sum(r.approved for r in rows),
        not_started=sum(r.not_started for r in rows),
        approved_share=_share(approved_total, total_employees),
    )
    return Completion(period=period, day=day, agencies=rows, total=total)
