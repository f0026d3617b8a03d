"""The perception survey's demo: two closed rounds (last year's and this year's real periods),
idempotent, and ACCEPTANCE 2: the results page's trend has both rounds."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from kinerja.core.demo import DemoOptions
from kinerja.engagement.demo.perception import seed
from kinerja.engagement.models import PerceptionResponse, PerceptionRound, RoundState
from kinerja.people.testing import Personas
from kinerja.periods.testing import make_period

pytestmark = pytest.mark.django_db


def test_acceptance_after_the_demo_seed_the_trend_shows_both_rounds(
    client: Client, personas: Personas
) -> None:
    year = timezone.localdate().year
    make_period(year=year - 1)
    make_period(year=year)
    lines = seed(DemoOptions())
    assert len(lines) == 2
    rounds = list(PerceptionRound.objects.order_by("opens_on"))
    assert [r.state for r in rounds] == [RoundState.CLOSED, RoundState.CLOSED]
    assert all(r.closes_on < timezone.localdate() for r in rounds)
    count = PerceptionResponse.objects.count()
    assert seed(DemoOptions()) == [
        f"Survei persepsi {year - 1} sudah ada.",
        f"Survei persepsi {year} sudah ada.",
    ]
    assert PerceptionResponse.objects.count() == count
    client.force_login(personas.hr_admin)
    html = client.get("/survei-persepsi/hasil/").content.decode()
    trend = html[
        html.index('data-testid="tren"') : html.index(
            "</section>", html.index('data-testid="tren"')
        )
    ]
    assert f"Survei Persepsi {year - 1}" in trend
    assert f"Survei Persepsi {year}" in trend
    assert trend.count("<svg") == 5
    assert "kurang dari 5 responden" in html  # the demo's first agency has 3 respondents
