"""The perception survey's figures and themes (pure): the index formula, suppression under 5
respondents whatever the answers, indices always within 0..100, themes and their samples."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.engagement.perception_figures import (
    ItemTotal,
    combined,
    figures_by_group,
    group_figures,
    index_of,
)
from kinerja.engagement.perception_items import DIMENSION_CODES, ITEM_CODES, ITEMS, K_MIN
from kinerja.engagement.perception_themes import (
    SAMPLES,
    theme_counts,
    theme_samples,
    themes_of,
)


def _totals(answers: list[list[int]]) -> dict[str, tuple[int, int]]:
    """Per item (sum, count) of respondents' answer lists (one value per item)."""
    return {code: (sum(a[i] for a in answers), len(answers)) for i, code in enumerate(ITEM_CODES)}


def test_the_index_maps_1_to_0_and_5_to_100_with_one_decimal() -> None:
    assert index_of(5, 5) == Decimal(0)
    assert index_of(25, 5) == Decimal(100)
    assert index_of(10, 3) == Decimal("58.3")
    assert index_of(0, 0) is None


def test_the_instrument_has_five_dimensions_of_three_items() -> None:
    assert len(ITEMS) == 15
    assert ITEM_CODES[0] == "P01"
    assert ITEM_CODES[-1] == "P15"
    for code in DIMENSION_CODES:
        assert sum(1 for i in ITEMS if i.dimension == code) == 3


answer_lists = st.lists(
    st.lists(st.integers(1, 5), min_size=15, max_size=15), min_size=0, max_size=12
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answer_lists)
def test_a_group_under_5_respondents_never_has_a_figure_nor_a_count(
    answers: list[list[int]],
) -> None:
    figures = group_figures("opd", _totals(answers) if answers else {})
    if len(answers) < K_MIN:
        assert figures.suppressed
        assert figures.n is None
        assert figures.overall is None
        assert all(v is None for v in figures.indices.values())
    else:
        assert figures.n == len(answers)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answer_lists)
def test_every_index_lies_between_0_and_100(answers: list[list[int]]) -> None:
    figures = group_figures("opd", _totals(answers) if answers else {})
    for value in [*figures.indices.values(), figures.overall]:
        assert value is None or Decimal(0) <= value <= Decimal(100)


def test_groups_are_computed_from_the_group_by_rows_and_the_city_combines_them() -> None:
    rows = [ItemTotal(key=1, item=c, total=20, count=5) for c in ITEM_CODES]  # all 4
    rows += [ItemTotal(key=2, item=c, total=4, count=4) for c in ITEM_CODES]  # all 1, n=4
    by_group = figures_by_group(rows)
    assert by_group[1].n == 5
    assert by_group[1].indices["KEJELASAN"] == Decimal("75.0")
    assert by_group[2].suppressed
    city = combined(rows, "CITY")
    assert city.n == 9
    assert city.overall == Decimal("41.7")  # (20*15 + 4*15) / (9*15) = 2.667 → 41,7


def test_a_remark_may_hit_several_themes_and_an_unmatched_one_is_other() -> None:
    assert themes_of("Aplikasi sering error dan indikator tidak jelas") == ["INDIKATOR", "TEKNIS"]
    assert themes_of("Mantap") == ["LAINNYA"]
    assert themes_of("   ") == []
    counts = theme_counts(["Penilaian tidak adil", "Perlu sosialisasi", "Sip"])
    assert counts["KEADILAN"] == 1
    assert counts["PELATIHAN"] == 1
    assert counts["LAINNYA"] == 1


def test_samples_are_alphabetical_not_in_the_order_they_came_and_at_most_five() -> None:
    remarks = [f"{letter} aplikasi lambat" for letter in "zyxwvuts"]
    samples = theme_samples(remarks)["TEKNIS"]
    assert len(samples) == SAMPLES
    assert samples == sorted(samples)
    assert samples[0].startswith("s")
