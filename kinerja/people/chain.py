"""Chain of command for a date: supervisor, appraiser, appraiser's superior, subordinates, peers.

Pure functions over plain values; `kinerja.people.selectors.chain_of_command_for_actor` fetches
the rows. Rules (reference/REGULATIONS.md, "Appraiser table", and our decisions [I]):

- An employee's positions on a date are their open assignments that day; a definitive
  assignment is the primary position, an acting one (Plt/Plh) is an extra position. An employee
  who only acts somewhere has that acting position as primary.
- The holder of a position on a date is its definitive holder, else its acting holder.
- Supervisor: the holder of the supervising position. If that post is vacant (no definitive
  and no acting holder) we walk up to the next supervising position that has a holder [I]:
  someone must still guide and rate the employee, and BKN practice is that the next official
  up acts for a vacant post. A person is never their own supervisor: when the employee is
  Plt of their own supervising post, the walk continues upward.
- Appraiser: for a post with no supervising position (head of agency: JPT Pratama, camat) or
  any JPT, the Wali Kota, who is not an ASN in our data (the `WALI_KOTA` sentinel). Otherwise
  the supervisor as derived above. If the walk runs off the top of the tree, the Wali Kota.
- Appraiser's superior: the appraiser's own supervisor, derived from the post through which
  the appraiser supervises (for a Plt, the post they act in). The Wali Kota's superior and the
  superior of a head of agency's appraiser is the Wali Kota.
- Subordinates: holders of posts supervised by any of the employee's posts; through a vacant
  subordinate post the walk goes down to that post's own subordinates (the mirror of the
  upward walk). Peers: other holders of posts that share the primary post's supervising post.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

WaliKota = Literal["WALI_KOTA"]
WALI_KOTA: Final[WaliKota] = "WALI_KOTA"
"""The mayor: appraiser of heads of agency and of JPT. Not an Employee in our data."""

JPT = "JPT"


@dataclass(frozen=True)
class PositionNode:
    id: int
    supervisor_id: int | None
    kind: str
    is_head_of_agency: bool = False
    name: str = ""


@dataclass(frozen=True)
class Holding:
    """An assignment as plain values. `end` is inclusive; None is open."""

    employee_id: int
    position_id: int
    start: date
    end: date | None = None
    is_acting: bool = False

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class Holder:
    """Who holds a post on the date, and whether as Plt/Plh."""

    employee_id: int
    position_id: int
    is_acting: bool


Official = Holder | WaliKota | None


@dataclass(frozen=True)
class Chain:
    employee_id: int
    day: date
    positions: tuple[Holder, ...] = ()
    supervisor: Official = None
    appraiser: Official = None
    appraiser_superior: Official = None
    subordinates: tuple[Holder, ...] = ()
    peers: tuple[Holder, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def primary(self) -> Holder | None:
        return self.positions[0] if self.positions else None


class Tree:
    """Positions and holdings for one date, indexed for the walks."""

    def __init__(
        self, positions: Mapping[int, PositionNode], holdings: Iterable[Holding], day: date
    ) -> None:
        self.positions = positions
        self.day = day
        active = sorted(
            (h for h in holdings if h.covers(day)),
            key=lambda h: (h.is_acting, h.start, h.employee_id),
        )
        self.holders: dict[int, Holder] = {}
        self.by_employee: dict[int, list[Holder]] = {}
        for h in active:
            holder = Holder(h.employee_id, h.position_id, h.is_acting)
            self.holders.setdefault(h.position_id, holder)
            self.by_employee.setdefault(h.employee_id, []).append(holder)
        self.children: dict[int, list[int]] = {}
        for node in positions.values():
            if node.supervisor_id is not None:
                self.children.setdefault(node.supervisor_id, []).append(node.id)

    def holder_of(self, position_id: int) -> Holder | None:
        return self.holders.get(position_id)

    def positions_of(self, employee_id: int) -> tuple[Holder, ...]:
        return tuple(self.by_employee.get(employee_id, ()))

    def supervisor_of(self, position_id: int, *, not_employee: int | None) -> Official:
        """Holder of the nearest supervising post that has a holder other than `not_employee`."""
        node = self.positions.get(position_id)
        seen: set[int] = set()
        while node is not None and node.supervisor_id is not None and node.id not in seen:
            seen.add(node.id)
            holder = self.holder_of(node.supervisor_id)
            if holder is not None and holder.employee_id != not_employee:
                return holder
            node = self.positions.get(node.supervisor_id)
        return WALI_KOTA

    def reports_to_wali_kota(self, position_id: int) -> bool:
        node = self.positions.get(position_id)
        return node is None or node.supervisor_id is None or node.kind == JPT

    def subordinates_of(self, position_ids: Iterable[int], *, not_employee: int) -> list[Holder]:
        found: list[Holder] = []
        seen: set[int] = set()
        stack = [child for pid in position_ids for child in self.children.get(pid, [])]
        while stack:
            pid = stack.pop(0)
            if pid in seen:
                continue
            seen.add(pid)
            holder = self.holder_of(pid)
            if holder is None:
                stack.extend(self.children.get(pid, []))
            elif holder.employee_id != not_employee:
                found.append(holder)
        return found


def chain_of_command(
    *,
    employee_id: int,
    day: date,
    positions: Mapping[int, PositionNode],
    holdings: Iterable[Holding],
) -> Chain:
    """The employee's chain of command on `day` (rules in the module docstring)."""
    tree = Tree(positions, holdings, day)
    mine = tree.positions_of(employee_id)
    if not mine:
        return Chain(
            employee_id=employee_id,
            day=day,
            notes=("Tidak memegang jabatan pada tanggal ini.",),
        )
    primary = mine[0]
    notes: list[str] = []
    supervisor = tree.supervisor_of(primary.position_id, not_employee=employee_id)
    node = positions.get(primary.position_id)
    if node is not None and node.supervisor_id is not None:
        direct = tree.holder_of(node.supervisor_id)
        if direct is None:
            notes.append("Jabatan atasan langsung lowong; atasan diambil dari jenjang di atasnya.")
        elif direct.is_acting and direct.employee_id != employee_id:
            notes.append("Jabatan atasan langsung dipegang Plt/Plh.")
    if tree.reports_to_wali_kota(primary.position_id):
        appraiser: Official = WALI_KOTA
        superior: Official = WALI_KOTA
    else:
        appraiser = supervisor
        if isinstance(appraiser, Holder):
            superior = tree.supervisor_of(appraiser.position_id, not_employee=appraiser.employee_id)
            if tree.reports_to_wali_kota(appraiser.position_id):
                superior = WALI_KOTA
        else:
            superior = WALI_KOTA
    subordinates = tree.subordinates_of([h.position_id for h in mine], not_employee=employee_id)
    peers: list[Holder] = []
    if node is not None and node.supervisor_id is not None:
        for sibling in tree.children.get(node.supervisor_id, []):
            holder = tree.holder_of(sibling)
            if holder is not None and holder.employee_id != employee_id:
                peers.append(holder)
    return Chain(
        employee_id=employee_id,
        day=day,
        positions=mine,
        supervisor=supervisor,
        appraiser=appraiser,
        appraiser_superior=superior,
        subordinates=tuple(subordinates),
        peers=tuple(peers),
        notes=tuple(notes),
    )


def official_above(
    *,
    position_id: int,
    day: date,
    positions: Mapping[int, PositionNode],
    holdings: Iterable[Holding],
    excluded: frozenset[int],
) -> Official:
    """The official above `position_id` on `day` who is none of `excluded`: the holder of the
    nearest supervising post held by someone else; the Wali Kota past the top of the tree or
    above a post that reports to the Wali Kota (a head of agency, a JPT).

    Used to send an objection one level up when the appraiser's superior would be the appraiser
    (a Plt holding both posts) or the rated employee themself."""
    tree = Tree(positions, holdings, day)
    node = positions.get(position_id)
    seen: set[int] = set()
    while node is not None and node.id not in seen:
        seen.add(node.id)
        if tree.reports_to_wali_kota(node.id):
            return WALI_KOTA
        assert node.supervisor_id is not None  # reports_to_wali_kota covers the top
        holder = tree.holder_of(node.supervisor_id)
        if holder is not None and holder.employee_id not in excluded:
            return holder
        node = positions.get(node.supervisor_id)
    return WALI_KOTA
