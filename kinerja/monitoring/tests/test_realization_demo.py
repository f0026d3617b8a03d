"""The realisation demo: closed windows written directly, open ones through the services;
run twice, it adds nothing the second time."""

from __future__ import annotations

import pytest

from kinerja.core.demo import DemoOptions
from kinerja.monitoring.demo_realizations import demo_realizations
from kinerja.monitoring.models import Realization, RealizationState
from kinerja.monitoring.testing import make_running_plan
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def test_the_demo_writes_realisations_once(personas: Personas) -> None:
    make_running_plan(employee=personas.staff.employee, results=3)
    lines = demo_realizations(DemoOptions())
    assert "Realisasi demo" in lines[0]
    count = Realization.objects.count()
    assert count > 0
    states = set(Realization.objects.values_list("state", flat=True))
    assert states <= set(RealizationState.values)
    assert demo_realizations(DemoOptions())[0].endswith("sudah ada.")
    assert Realization.objects.count() == count
