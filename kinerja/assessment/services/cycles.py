"""Rounds: create (BKPSDM, city or agency), open for answers, close (by hand or after the due
date), each audited in its transaction; raters and rated employees are notified."""

from __future__ import annotations

from datetime import date

from kinerja.accounts.actors import Actor
from kinerja.assessment.models import ReviewCycle
from kinerja.organization.models import Agency
from kinerja.periods.models import EvaluationWindow, PerformancePeriod


def cycle_create(
    *,
    actor: Actor,
    period: PerformancePeriod,
    window: EvaluationWindow | None,
    agency: Agency | None,
    name: str,
    due_date: date,
) -> ReviewCycle:
    """A new round in Penyusunan for a window (or the year) and the city (or one agency).

    Refused: not BKPSDM; a window of another period; a due date before today or after the
    period's evaluation due date; a round overlapping another of the same window (or year)
    for the same agency or the city. Audit `review_cycle.created`."""
    raise NotImplementedError


def cycle_open(*, actor: Actor, cycle: ReviewCycle) -> ReviewCycle:
    """Penyusunan → Pengisian; every active rater is notified ("Isi umpan balik 360").
    Refused: not BKPSDM; not in Penyusunan; no list yet (sync the roster first); due date
    passed. Audit `review_cycle.opened`."""
    raise NotImplementedError


def cycle_close(*, actor: Actor, cycle: ReviewCycle) -> ReviewCycle:
    """Pengisian → Selesai (actor None: the system after the due date). Unsent drafts are
    deleted; every rated employee with a list is notified that results are available.
    Refused: not BKPSDM; not in Pengisian. Audit `review_cycle.closed`."""
    raise NotImplementedError


def cycles_close_due(*, day: date) -> int:
    """Close every round in Pengisian whose due date is before `day` (the system); returns how
    many were closed. Run daily by `tasks.cycles_close_due_task`."""
    raise NotImplementedError
