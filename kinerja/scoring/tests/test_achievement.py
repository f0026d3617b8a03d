"""Achievement of an indicator and the suggested results rating."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.scoring.achievement import (
    Polarity,
    ResultItem,
    ResultKind,
    achievement,
    rating_for_achievement,
    suggest_results_rating,
)
from kinerja.scoring.ratings import Rating

HIGHER, LOWER = Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER
UTAMA, TAMBAHAN = ResultKind.UTAMA, ResultKind.TAMBAHAN
ABOVE, MEETS, BELOW = Rating.ABOVE, Rating.MEETS, Rating.BELOW


@pytest.mark.parametrize(
    ("target", "realization", "polarity", "expected"),
    [
        (Decimal(100), Decimal(100), HIGHER, "100.00"),
        (Decimal(12), Decimal(15), HIGHER, "125.00"),
        (Decimal(3), Decimal(2), HIGHER, "66.67"),
        (Decimal(200000), Decimal(200001), HIGHER, "100.00"),
        (Decimal(8), Decimal(1), HIGHER, "12.50"),
        (Decimal(0), Decimal(0), HIGHER, "100.00"),
        (Decimal(0), Decimal(5), HIGHER, "100.00"),
        (Decimal(10), Decimal(8), LOWER, "120.00"),
        (Decimal(10), Decimal(10), LOWER, "100.00"),
        (Decimal(10), Decimal(12), LOWER, "80.00"),
        (Decimal(10), Decimal(20), LOWER, "0.00"),
        (Decimal(10), Decimal(25), LOWER, "0.00"),
        (Decimal(10), Decimal(0), LOWER, "200.00"),
        (Decimal(0), Decimal(0), LOWER, "100.00"),
        (Decimal(0), Decimal(1), LOWER, "0.00"),
        (3, 1, LOWER, "166.67"),
    ],
)
def test_achievement_in_percent_with_polarity(
    target: Decimal | int, realization: Decimal | int, polarity: Polarity, expected: str
) -> None:
    assert str(achievement(target, realization, polarity)) == expected


@pytest.mark.parametrize(("target", "realization"), [(None, Decimal(1)), (Decimal(1), None)])
def test_a_missing_value_has_no_achievement(
    target: Decimal | None, realization: Decimal | None
) -> None:
    assert achievement(target, realization, HIGHER) is None


def test_a_negative_value_is_refused() -> None:
    with pytest.raises(ValueError, match="Realisasi -1 tidak boleh negatif"):
        achievement(Decimal(1), Decimal(-1), HIGHER)
    with pytest.raises(ValueError, match="Target -1 tidak boleh negatif"):
        achievement(Decimal(-1), Decimal(1), LOWER)


@pytest.mark.parametrize(
    ("percent", "expected"),
    [
        (Decimal("110.00"), ABOVE),
        (Decimal("109.99"), MEETS),
        (Decimal("100.00"), MEETS),
        (Decimal("99.99"), BELOW),
        (Decimal(0), BELOW),
    ],
)
def test_a_result_is_above_from_110_and_meets_from_100(percent: Decimal, expected: Rating) -> None:
    assert rating_for_achievement(percent) is expected


def test_thresholds_can_be_set_by_the_caller() -> None:
    assert rating_for_achievement(Decimal(95), above_from=100, meets_from=90) is MEETS
    assert rating_for_achievement(Decimal(100), above_from=100, meets_from=90) is ABOVE


@pytest.mark.parametrize(
    ("items", "rating", "rule"),
    [
        ([(UTAMA, ABOVE), (UTAMA, ABOVE), (TAMBAHAN, MEETS)], ABOVE, "most_above"),
        ([(UTAMA, ABOVE), (UTAMA, ABOVE), (TAMBAHAN, BELOW)], ABOVE, "most_above"),
        ([(UTAMA, ABOVE), (UTAMA, MEETS)], MEETS, "meets"),
        ([(UTAMA, ABOVE)] * 3 + [(UTAMA, BELOW)], MEETS, "meets"),
        ([(UTAMA, ABOVE), (UTAMA, ABOVE), (UTAMA, BELOW)], MEETS, "meets"),
        ([(UTAMA, MEETS), (UTAMA, MEETS), (UTAMA, BELOW)], MEETS, "meets"),
        ([(UTAMA, ABOVE)] * 3 + [(UTAMA, BELOW)] * 2, BELOW, "main_below"),
        ([(UTAMA, MEETS)] * 2 + [(UTAMA, BELOW), (TAMBAHAN, MEETS)], MEETS, "meets"),
        ([(UTAMA, MEETS), (TAMBAHAN, BELOW)], MEETS, "meets"),
        ([(UTAMA, BELOW), (TAMBAHAN, MEETS)], BELOW, "main_below"),
        ([(TAMBAHAN, MEETS), (TAMBAHAN, BELOW)], MEETS, "meets"),
        ([(UTAMA, BELOW), (UTAMA, BELOW), (UTAMA, ABOVE)], BELOW, "most_below"),
        ([(UTAMA, MEETS), (TAMBAHAN, BELOW), (TAMBAHAN, BELOW)], BELOW, "most_below"),
    ],
)
def test_suggested_results_rating_follows_the_guidance(
    items: list[tuple[ResultKind, Rating]], rating: Rating, rule: str
) -> None:
    suggestion = suggest_results_rating(ResultItem(kind, rating=given) for kind, given in items)
    assert (suggestion.rating, suggestion.rule) == (rating, rule)


def test_achievements_are_rated_with_the_thresholds() -> None:
    suggestion = suggest_results_rating(
        [
            ResultItem(UTAMA, achievement=Decimal("112.50")),
            ResultItem(UTAMA, achievement=Decimal("110.00")),
            ResultItem(TAMBAHAN, rating=MEETS),
        ]
    )
    assert suggestion.ratings == (ABOVE, ABOVE, MEETS)
    assert suggestion.rating is ABOVE
    assert (suggestion.above, suggestion.meets, suggestion.below) == (2, 1, 0)
    assert (suggestion.main_total, suggestion.main_below) == (2, 0)
    assert suggestion.explanation == (
        "2 dari 3 hasil kerja di atas ekspektasi (lebih dari separuh) dan "
        "tidak ada hasil kerja utama di bawah ekspektasi"
    )


def test_every_rule_explains_itself_in_indonesian() -> None:
    meets = suggest_results_rating([ResultItem(UTAMA, rating=MEETS)])
    assert meets.explanation == (
        "1 dari 1 hasil kerja sesuai atau di atas ekspektasi; hasil kerja utama di bawah "
        "ekspektasi 0 dari 1, paling banyak sepertiga"
    )
    below = suggest_results_rating([ResultItem(UTAMA, rating=BELOW)])
    assert below.explanation == "1 dari 1 hasil kerja di bawah ekspektasi (lebih dari separuh)"
    main_below = suggest_results_rating(
        [ResultItem(UTAMA, rating=BELOW), ResultItem(TAMBAHAN, rating=ABOVE)]
    )
    assert main_below.explanation == (
        "hasil kerja utama di bawah ekspektasi 1 dari 1, lebih dari sepertiga"
    )


def test_a_result_needs_exactly_one_of_achievement_or_rating() -> None:
    with pytest.raises(ValueError, match="Isi tepat satu dari capaian atau rating"):
        ResultItem(UTAMA)
    with pytest.raises(ValueError, match="Isi tepat satu"):
        ResultItem(UTAMA, achievement=Decimal(100), rating=MEETS)


def test_a_kind_given_as_a_stored_string_is_accepted() -> None:
    assert ResultItem(ResultKind("UTAMA"), rating=MEETS).kind is UTAMA
    assert ResultKind.choices() == [("UTAMA", "Utama"), ("TAMBAHAN", "Tambahan")]
    assert Polarity.LOWER_IS_BETTER.label == "Semakin rendah semakin baik"


def test_no_results_cannot_be_rated() -> None:
    with pytest.raises(ValueError, match="Tidak ada hasil kerja"):
        suggest_results_rating([])


amounts = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(target=amounts, low=amounts, high=amounts)
def test_achievement_moves_with_the_realisation_in_the_direction_of_the_polarity(
    target: Decimal, low: Decimal, high: Decimal
) -> None:
    low, high = min(low, high), max(low, high)
    higher_low, higher_high = achievement(target, low, HIGHER), achievement(target, high, HIGHER)
    lower_low, lower_high = achievement(target, low, LOWER), achievement(target, high, LOWER)
    assert higher_low is not None
    assert higher_high is not None
    assert lower_low is not None
    assert lower_high is not None
    assert higher_low <= higher_high
    assert lower_low >= lower_high
    assert lower_high >= 0


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(list(ResultKind)), st.sampled_from(list(Rating))),
        min_size=1,
        max_size=8,
    ),
    st.integers(min_value=0, max_value=7),
)
def test_raising_one_result_never_lowers_the_suggestion(
    items: list[tuple[ResultKind, Rating]], index: int
) -> None:
    index %= len(items)
    kind, rating = items[index]
    better = [r for r in Rating if r.rank > rating.rank]
    before = suggest_results_rating(ResultItem(k, rating=r) for k, r in items)
    for improved in better:
        changed = [*items[:index], (kind, improved), *items[index + 1 :]]
        after = suggest_results_rating(ResultItem(k, rating=r) for k, r in changed)
        assert after.rating.rank >= before.rating.rank
