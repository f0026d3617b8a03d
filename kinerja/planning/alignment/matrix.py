"""The results-role matrix (Matriks Peran Hasil) of a supervisor: their own results (rows) by
their team on the period's day (columns, paged), each cell the subordinate's results that
contribute to the row's result; warnings for a result nobody contributes to, a subordinate's
result linked to nothing, and subordinates without a plan. Only the asking user's own matrix."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.paginator import Paginator

from kinerja.accounts.actors import Actor
from kinerja.core.status_tones import state_tone
from kinerja.core.templatetags.kinerja_ui import nip_grouped
from kinerja.organization.models import Position
from kinerja.people.holdings import employee_id_for_user
from kinerja.people.models import Employee, titled_name
from kinerja.people.permissions import team_chain_of
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.alignment.common import (
    EMPLOYEE_FIELDS,
    period_day,
    period_for_view,
    state_labels,
)
from kinerja.planning.models import (
    PerformancePlan,
    PlannedResult,
)

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


MATRIX_COLUMNS = 10
"""Subordinates per page of the matrix, readable side by side at 1280 px: a larger team (a
head of agency, through vacant posts) is paged, so the table stays readable and small."""
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
        for row in Employee.objects.filter(pk__in=list(holders)).values("id", *EMPLOYEE_FIELDS)
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
    labels = state_labels()
    members = []
    for employee_id, position_id in holders.items():
        person = people.get(employee_id)
        if person is None:
            continue
        plan = plans.get(employee_id)
        members.append(
            TeamMember(
                employee_id=employee_id,
                name=titled_name(person["title_prefix"], person["name"], person["title_suffix"]),
                nip=nip_grouped(person["nip"], person["employment_type"]),
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
