from datetime import date

import pytest

from kinerja.periods.models import PeriodState, WindowKind
from kinerja.periods.testing import make_period

pytestmark = pytest.mark.django_db


def test_make_period_builds_a_year_with_twelve_monthly_windows() -> None:
    period = make_period(year=2026, state=PeriodState.EXECUTION)
    period.refresh_from_db()
    assert period.state == PeriodState.EXECUTION
    windows = list(period.windows.all())
    assert [w.name for w in windows][:2] == ["Januari", "Februari"]
    assert len(windows) == 12
    assert windows[-1].realization_due_date == date(2027, 1, 5)


def test_make_period_builds_four_quarters_when_asked() -> None:
    period = make_period(year=2025, window_kind=WindowKind.QUARTERLY, is_trial=True)
    assert [w.name for w in period.windows.all()] == [
        "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV",
    ]  # fmt: skip
