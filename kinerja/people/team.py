"""What the home page and "Tim saya" show of one employee: the post they hold (or the post they
will hold, for an imported employee whose first day is still ahead) and the people they lead.

Built on the chain of command (`holdings.chain_of_command_load`); "Tim saya" lists the team that
`permissions.team_chain_of` computes, the same one `permissions.is_in_team_of` asks about when a
profile opens, so every name listed opens. Queries do not grow with the size of the team.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import formats

from kinerja.people.holdings import chain_of_command_load, covering, today
from kinerja.people.models import Assignment, Employee
from kinerja.people.permissions import team_chain_of
from kinerja.people.selectors import ChainView, chain_resolve, employee_for_user


@dataclass(frozen=True)
class HomeSummary:
    post_text: str
    subordinate_count: int


def _post_label(assignment: Assignment) -> str:
    position = assignment.position
    unit = f", {position.unit.name}" if position.unit is not None else ""
    return f"{position.name}{unit} — {position.agency.name}"


def home_summary_for_employee(*, employee: Employee, day: date | None = None) -> HomeSummary:
    """The post held on `day` (else the next one, "mulai 2 Januari 2027") and the team size."""
    day = day or today()
    assignments = list(
        Assignment.objects.filter(employee=employee, is_acting=False)
        .exclude(end_date__lt=day)
        .select_related("position__agency", "position__unit")
        .order_by("start_date", "pk")
    )
    current = next((a for a in assignments if a.start_date <= day), None)
    upcoming = next((a for a in assignments if a.start_date > day), None)
    if current is not None:
        text = f"Jabatan: {_post_label(current)}."
    elif upcoming is not None:
        start = formats.date_format(upcoming.start_date, "j F Y")
        text = f"Jabatan: {_post_label(upcoming)}, mulai {start}."
    else:
        text = "Belum memegang jabatan per hari ini."
    chain = chain_of_command_load(employee_id=employee.pk, day=day)
    return HomeSummary(post_text=text, subordinate_count=len(chain.subordinates))


def definitive_posts_on(*, employee: Employee, day: date | None = None) -> list[Assignment]:
    """The employee's own (non-acting) posts on `day`: what a mutasi ends."""
    day = day or today()
    return list(
        Assignment.objects.filter(covering(day), employee=employee, is_acting=False).select_related(
            "position__agency", "position__unit"
        )
    )


@dataclass(frozen=True)
class Team:
    leader: Employee
    chain: ChainView


def team_for_actor(*, actor: Any, day: date | None = None) -> Team | None:
    """The actor's own subordinates on `day`; None for an account without an employee record.

    Nobody else's team is ever shown: the only input is the asking user."""
    employee = employee_for_user(user=actor)
    chain = team_chain_of(actor, day=day)
    if employee is None or chain is None:
        return None
    return Team(leader=employee, chain=chain_resolve(chain=chain))
