"""The group's time read from a query string (selectors/common.py)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kinerja.evaluation.selectors.common import default_scope, scope_choices, scope_from_query
from kinerja.periods.models import PeriodState
from kinerja.planning.testing import make_open_period

pytestmark = pytest.mark.django_db


def test_a_page_opens_on_the_latest_window_whose_realisations_have_closed() -> None:
    period = make_open_period(year=2026, state=PeriodState.EXECUTION)
    scope = default_scope(period, date(2026, 11, 30))
    # September's realisations are due on 5 October and close 30 days later.
    assert scope.window is not None
    assert scope.window.name == "September"
    assert scope.label == "September 2026"
    assert default_scope(period, date(2027, 3, 1)).is_annual
    january = default_scope(period, date(2026, 1, 10)).window
    assert january is not None
    assert january.number == 1


def test_the_query_names_a_window_or_the_year() -> None:
    period = make_open_period(year=2026, state=PeriodState.EXECUTION)
    window = period.windows.get(number=3)
    found = scope_from_query({"periode": str(period.pk), "evaluasi": str(window.pk)})
    assert found is not None
    assert found.window == window
    annual = scope_from_query({"periode": str(period.pk), "evaluasi": "tahunan"})
    assert annual is not None
    assert annual.is_annual
    assert annual.param == "tahunan"
    assert scope_choices(period)[-1] == ("tahunan", "Tahunan 2026")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"periode": "abc"}, "Periode “abc” tidak sah"),
        ({"periode": "999999"}, "Periode 999999 tidak ada"),
        ({"evaluasi": "x1"}, "Evaluasi “x1” tidak sah; isi nomor evaluasi periodik"),
        ({"evaluasi": "999999"}, "bukan evaluasi periodik"),
    ],
)
def test_bad_parameters_are_refused_in_words(query: dict[str, str], message: str) -> None:
    make_open_period(state=PeriodState.EXECUTION)
    with pytest.raises(ValidationError) as error:
        scope_from_query(query)
    assert message in str(error.value)
