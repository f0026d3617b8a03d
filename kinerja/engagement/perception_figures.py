"""The perception survey's figures, pure: from per-group sums and counts per item (one GROUP
BY query per grouping) to the number of respondents, an index 0-100 per dimension and overall,
and suppression of groups under `K_MIN` respondents.

Index = (mean - 1) / 4 * 100, rounded half up to one decimal, where the mean of a dimension
is the mean of every answer to its items. A suppressed group carries neither its count nor
any figure: `n` and every index are None.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from kinerja.engagement.perception_items import (
    DIMENSION_CODES,
    DIMENSION_LABELS,
    ITEM_DIMENSION,
    K_MIN,
)

ONE_PLACE = Decimal("0.1")


@dataclass(frozen=True)
class ItemTotal:
    """One row of a GROUP BY: the answers to `item` in group `key`."""

    key: Hashable
    item: str
    total: int
    count: int


@dataclass(frozen=True)
class GroupFigures:
    key: Hashable
    n: int | None
    indices: dict[str, Decimal | None] = field(default_factory=dict)
    overall: Decimal | None = None

    @property
    def suppressed(self) -> bool:
        return self.n is None

    @property
    def ordered(self) -> list[tuple[str, Decimal | None]]:
        """(dimension label, index) in the order of `DIMENSIONS`."""
        return [(DIMENSION_LABELS[code], self.indices.get(code)) for code in DIMENSION_CODES]


def index_of(total: int, count: int) -> Decimal | None:
    """(mean - 1) / 4 * 100 with one decimal; None without answers."""
    if count <= 0:
        return None
    value = (Fraction(total, count) - 1) / 4 * 100
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def group_figures(
    key: Hashable, totals: Mapping[str, tuple[int, int]], *, k_min: int = K_MIN
) -> GroupFigures:
    """Figures of one group from {item: (sum, count)}. Every respondent answers every item,
    so the number of respondents is the largest count of an item."""
    n = max((count for _, count in totals.values()), default=0)
    if n < k_min:
        return GroupFigures(key=key, n=None, indices=dict.fromkeys(DIMENSION_CODES), overall=None)
    sums: dict[str, list[int]] = {code: [0, 0] for code in DIMENSION_CODES}
    for item, (total, count) in totals.items():
        dimension = ITEM_DIMENSION.get(item)
        if dimension is not None:
            sums[dimension][0] += total
            sums[dimension][1] += count
    indices = {code: index_of(s, c) for code, (s, c) in sums.items()}
    all_total = sum(s for s, _ in sums.values())
    all_count = sum(c for _, c in sums.values())
    return GroupFigures(key=key, n=n, indices=indices, overall=index_of(all_total, all_count))


def figures_by_group(
    rows: Iterable[ItemTotal], *, k_min: int = K_MIN
) -> dict[Hashable, GroupFigures]:
    """Figures for every group found in `rows`."""
    grouped: dict[Hashable, dict[str, tuple[int, int]]] = {}
    for row in rows:
        items = grouped.setdefault(row.key, {})
        total, count = items.get(row.item, (0, 0))
        items[row.item] = (total + row.total, count + row.count)
    return {key: group_figures(key, items, k_min=k_min) for key, items in grouped.items()}


def combined(rows: Iterable[ItemTotal], key: Hashable, *, k_min: int = K_MIN) -> GroupFigures:
    """All rows as one group (the city from its agencies' rows)."""
    merged = [ItemTotal(key=key, item=r.item, total=r.total, count=r.count) for r in rows]
    return figures_by_group(merged, k_min=k_min).get(key) or group_figures(key, {}, k_min=k_min)
