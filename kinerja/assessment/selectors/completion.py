"""Completion tracking: counts per agency and unit, never who has answered."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.accounts.actors import Actor
from kinerja.assessment.models import ReviewCycle


@dataclass(frozen=True)
class CompletionRow:
    agency_id: int
    agency_name: str
    unit_id: int | None
    unit_name: str
    employees: int  # lists
    asked: int  # active reviews
    sent: int  # active reviews with answers sent

    @property
    def percent(self) -> int:
        return round(100 * self.sent / self.asked) if self.asked else 0


@dataclass(frozen=True)
class Completion:
    cycle: ReviewCycle
    rows: tuple[CompletionRow, ...]  # per agency then unit
    employees: int
    asked: int
    sent: int


def completion_for_actor(*, actor: Actor, cycle: ReviewCycle) -> Completion:
    """Counts per agency and unit (the rated employee's) in one GROUP BY query; 404 unless
    `permissions.can_track_cycle`; an Admin OPD sees only their agency's rows."""
    raise NotImplementedError
