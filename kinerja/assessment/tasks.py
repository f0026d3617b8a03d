"""Background tasks of the 360° round: the roster sync job and the daily closing of rounds
past their due date."""

from __future__ import annotations

from django_tasks import task

from kinerja.assessment.services.cycles import cycles_close_due
from kinerja.people.holdings import today


@task()
def cycles_close_due_task() -> int:
    """Close the rounds whose due date has passed (idempotent)."""
    return cycles_close_due(day=today())
