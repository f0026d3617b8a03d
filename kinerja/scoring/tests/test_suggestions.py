"""Suggestions beside an evaluation's ratings: per result, behaviour overall, head of agency."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.scoring.ratings import OrganizationPredikat, Rating
from kinerja.scoring.suggestions import (
    expected_share,
    mean_achievement,
    prorated_achievement,
    results_rating_for_organization,
    suggest_behavior_rating,
    suggest_result_rating,
)

ABOVE, MEETS, BELOW = Rating.ABOVE, Rating.MEETS, Rating.BELOW

percents = st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False)


def test_one_indicator_is_rated_by_its_own_achievement() -> None:
    suggestion = suggest_result_rating([Decimal("104.5")])
    assert suggestion is not None
    assert suggestion.rating is MEETS
    assert suggestion.explanation == "capaian indikator 104,50%: Sesuai Ekspektasi"


def test_several_indicators_are_rated_by_their_mean_and_the_missing_are_named() -> None:
    suggestion = suggest_result_rating([Decimal("120"), Decimal("100"), None])
    assert suggestion is not None
    assert suggestion.rating is ABOVE
    assert suggestion.rule == "achievement_mean"
    assert suggestion.explanation == (
        "rata-rata capaian 2 indikator 110,00%: Di Atas Ekspektasi; "
        "1 indikator tanpa capaian tidak dihitung"
    )


def test_below_the_target_is_below_expectation() -> None:
    suggestion = suggest_result_rating([Fraction(199, 2)])
    assert suggestion is not None
    assert suggestion.rating is BELOW


def test_no_known_achievement_gives_no_suggestion() -> None:
    assert suggest_result_rating([None, None]) is None
    assert suggest_result_rating([]) is None


def test_thresholds_can_be_moved() -> None:
    suggestion = suggest_result_rating([Decimal("95")], above_from=100, meets_from=90)
    assert suggestion is not None
    assert suggestion.rating is MEETS


@given(st.lists(percents, min_size=1, max_size=8))
def test_result_suggestion_is_the_rating_of_the_mean(values: list[Decimal]) -> None:
    suggestion = suggest_result_rating(values)
    assert suggestion is not None
    mean = sum(values, Decimal(0)) / len(values)
    expected = ABOVE if mean >= 110 else MEETS if mean >= 100 else BELOW
    assert suggestion.rating is expected


@given(st.lists(percents, min_size=1, max_size=8), percents)
def test_raising_one_achievement_never_lowers_the_result_suggestion(
    values: list[Decimal], extra: Decimal
) -> None:
    before = suggest_result_rating(values)
    after = suggest_result_rating([values[0] + extra, *values[1:]])
    assert before is not None
    assert after is not None
    assert after.rating.rank >= before.rating.rank


@pytest.mark.parametrize(
    ("ratings", "expected", "rule"),
    [
        ([ABOVE] * 4 + [MEETS] * 3, ABOVE, "most_above"),
        ([ABOVE] * 4 + [MEETS] * 2 + [BELOW], MEETS, "meets"),
        ([BELOW] * 4 + [MEETS] * 3, BELOW, "most_below"),
        ([MEETS] * 7, MEETS, "meets"),
        ([ABOVE, BELOW], MEETS, "meets"),
    ],
)
def test_behavior_suggestion_reads_like_the_results_guidance(
    ratings: list[Rating], expected: Rating, rule: str
) -> None:
    suggestion = suggest_behavior_rating(ratings)
    assert (suggestion.rating, suggestion.rule) == (expected, rule)


def test_behavior_suggestion_explains_in_words() -> None:
    assert suggest_behavior_rating([ABOVE] * 7).explanation == (
        "7 dari 7 nilai dasar di atas ekspektasi (lebih dari separuh) dan tidak ada yang di "
        "bawah ekspektasi"
    )
    assert suggest_behavior_rating([MEETS, BELOW]).explanation == (
        "1 dari 2 nilai dasar sesuai atau di atas ekspektasi"
    )
    assert suggest_behavior_rating([BELOW]).explanation == (
        "1 dari 1 nilai dasar di bawah ekspektasi (lebih dari separuh)"
    )


def test_behavior_suggestion_needs_a_rated_core_value() -> None:
    with pytest.raises(ValueError, match="Belum ada nilai dasar"):
        suggest_behavior_rating([])


@given(st.lists(st.sampled_from(list(Rating)), min_size=1, max_size=7), st.integers(0, 6))
def test_raising_one_core_value_never_lowers_the_behavior_suggestion(
    ratings: list[Rating], index: int
) -> None:
    index %= len(ratings)
    raised = list(ratings)
    raised[index] = ABOVE
    before = suggest_behavior_rating(ratings).rating
    after = suggest_behavior_rating(raised).rating
    assert after.rank >= before.rank


@pytest.mark.parametrize(
    ("org", "expected"),
    [
        (OrganizationPredikat.ISTIMEWA, ABOVE),
        (OrganizationPredikat.BAIK, MEETS),
        (OrganizationPredikat.BUTUH_PERBAIKAN, BELOW),
        (OrganizationPredikat.KURANG, BELOW),
        (OrganizationPredikat.SANGAT_KURANG, BELOW),
    ],
)
def test_head_of_agency_results_follow_the_organisation(
    org: OrganizationPredikat, expected: Rating
) -> None:
    suggestion = results_rating_for_organization(org)
    assert suggestion.rating is expected
    assert org.label in suggestion.explanation


def test_mean_achievement_rounds_half_up_and_skips_the_unknown() -> None:
    assert mean_achievement([Decimal("100"), Decimal("100.01"), None]) == Decimal("100.01")
    assert mean_achievement([None]) is None


def test_the_share_due_counts_the_days_of_the_plan_elapsed() -> None:
    assert expected_share(date(2026, 1, 1), date(2026, 12, 31), date(2026, 9, 30)) == Fraction(
        273, 365
    )
    assert expected_share(date(2026, 1, 1), date(2026, 12, 31), date(2027, 1, 31)) == 1
    assert expected_share(date(2026, 7, 1), date(2026, 12, 31), date(2026, 6, 30)) == Fraction(
        1, 184
    )
    with pytest.raises(ValueError, match="sebelum tanggal mulainya"):
        expected_share(date(2026, 2, 1), date(2026, 1, 1), date(2026, 1, 1))


def test_a_prorated_achievement_compares_with_the_part_due() -> None:
    assert prorated_achievement(Decimal("69.56"), Fraction(3, 4)) == Decimal("92.75")
    assert prorated_achievement(100, 1) == Decimal("100.00")
    for bad in (0, Fraction(5, 4)):
        with pytest.raises(ValueError, match="harus lebih dari 0 dan paling 1"):
            prorated_achievement(50, bad)


@given(percents, st.integers(1, 365))
def test_prorating_never_lowers_an_achievement(value: Decimal, days: int) -> None:
    assert prorated_achievement(value, Fraction(days, 365)) >= value
