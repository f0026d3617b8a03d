"""Ratings, predikat and the 3 x 3 matrix of PermenPANRB 6/2022."""

from itertools import permutations, product

import pytest

from kinerja.scoring.ratings import (
    PREDIKAT_MATRIX,
    OrganizationPredikat,
    Predikat,
    Rating,
    predikat,
)

ABOVE, MEETS, BELOW = Rating.ABOVE, Rating.MEETS, Rating.BELOW


@pytest.mark.parametrize(
    ("results", "behavior", "expected"),
    [
        (ABOVE, ABOVE, Predikat.SANGAT_BAIK),
        (ABOVE, MEETS, Predikat.BAIK),
        (ABOVE, BELOW, Predikat.KURANG),
        (MEETS, ABOVE, Predikat.BAIK),
        (MEETS, MEETS, Predikat.BAIK),
        (MEETS, BELOW, Predikat.KURANG),
        (BELOW, ABOVE, Predikat.BUTUH_PERBAIKAN),
        (BELOW, MEETS, Predikat.BUTUH_PERBAIKAN),
        (BELOW, BELOW, Predikat.SANGAT_KURANG),
    ],
)
def test_predikat_follows_the_matrix_cell(
    results: Rating, behavior: Rating, expected: Predikat
) -> None:
    assert predikat(results, behavior) is expected


def test_the_matrix_has_exactly_the_nine_cells() -> None:
    assert set(PREDIKAT_MATRIX) == set(product(Rating, Rating))


def test_ratings_given_as_stored_strings_are_accepted() -> None:
    assert predikat(Rating("ABOVE"), Rating("MEETS")) is Predikat.BAIK


def test_labels_are_the_regulation_wording() -> None:
    assert Rating.choices() == [
        ("ABOVE", "Di Atas Ekspektasi"),
        ("MEETS", "Sesuai Ekspektasi"),
        ("BELOW", "Di Bawah Ekspektasi"),
    ]
    assert [p.label for p in Predikat] == [
        "Sangat Baik",
        "Baik",
        "Butuh Perbaikan",
        "Kurang/Misconduct",
        "Sangat Kurang",
    ]
    assert [o.label for o in OrganizationPredikat] == [
        "Istimewa",
        "Baik",
        "Butuh Perbaikan",
        "Kurang",
        "Sangat Kurang",
    ]


def test_ranks_order_each_scale_from_worst_to_best() -> None:
    assert sorted(Rating, key=lambda r: r.rank) == [BELOW, MEETS, ABOVE]
    assert sorted(Predikat, key=lambda p: p.rank) == [
        Predikat.SANGAT_KURANG,
        Predikat.KURANG,
        Predikat.BUTUH_PERBAIKAN,
        Predikat.BAIK,
        Predikat.SANGAT_BAIK,
    ]
    assert sorted(OrganizationPredikat, key=lambda o: o.rank)[-1] is OrganizationPredikat.ISTIMEWA


def _is_monotone(rank: dict[Predikat, int]) -> bool:
    """Raising either rating, the other fixed, never lowers the predikat under `rank`."""
    for results, behavior in product(Rating, Rating):
        here = rank[predikat(results, behavior)]
        for better in Rating:
            if better.rank > behavior.rank and rank[predikat(results, better)] < here:
                return False
            if better.rank > results.rank and rank[predikat(better, behavior)] < here:
                return False
    return True


def test_predikat_is_monotone_in_each_rating_under_the_listed_order() -> None:
    listed = {p: p.rank for p in Predikat}
    assert _is_monotone(listed)


def test_exactly_two_orders_of_predikat_make_the_matrix_monotone() -> None:
    # Computed, not assumed: the matrix fixes SK < K < B < SB and SK < BP < B but says nothing
    # about Kurang/Misconduct against Butuh Perbaikan; both placements are monotone.
    monotone = [
        order
        for order in permutations(Predikat)
        if _is_monotone({p: position for position, p in enumerate(order)})
    ]
    assert len(monotone) == 2
    assert {tuple(p.value for p in order) for order in monotone} == {
        ("SANGAT_KURANG", "KURANG", "BUTUH_PERBAIKAN", "BAIK", "SANGAT_BAIK"),
        ("SANGAT_KURANG", "BUTUH_PERBAIKAN", "KURANG", "BAIK", "SANGAT_BAIK"),
    }


def test_the_matrix_is_not_symmetric_poor_behaviour_weighs_more_than_poor_results() -> None:
    assert predikat(ABOVE, BELOW) is Predikat.KURANG
    assert predikat(BELOW, ABOVE) is Predikat.BUTUH_PERBAIKAN
    assert predikat(ABOVE, BELOW).rank < predikat(BELOW, ABOVE).rank
