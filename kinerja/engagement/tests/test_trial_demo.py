"""The trials demo: one agency's trial period of this year with a couple of plans, once."""

from __future__ import annotations

import pytest

from kinerja.core.demo import DemoOptions
from kinerja.engagement.demo.trials import seed
from kinerja.people.testing import Personas
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.planning.models import PerformancePlan

pytestmark = pytest.mark.django_db


def test_the_demo_opens_one_agency_trial_with_plans_and_is_idempotent(
    personas: Personas,
) -> None:
    options = DemoOptions(employees=10)
    [line] = seed(options)
    period = PerformancePeriod.objects.get(is_trial=True)
    assert period.name == f"Uji coba {personas.agency.name} {options.today.year}"
    assert (period.trial_agency, period.state) == (personas.agency, PeriodState.EXECUTION)
    plans = PerformancePlan.objects.filter(period=period)
    assert 1 <= plans.count() <= 2
    assert all(plan.employee.user_id is None for plan in plans)
    assert line.endswith(f"dibuka dengan {plans.count()} SKP.")
    assert seed(options) == [f"{period.name} sudah ada."]
    assert PerformancePeriod.objects.filter(is_trial=True).count() == 1
