"""Completion tracking: counts per agency and unit, never who has answered."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Count, Q
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import is_hr_admin, managed_agency_id
from kinerja.assessment.models import ReviewCycle, ReviewerList
from kinerja.assessment.permissions import can_track_cycle
from kinerja.scoring.formatting import format_decimal

NOT_FOUND = "Putaran umpan balik 360 tidak ditemukan."
NO_UNIT = "Tanpa unit kerja"


def _percent(sent: int, asked: int) -> int:
    return round(100 * sent / asked) if asked else 0


def _percent_text(sent: int, asked: int) -> str:
    if not asked:
        return "—"
    return f"{format_decimal(Fraction(100 * sent, asked), 1)}%"


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
        return _percent(self.sent, self.asked)

    @property
    def percent_text(self) -> str:
        """ "85,7%"; "—" when nobody is asked."""
        return _percent_text(self.sent, self.asked)


@dataclass(frozen=True)
class CompletionAgency:
    """One agency's total and its units, for the table per agency → unit."""

    agency_id: int
    agency_name: str
    employees: int
    asked: int
    sent: int
    units: tuple[CompletionRow, ...]

    @property
    def percent_text(self) -> str:
        return _percent_text(self.sent, self.asked)


@dataclass(frozen=True)
class Completion:
    cycle: ReviewCycle
    rows: tuple[CompletionRow, ...]  # per agency then unit
    employees: int
    asked: int
    sent: int

    @property
    def percent(self) -> int:
        return _percent(self.sent, self.asked)

    @property
    def percent_text(self) -> str:
        return _percent_text(self.sent, self.asked)

    @property
    def agencies(self) -> tuple[CompletionAgency, ...]:
        """The rows grouped per agency (in the rows' order), each with its total."""
        grouped: dict[int, list[CompletionRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.agency_id, []).append(row)
        return tuple(
            CompletionAgency(
                agency_id=agency_id,
                agency_name=units[0].agency_name,
                employees=sum(u.employees for u in units),
                asked=sum(u.asked for u in units),
                sent=sum(u.sent for u in units),
                units=tuple(units),
            )
            for agency_id, units in grouped.items()
        )


def completion_for_actor(*, actor: Actor, cycle: ReviewCycle) -> Completion:
    """Counts per agency and unit (the rated employee's) in one GROUP BY query; 404 unless
    `permissions.can_track_cycle`; an Admin OPD sees only their agency's rows.

    Employees are the lists (an employee with no active rater still counts), asked the active
    reviews, sent the active reviews with answers sent. Never a name, never a date."""
    if not can_track_cycle(actor, cycle):
        raise Http404(NOT_FOUND)
    lists = ReviewerList.objects.filter(cycle_id=cycle.pk)
    if not is_hr_admin(actor):
        lists = lists.filter(agency_id=managed_agency_id(actor) or 0)
    active = Q(reviews__withdrawn_on__isnull=True)
    grouped = (
        lists.values("agency_id", "agency__name", "unit_id", "unit__name")
        .annotate(
            n_lists=Count("pk", distinct=True),
            n_asked=Count("reviews", filter=active),
            n_sent=Count("reviews", filter=active & Q(reviews__submitted_on__isnull=False)),
        )
        .order_by("agency__name", "agency_id", "unit__name", "unit_id")
    )
    rows = tuple(
        CompletionRow(
            agency_id=g["agency_id"],
            agency_name=g["agency__name"],
            unit_id=g["unit_id"],
            unit_name=g["unit__name"] or NO_UNIT,
            employees=g["n_lists"],
            asked=g["n_asked"],
            sent=g["n_sent"],
        )
        for g in grouped
    )
    return Completion(
        cycle=cycle,
        rows=rows,
        employees=sum(r.employees for r in rows),
        asked=sum(r.asked for r in rows),
        sent=sum(r.sent for r in rows),
    )
