"""The live spread of an agency's group against the guidance (selectors/distribution.py)."""

from typing import Any

import pytest

from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.distribution import group_distribution
from kinerja.evaluation.selectors.organization import agency_overviews
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


# --- many agencies at once (selectors/organization.py) -----------------------------------


def test_each_agency_gets_its_predikat_its_counts_its_pending_plans_and_its_check() -> None:
    period = make_open_period(state=PeriodState.EVALUATION)
    scope = Scope(period, None)
    broken, fine, unrated, empty = (make_agency() for _ in range(4))
    make_group(agency=broken, scope=scope, predikats=[Predikat.BAIK] * 5)
    make_org_rating(agency=broken, scope=scope, predikat="BAIK")
    make_group(
        agency=fine,
        scope=scope,
        predikats=[Predikat.BAIK] * 3 + [Predikat.SANGAT_BAIK, Predikat.KURANG],
    )
    make_org_rating(agency=fine, scope=scope, predikat="BAIK")
    make_group(agency=unrated, scope=scope, predikats=[Predikat.BAIK])
    make_group(agency=empty, scope=scope, predikats=[Predikat.BAIK], state=EvaluationState.DRAFT)
    Evaluation.objects.filter(plan__position__agency=empty).update(predikat="")
    make_org_rating(agency=empty, scope=scope, predikat="ISTIMEWA")

    rows = agency_overviews(agencies=[broken, fine, unrated, empty], scope=scope)

    assert [row.agency for row in rows] == [broken, fine, unrated, empty]
    assert [row.spread for row in rows] == ["violated", "ok", "unrated", "empty"]
    assert rows[0].total == 5
    assert rows[0].violation_count == 4  # agency and its one unit: too many Baik, no low
    assert rows[0].spread_text == "4 penyimpangan dari pedoman"
    assert rows[1].spread_text == "Sesuai pedoman"
    assert rows[2].spread_text == "Predikat organisasi belum ditetapkan"
    assert rows[3].pending == 1
    assert rows[3].spread_text == "Belum ada predikat pegawai"


def test_a_small_agency_is_told_it_is_too_small_instead_of_flagged() -> None:
    period = make_open_period(state=PeriodState.EVALUATION)
    scope = Scope(period, None)
    agency = make_agency()
    make_group(agency=agency, scope=scope, predikats=[Predikat.BAIK] * 2)
    make_org_rating(agency=agency, scope=scope, predikat="BAIK")
    (row,) = agency_overviews(agencies=[agency], scope=scope)
    assert row.spread == "small"
    assert row.spread_text == "Kelompok terlalu kecil (kurang dari 5 pegawai)"


def test_many_agencies_cost_three_queries(django_assert_num_queries: Any) -> None:
    period = make_open_period(state=PeriodState.EVALUATION)
    scope = Scope(period, None)
    agencies = [make_agency() for _ in range(12)]
    for agency in agencies[::3]:
        make_org_rating(agency=agency, scope=scope)
        make_group(agency=agency, scope=scope, predikats=[Predikat.BAIK, Predikat.KURANG])
    with django_assert_num_queries(3):
        agency_overviews(agencies=agencies, scope=scope)
