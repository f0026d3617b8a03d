"""The live spread of an agency's group against the guidance (selectors/distribution.py)."""

from typing import Any

import pytest

from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.distribution import group_distribution
from kinerja.evaluation.testing import make_group, make_org_rating
from kinerja.organization.testing import make_agency
from kinerja.periods.models import PeriodState
from kinerja.planning.testing import make_open_period
from kinerja.scoring.ratings import Predikat

pytestmark = pytest.mark.django_db


def test_a_baik_agency_without_butuh_perbaikan_or_kurang_is_told_in_words() -> None:
    period = make_open_period(state=PeriodState.EVALUATION)
    scope = Scope(period, None)
    agency = make_agency()
    make_group(agency=agency, scope=scope, predikats=[Predikat.BAIK] * 4 + [Predikat.SANGAT_BAIK])
    make_org_rating(agency=agency, scope=scope, predikat="BAIK")

    group = group_distribution(agency=agency, scope=scope)

    assert group.total == 5
    assert group.counts[Predikat.BAIK] == 4
    assert any("Butuh Perbaikan atau Kurang/Misconduct 0 dari 5" in v for v in group.violations)
    assert group.pending == 0
    assert not group.is_locked


def test_without_an_organisation_rating_there_is_no_check() -> None:
    period = make_open_period(state=PeriodState.EVALUATION)
    scope = Scope(period, None)
    agency = make_agency()
    make_group(agency=agency, scope=scope, predikats=[Predikat.BAIK])

    group = group_distribution(agency=agency, scope=scope)

    assert group.report is None
    assert group.violations == []
    assert [unit.total for unit in group.units] == [1]


def test_the_spread_costs_the_same_queries_for_one_and_for_many(
    django_assert_max_num_queries: Any,
) -> None:
    period = make_open_period(state=PeriodState.EVALUATION)
    scope = Scope(period, None)
    agency = make_agency()
    make_org_rating(agency=agency, scope=scope)
    make_group(agency=agency, scope=scope, predikats=[Predikat.BAIK] * 12)
    with django_assert_max_num_queries(5):
        group_distribution(agency=agency, scope=scope)
