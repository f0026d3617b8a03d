"""The structural posts an admin may put a new post under, as each agency's tree with holders.

Used when an employee is added or moved and no vacant post fits: the admin creates the post on
the spot and chooses its supervising post from this tree ("Kepala Seksi Identitas — Sri
Handayani"), so the new post lands in the chain of command at once. Two queries at any size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from kinerja.accounts.permissions import is_hr_admin, managed_agency_id
from kinerja.organization.models import Position
from kinerja.people.holdings import today
from kinerja.people.models import Assignment
from kinerja.people.selectors import STRUCTURAL_KINDS


@dataclass(frozen=True)
class TreePost:
    position: Position
    depth: int
    holder: str


def supervisor_posts_for_actor(*, actor: Any) -> QuerySet[Position]:
    """Structural posts in the agencies the actor manages (none for anyone else)."""
    posts = Position.objects.filter(
        Q(kind__in=STRUCTURAL_KINDS) | Q(is_head_of_agency=True)
    ).select_related("agency", "unit")
    scoped = managed_agency_id(actor)
    if scoped is not None:
        return posts.filter(agency_id=scoped)
    return posts if is_hr_admin(actor) else posts.none()


def supervisor_tree_for_actor(
    *, actor: Any, day: date | None = None
) -> list[tuple[str, list[TreePost]]]:
    """Per agency (by name), its structural posts depth first from the head, with holders."""
    day = day or today()
    posts = list(supervisor_posts_for_actor(actor=actor).order_by("agency__name", "name", "pk"))
    holders: dict[int, str] = {}
    for a in (
        Assignment.objects.filter(start_date__lte=day, position_id__in=[p.pk for p in posts])
        .exclude(end_date__lt=day)
        .select_related("employee")
        .order_by("is_acting", "start_date")
    ):
        name = a.employee.full_name
        holders.setdefault(a.position_id, f"Plt {name}" if a.is_acting else name)
    ids = {p.pk for p in posts}
    children: dict[int | None, list[Position]] = {}
    for p in posts:
        parent = p.supervisor_id if p.supervisor_id in ids else None
        children.setdefault(parent, []).append(p)
    for siblings in children.values():
        siblings.sort(key=lambda p: (not p.is_head_of_agency, p.name, p.pk))
    groups: dict[str, list[TreePost]] = {}

    def walk(post: Position, depth: int) -> None:
        holder = holders.get(post.pk, "lowong")
        groups.setdefault(post.agency.name, []).append(TreePost(post, depth, holder))
        for child in children.get(post.pk, []):
            walk(child, depth + 1)

    for root in children.get(None, []):
        walk(root, 0)
    return sorted(groups.items())
