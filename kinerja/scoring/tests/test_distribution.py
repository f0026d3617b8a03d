"""The distribution curve: employees' predikat against the organisation predikat."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.scoring.distribution import (
    GUIDANCE,
    MIN_GROUP_SIZE,
    Band,
    check_distribution,
)
from kinerja.scoring.ratings import OrganizationPredikat, Predikat

SB, B, BP, K, SK = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)
ORG = OrganizationPredikat


@pytest.mark.parametrize(
    ("org", "counts", "codes"),
    [
        # Istimewa: Sangat Baik the largest group, at most 70%.
        (ORG.ISTIMEWA, {SB: 7, B: 3}, []),
        (ORG.ISTIMEWA, {SB: 8, B: 2}, ["above_max_share"]),
        (ORG.ISTIMEWA, {SB: 4, B: 4, BP: 2}, []),
        (ORG.ISTIMEWA, {SB: 3, B: 4, BP: 3}, ["not_largest"]),
        # Baik: Baik the largest group, at most 70%, at least one BP or K.
        (ORG.BAIK, {B: 7, SB: 2, BP: 1}, []),
        (ORG.BAIK, {B: 7, SB: 2, K: 1}, []),
        (ORG.BAIK, {B: 7, SB: 3}, ["below_min_count"]),
        (ORG.BAIK, {B: 8, BP: 2}, ["above_max_share"]),
        (ORG.BAIK, {B: 3, SB: 4, BP: 3}, ["not_largest"]),
        # Butuh Perbaikan: at least 60% BP, at most 10% SB.
        (ORG.BUTUH_PERBAIKAN, {BP: 6, B: 3, SB: 1}, []),
        (ORG.BUTUH_PERBAIKAN, {BP: 5, B: 5}, ["below_min_share"]),
        (ORG.BUTUH_PERBAIKAN, {BP: 6, B: 2, SB: 2}, ["above_max_share"]),
        # Kurang: at least 60% K, at least 10% BP, at most 10% SB.
        (ORG.KURANG, {K: 6, BP: 1, B: 2, SB: 1}, []),
        (ORG.KURANG, {K: 59, BP: 10, B: 31}, ["below_min_share"]),
        (ORG.KURANG, {K: 6, B: 4}, ["below_min_share"]),
        (ORG.KURANG, {K: 6, BP: 1, SB: 2, B: 1}, ["above_max_share"]),
        # Sangat Kurang: at least 60% SK, at least 10% K or BP, no SB.
        (ORG.SANGAT_KURANG, {SK: 6, K: 1, B: 3}, []),
        (ORG.SANGAT_KURANG, {SK: 6, BP: 1, B: 3}, []),
        (ORG.SANGAT_KURANG, {SK: 6, B: 4}, ["below_min_share"]),
        (ORG.SANGAT_KURANG, {SK: 5, K: 5}, ["below_min_share"]),
        (ORG.SANGAT_KURANG, {SK: 6, K: 3, SB: 1}, ["not_allowed"]),
    ],
)
def test_distribution_rules_and_their_exact_boundaries(
    org: OrganizationPredikat, counts: dict[Predikat, int], codes: list[str]
) -> None:
    report = check_distribution(org, counts)
    assert [violation.code for violation in report.violations] == codes
    assert report.ok is (not codes)
    assert report.too_small is False


def test_exactly_70_percent_is_allowed_and_80_percent_is_reported_with_the_numbers() -> None:
    assert check_distribution(ORG.ISTIMEWA, {SB: 7, B: 3}).ok
    report = check_distribution(ORG.ISTIMEWA, {SB: 8, B: 2})
    assert [v.message for v in report.violations] == [
        "Sangat Baik 8 dari 10 pegawai (80,00%) melebihi batas 70% "
        "untuk organisasi berpredikat Istimewa"
    ]


def test_messages_name_the_rule_and_the_numbers() -> None:
    report = check_distribution(ORG.KURANG, {K: 5, B: 5})
    assert [v.message for v in report.violations] == [
        "Kurang/Misconduct 5 dari 10 pegawai (50,00%) kurang dari minimal 60% "
        "untuk organisasi berpredikat Kurang",
        "Butuh Perbaikan 0 dari 10 pegawai (0,00%) kurang dari minimal 10% "
        "untuk organisasi berpredikat Kurang",
    ]
    largest = check_distribution(ORG.ISTIMEWA, {SB: 3, B: 4, BP: 3}).violations[0]
    assert largest.message == (
        "Sangat Baik (3 pegawai) harus kelompok terbesar untuk organisasi berpredikat "
        "Istimewa, tetapi lebih sedikit dari Baik 4 pegawai"
    )
    missing = check_distribution(ORG.BAIK, {B: 7, SB: 3}).violations[0]
    assert missing.message == (
        "Butuh Perbaikan atau Kurang/Misconduct 0 dari 10 pegawai; untuk organisasi berpredikat "
        "Baik paling sedikit 1 pegawai harus Butuh Perbaikan atau Kurang/Misconduct"
    )
    forbidden = check_distribution(ORG.SANGAT_KURANG, {SK: 6, K: 3, SB: 1}).violations[0]
    assert forbidden.message == (
        "Sangat Baik 1 dari 10 pegawai (10,00%) tidak diperbolehkan "
        "untuk organisasi berpredikat Sangat Kurang"
    )


def test_a_unit_of_four_is_too_small_for_percentages() -> None:
    report = check_distribution(ORG.ISTIMEWA, {B: 4})
    assert report.too_small is True
    assert report.ok is True


def test_a_unit_of_five_is_checked() -> None:
    report = check_distribution(ORG.ISTIMEWA, {B: 5})
    assert report.too_small is False
    assert [v.code for v in report.violations] == ["not_largest"]


def test_no_sangat_baik_under_sangat_kurang_holds_even_for_a_small_unit() -> None:
    report = check_distribution(ORG.SANGAT_KURANG, {SK: 2, SB: 1})
    assert report.too_small is True
    assert [v.code for v in report.violations] == ["not_allowed"]


def test_the_small_group_threshold_can_be_changed() -> None:
    assert MIN_GROUP_SIZE == 5
    assert check_distribution(ORG.ISTIMEWA, {B: 5}, min_group_size=10).too_small is True


def test_an_empty_unit_is_too_small_and_has_zero_shares() -> None:
    report = check_distribution(ORG.BAIK, {})
    assert (report.total, report.too_small, report.ok) == (0, True, True)
    assert set(report.shares.values()) == {Decimal("0.0000")}


def test_shares_are_exact_fractions_rounded_to_four_places_for_display() -> None:
    report = check_distribution(ORG.BAIK, {B: 1, BP: 1, SB: 1})
    assert report.shares[B] == Decimal("0.3333")
    assert report.shares[K] == Decimal("0.0000")
    assert report.counts[K] == 0


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError, match="Jumlah pegawai Baik tidak boleh negatif: -1"):
        check_distribution(ORG.BAIK, {B: -1})


def test_guidance_covers_every_organisation_predikat_for_drawing_the_curve() -> None:
    assert set(GUIDANCE) == set(OrganizationPredikat)
    assert GUIDANCE[ORG.ISTIMEWA] == (Band((SB,), max_share=Decimal("0.70"), largest=True),)
    assert Band((K, BP)).label == "Kurang/Misconduct atau Butuh Perbaikan"


counts_strategy = st.dictionaries(
    st.sampled_from(list(Predikat)), st.integers(min_value=0, max_value=30)
)


@settings(max_examples=200, deadline=None)
@given(
    org=st.sampled_from(list(OrganizationPredikat)),
    counts=counts_strategy,
    factor=st.integers(min_value=2, max_value=5),
)
def test_scaling_a_large_enough_unit_does_not_change_the_verdict(
    org: OrganizationPredikat, counts: dict[Predikat, int], factor: int
) -> None:
    report = check_distribution(org, counts)
    scaled = check_distribution(org, {p: n * factor for p, n in counts.items()})
    if not report.too_small:
        assert [v.code for v in scaled.violations] == [v.code for v in report.violations]
