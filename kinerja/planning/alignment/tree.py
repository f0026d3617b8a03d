"""The alignment tree of an agency: goals, the head's results linked to them, the results
contributing to those (through `parent`), down to every indicator, with each node's employee and
plan state, and who in the agency has not started a plan.

Built from a fixed handful of `values()` queries at any size: results are walked as ids, and
only the nodes a page shows become objects (`TREE_DEPTH` levels, at most `TREE_BUDGET`
results; a deeper or larger branch is one link away). Entries go to the template as a flat
list in reading order (no recursive include).

Who may see: Admin OPD of the agency, BKPSDM, Pimpinan, Inspektorat and the head of the
agency (who holds its head post, definitively or as Plt/Plh, on the period's day); others 404.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_read_agency
from kinerja.core.status_tones import state_tone
from kinerja.core.templatetags.kinerja_ui import nip_grouped
from kinerja.organization.models import Agency
from kinerja.people.holdings import covering, employee_id_for_user
from kinerja.people.models import Assignment, titled_name
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.alignment.common import (
    EMPLOYEE_FIELDS,
    period_day,
    period_for_view,
    plan_url_maker,
    state_labels,
)
from kinerja.planning.models import (
    Aspect,
    GoalIndicator,
    Indicator,
    OrganizationGoal,
    PerformancePlan,
    PlannedResult,
)
from kinerja.planning.rules import target_text

OPEN_DEPTH = 2
"""Tree levels shown open on arrival (goals and the head's results); deeper ones are folded."""


# --- the alignment tree -----------------------------------------------------------------------

TREE_DEPTH = 4
"""Levels of results shown under a root (a goal, a loose result, or the branch asked for);
deeper levels are one link away ("Lihat cabang"), so the page stays small for any agency."""
TREE_BUDGET = 800
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


Link = tuple[int, int | None, int | None]
"""A result as the index holds it: (id, parent id, goal id)."""


@dataclass
class _Results:
    """Every result of the agency's plans as ids and links: cheap to walk at any size."""

    links: dict[int, Link]
    children: dict[int, list[int]]
    by_goal: dict[int, list[int]]
    loose: list[int]
    size: dict[int, int]
    """Results below each result (its whole branch)."""


def _results_index(links: Sequence[Link], goal_ids: set[int]) -> _Results:
    by_id = {link[0]: link for link in links}
    children: dict[int, list[int]] = defaultdict(list)
    by_goal: dict[int, list[int]] = defaultdict(list)
    loose: list[int] = []
    for result_id, parent_id, goal_id in links:
        if goal_id in goal_ids:
            by_goal[goal_id].append(result_id)
        elif parent_id in by_id and parent_id != result_id:
            children[parent_id].append(result_id)
        else:
            loose.append(result_id)
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
    for result_id, parent_id, _ in links:
        if result_id not in reached:
            children[parent_id].remove(result_id)  # type: ignore[index]
            loose.append(result_id)
            walk(result_id)
    size: dict[int, int] = {}
    for node in reversed(order):  # children before parents
        size[node] = sum(1 + size[c] for c in children.get(node, []))
    return _Results(links=by_id, children=children, by_goal=by_goal, loose=loose, size=size)


class _Shown:
    """Chooses the results a page shows: breadth first from the roots, whole families only,
    at most `TREE_DEPTH` levels and `TREE_BUDGET` results. Nodes start as ids; their texts,
    employees and indicators are filled afterwards for these results only."""

    def __init__(self, index: _Results) -> None:
        self.index = index
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
        node = TreeNode(key=f"r{result_id}", kind="result", text="", number=0, branch_id=result_id)
        self.nodes[result_id] = node
        return node

    def _children_of(self, node: TreeNode) -> list[int]:
        if node.kind == "goal":
            return self.index.by_goal.get(int(node.key[1:]), [])
        return self.index.children.get(int(node.key[1:]), [])


def _ancestors(index: _Results, result_id: int) -> list[int]:
    """The parents of a result upward (nearest first), stopping at a loop."""
    found: list[int] = []
    parent = index.links[result_id][1]
    while parent in index.links and parent not in found and parent != result_id:
        found.append(parent)
        parent = index.links[parent][1]
    return found


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
    way. Every result is read as three ids; texts, employees and indicators only for the
    results shown. Eleven queries at any size (authorisation included)."""
    period = period_for_view(period_id=period_id)
    day = period_day(period)
    agency = alignment_agency_get_for_actor(actor=actor, agency_id=agency_id, day=day)
    labels = state_labels()
    tones = {state: state_tone(state)[0].css for state in labels}
    aspects = {value: str(label) for value, label in Aspect.choices}
    plan_url = plan_url_maker()

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
    agency_plans = PerformancePlan.objects.filter(period=period, position__agency=agency)
    planned_list = list(agency_plans.values_list("employee_id", flat=True))
    results = PlannedResult.objects.filter(plan__period=period, plan__position__agency=agency)
    links = list(results.order_by("kind", "number", "pk").values_list("id", "parent_id", "goal_id"))
    index = _results_index(links, set(goal_nodes))

    shown = _Shown(index)
    branch: TreeNode | None = None
    ancestors: list[int] = []
    loose_roots: list[TreeNode] = []
    if branch_id is not None:
        if branch_id not in index.links:
            raise Http404
        branch = shown.result(branch_id)
        shown.grow([branch])
        ancestors = _ancestors(index, branch_id)
        roots: list[TreeNode] = [branch]
    else:
        roots = list(goal_nodes.values())
        shown.grow(roots)
        loose_roots = [shown.result(i) for i in index.loose[:LOOSE_SHOWN]]
        shown.grow(loose_roots)
    texts: dict[int, str] = {}
    for r in PlannedResult.objects.filter(pk__in=[*shown.nodes, *ancestors]).values(
        "id",
        "number",
        "text",
        "plan_id",
        "plan__state",
        "plan__position__name",
        *(f"plan__employee__{f}" for f in EMPLOYEE_FIELDS),
    ):
        texts[r["id"]] = r["text"]
        node = shown.nodes.get(r["id"])
        if node is None:
            continue
        state = r["plan__state"]
        node.text = r["text"]
        node.number = r["number"]
        node.employee_name = titled_name(
            r["plan__employee__title_prefix"],
            r["plan__employee__name"],
            r["plan__employee__title_suffix"],
        )
        node.position_name = r["plan__position__name"]
        node.plan_url = plan_url(r["plan_id"])
        node.state = state
        node.state_label = labels.get(state, state)
        node.state_css = tones.get(state, "neutral")
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

    planned = set(planned_list)
    definitive = Assignment.objects.filter(covering(day), position__agency=agency, is_acting=False)
    staff = set(definitive.values_list("employee_id", flat=True))
    people: dict[int, NotStarted] = {}
    for row in (
        definitive.exclude(employee_id__in=agency_plans.values("employee_id"))
        .order_by("employee__name", "employee_id")
        .values("employee_id", "position__name", *(f"employee__{f}" for f in EMPLOYEE_FIELDS))[
            : NOT_STARTED_SHOWN * 2
        ]
    ):
        if row["employee_id"] in people or len(people) >= NOT_STARTED_SHOWN:
            continue
        people[row["employee_id"]] = NotStarted(
            name=titled_name(
                row["employee__title_prefix"],
                row["employee__name"],
                row["employee__title_suffix"],
            ),
            nip=nip_grouped(row["employee__nip"], row["employee__employment_type"]),
            position_name=row["position__name"],
        )
    path = [texts[i] for i in reversed(ancestors) if i in texts]
    top = ancestors[-1] if ancestors else branch_id
    top_goal = index.links[top][2] if top is not None else None
    if top_goal in goal_nodes:
        goal = goal_nodes[top_goal]
        path.insert(0, f"Sasaran {goal.number}: {goal.text}")
    return AlignmentTree(
        agency=agency,
        period=period,
        day=day,
        goal_count=len(goals),
        result_count=len(links),
        entries=_flatten(roots),
        unlinked=_flatten(loose_roots),
        unlinked_count=len(index.loose),
        not_started=list(people.values()),
        not_started_count=len(staff - planned),
        plan_count=len(planned_list),
        employee_count=len(staff | planned),
        branch=branch,
        branch_path=path,
    )


def _target_of(row: Mapping[str, Any]) -> str:
    return target_text(
        kind=row["target_kind"],
        value=row["target_value"],
        maximum=row["target_max"],
        unit=row["target_unit"],
        description=row["target_description"],
    )
