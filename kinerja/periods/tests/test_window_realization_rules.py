"""When a window takes realisations: `window_close_date` and `window_realization_refusal`."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import override_settings

from kinerja.periods.models import EvaluationWindow, PeriodState
from kinerja.periods.rules import window_close_date, window_realization_refusal
from kinerja.periods.testing import make_period

pytestmark = pytest.mark.django_db


def _window(state: str = PeriodState.EXECUTION) -> EvaluationWindow:
    period = make_period(year=2031, state=state)
    return EvaluationWindow.objects.get(period=period, number=3)


@override_settings(REALIZATION_LATE_DAYS=30)
def test_a_window_closes_its_due_date_plus_the_late_days() -> None:
    window = _window()
    assert window_close_date(window) == window.realization_due_date + timedelta(days=30)


@override_settings(REALIZATION_LATE_DAYS=30)
def test_a_window_is_open_from_its_first_day_until_its_close_date() -> None:
    window = _window()
    assert window_realization_refusal(window, window.start_date) is None
    assert window_realization_refusal(window, window.realization_due_date) is None
    assert window_realization_refusal(window, window_close_date(window)) is None


@override_settings(REALIZATION_LATE_DAYS=30)
def test_before_its_first_day_the_window_says_when_it_opens() -> None:
    window = _window()
    refusal = window_realization_refusal(window, window.start_date - timedelta(days=1))
    assert refusal is not None
    assert "belum dimulai" in refusal
    assert "1 Maret 2031" in refusal


@override_settings(REALIZATION_LATE_DAYS=30)
def test_after_its_close_date_the_window_says_when_it_closed() -> None:
    window = _window()
    refusal = window_realization_refusal(window, window_close_date(window) + timedelta(days=1))
    assert refusal is not None
    assert "sudah ditutup" in refusal
    assert "30 hari keterlambatan" in refusal


@pytest.mark.parametrize("state", [PeriodState.PLANNING, PeriodState.CLOSED])
def test_outside_execution_and_evaluation_no_window_takes_realisations(state: str) -> None:
    window = _window(state)
    refusal = window_realization_refusal(window, window.start_date)
    assert refusal is not None
    assert "Pelaksanaan atau Evaluasi" in refusal


def test_during_evaluation_the_last_windows_still_take_realisations() -> None:
    window = _window(PeriodState.EVALUATION)
    assert window_realization_refusal(window, window.realization_due_date) is None
