from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from kinerja.core.audit_labels import audit_action_is_labelled, audit_action_label
from kinerja.core.demo import DemoOptions
from kinerja.core.testing import page_text
from kinerja.people.testing import Personas
from kinerja.periods.demo import demo_seed
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.periods.selectors import period_current
from kinerja.periods.services import period_advance
from kinerja.periods.testing import make_period

pytestmark = pytest.mark.django_db


def test_demo_has_this_years_period_running_and_last_years_closed() -> None:
    options = DemoOptions(today=date(2026, 11, 30))
    lines = demo_seed(options)
    assert len(lines) == 1
    current = period_current(day=options.today)
    assert current is not None
    assert (current.year, current.state, current.windows.count()) == (
        2026, PeriodState.EXECUTION, 12,
    )  # fmt: skip
    assert current.plan_due_date == date(2026, 1, 31)
    last = PerformancePeriod.objects.get(year=2025)
    assert last.state == PeriodState.CLOSED


def test_demo_seed_twice_changes_nothing() -> None:
    options = DemoOptions(today=date(2026, 11, 30))
    demo_seed(options)
    before = list(PerformancePeriod.objects.order_by("pk").values())
    assert demo_seed(options) == ["Periode penilaian 2025 dan 2026 sudah ada."]
    assert list(PerformancePeriod.objects.order_by("pk").values()) == before


def test_every_period_action_has_an_indonesian_label() -> None:
    for action in ("period.opened", "period.updated", "period.state_changed"):
        assert audit_action_is_labelled(action)
    assert audit_action_label("period.state_changed") == "Tahap periode penilaian dipindahkan"


def test_the_audit_trail_reads_period_events_in_indonesian(
    client: Client, personas: Personas
) -> None:
    period = make_period(year=2030)
    period_advance(actor=personas.hr_admin, period=period, to_state=PeriodState.EXECUTION)
    client.force_login(personas.auditor)
    response = client.get("/audit/")
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Periode penilaian dibuka" in text
    assert "Jumlah evaluasi periodik" in text
    assert "Tahap periode penilaian dipindahkan" in text
