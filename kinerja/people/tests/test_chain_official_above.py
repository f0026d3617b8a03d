"""`chain.official_above`: the official above a post who is none of the excluded (pure, no
database). Used to send an objection one level up past a Plt holding both posts.

  1 Kepala Dinas (JPT, head)      10
  2   Kabid (administrator)       20 (definitive), 30 also Plt from 2025-01-01
  3     Kasi (pengawas)           30
  4       Pelaksana               40
  5   Kabid vacant                -
  6     Kasi under vacant Kabid   60
"""

from __future__ import annotations

from datetime import date

from kinerja.people.chain import WALI_KOTA, Holder, Holding, PositionNode, official_above

DAY = date(2025, 6, 1)
START = date(2020, 1, 1)

POSITIONS = {
    p.id: p
    for p in [
        PositionNode(1, None, "JPT", is_head_of_agency=True),
        PositionNode(2, 1, "ADMINISTRATOR"),
        PositionNode(3, 2, "PENGAWAS"),
        PositionNode(4, 3, "PELAKSANA"),
        PositionNode(5, 1, "ADMINISTRATOR"),
        PositionNode(6, 5, "PENGAWAS"),
    ]
}

HOLDINGS = [
    Holding(10, 1, START),
    Holding(30, 3, START),
    Holding(40, 4, START),
    Holding(60, 6, START),
]


def above(position_id: int, *excluded: int, holdings: list[Holding] | None = None) -> object:
    return official_above(
        position_id=position_id,
        day=DAY,
        positions=POSITIONS,
        holdings=holdings if holdings is not None else [*HOLDINGS, Holding(20, 2, START)],
        excluded=frozenset(excluded),
    )


def test_the_holder_of_the_supervising_post_is_above() -> None:
    assert above(3) == Holder(20, 2, False)


def test_an_excluded_holder_is_passed_over_to_the_next_level() -> None:
    assert above(3, 20) == Holder(10, 1, False)


def test_a_plt_holding_both_posts_sends_it_one_level_up() -> None:
    # The Kasi (30) acts as Plt Kabid: excluded as the appraiser, the head is above.
    holdings = [*HOLDINGS, Holding(30, 2, date(2025, 1, 1), is_acting=True)]

    assert above(3, holdings=holdings) == Holder(30, 2, True)
    assert above(3, 30, holdings=holdings) == Holder(10, 1, False)


def test_a_vacant_post_is_walked_through() -> None:
    assert above(6) == Holder(10, 1, False)


def test_above_a_head_of_agency_is_the_wali_kota() -> None:
    assert above(1) == WALI_KOTA


def test_when_everyone_above_is_excluded_it_is_the_wali_kota() -> None:
    assert above(3, 20, 10) == WALI_KOTA


def test_a_holding_that_ended_does_not_count() -> None:
    holdings = [*HOLDINGS, Holding(20, 2, START, end=date(2025, 5, 31))]

    assert above(3, holdings=holdings) == Holder(10, 1, False)


def test_an_unknown_post_is_under_the_wali_kota() -> None:
    assert above(99) == WALI_KOTA
