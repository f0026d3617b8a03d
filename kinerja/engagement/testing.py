"""Builders for tests of engagement (and the apps above it). They write rows directly (no
audit, no notification). One section per part; a part adds its builders in its own section."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count

from django.utils import timezone

from kinerja.appeals.testing import make_objection
from kinerja.assessment.testing import make_cycle
from kinerja.engagement.models import PerceptionRound
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.testing import make_documented_evaluation, make_locked_calibration
from kinerja.learning.testing import make_development_plan
from kinerja.organization.models import Agency
from kinerja.people.testing import Personas
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.periods.testing import make_period

_numbers = count(1)


# --- announcements -----------------------------------------------------------------------


# --- guides and tour ---------------------------------------------------------------------


# --- perception survey -------------------------------------------------------------------


# --- suggestion box ----------------------------------------------------------------------


# --- trial periods -----------------------------------------------------------------------


def make_trial_period(
    *,
    year: int | None = None,
    agency: Agency | None = None,
    state: str = PeriodState.EXECUTION,
    name: str = "",
) -> PerformancePeriod:
    """A trial period of `year` (default: this year), for `agency` or the whole city, in
    `state` (default: Pelaksanaan)."""
    year = year or timezone.localdate().year
    period = make_period(
        year=year,
        is_trial=True,
        state=state,
        name=name or f"Uji coba {agency.name if agency else 'kota'} {year} #{next(_numbers)}",
    )
    if agency is not None:
        PerformancePeriod.objects.filter(pk=period.pk).update(trial_agency=agency)
        period.trial_agency = agency
    return period


@dataclass
class TrialResults:
    """What `make_trial_results` built in the (city-wide) trial period of this year."""

    period: PerformancePeriod
    evaluation: Evaluation


def make_trial_results(personas: Personas) -> TrialResults:
    """A trial period of this year with the employee persona's approved plan, realisations
    with link evidence, feedback, a rated periodic evaluation with an organisation rating
    (`make_documented_evaluation`), an objection on it, a locked calibration session, a 360
    round, a development plan and a perception round: one of every kind clearing deletes."""
    evaluation = make_documented_evaluation(
        employee=personas.staff.employee, appraiser=personas.staff.supervisor, trial=True
    )
    period = evaluation.plan.period
    make_objection(evaluation=evaluation)
    scope = Scope(period, evaluation.window)
    make_locked_calibration(agency=personas.agency, scope=scope)
    make_cycle(period=period, agency=personas.agency)
    make_development_plan(employee=personas.staff.employee, period=period)
    PerceptionRound.objects.create(
        period=period,
        title=f"Survei persepsi {period.name}",
        opens_on=period.start_date,
        closes_on=period.end_date,
    )
    return TrialResults(period=period, evaluation=evaluation)
