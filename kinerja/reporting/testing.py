"""Builders for tests of reporting. They write summary rows directly (no refresh, no audit).
One section per part."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kinerja.reporting.models import Panel, RankedItem, UnitFigure

# --- summary rows (frame) ----------------------------------------------------------------------


def make_figure(
    *,
    period: Any,
    agency: Any,
    unit: Any = None,
    panel: Panel | str,
    category: str,
    count: int = 0,
    amount: Decimal | int = 0,
) -> UnitFigure:
    return UnitFigure.objects.create(
        period=period,
        agency=agency,
        unit=unit,
        panel=panel,
        category=category,
        count=count,
        amount=Decimal(amount),
    )


def make_ranked(
    *, period: Any, ranking: str, agency: Any = None, unit: Any = None, **values: Any
) -> RankedItem:
    values.setdefault("position", 1)
    values.setdefault("label", "Contoh")
    return RankedItem.objects.create(
        period=period, ranking=ranking, agency=agency, unit=unit, **values
    )


# --- panels of helper H2 (realisations, predikat, organisation rating, objections) -------------

# --- panels of helper H3 (IKM, 360°, development) ---------------------------------------------


def make_ikm_figures(
    *, period: Any, agency: Any, unit: Any = None, respondents: int, answer: int
) -> list[UnitFigure]:
    """The IKM panel's rows of `respondents` who all answered `answer` (1-4) to U1..U9."""
    rows = [
        make_figure(
            period=period,
            agency=agency,
            unit=unit,
            panel=Panel.IKM,
            category="RESPONSES",
            count=respondents,
        )
    ]
    for number in range(1, 10):
        rows.append(
            make_figure(
                period=period,
                agency=agency,
                unit=unit,
                panel=Panel.IKM,
                category=f"U{number}",
                count=respondents,
                amount=respondents * answer,
            )
        )
    return rows


def make_360_figures(
    *, period: Any, agency: Any, unit: Any = None, lists: int = 1, asked: int, sent: int
) -> list[UnitFigure]:
    """The 360° completion panel's rows of one unit (`lists` rated employees)."""
    return [
        make_figure(
            period=period,
            agency=agency,
            unit=unit,
            panel=Panel.FEEDBACK360,
            category=category,
            count=count,
        )
        for category, count in (("LISTS", lists), ("ASKED", asked), ("SENT", sent))
    ]


def make_development_figures(
    *, period: Any, agency: Any, unit: Any = None, with_plan: int, jp: Decimal | int, reached: int
) -> list[UnitFigure]:
    """The development panel's rows of one unit."""
    return [
        make_figure(
            period=period,
            agency=agency,
            unit=unit,
            panel=Panel.DEVELOPMENT,
            category="WITH_PLAN",
            count=with_plan,
            amount=jp,
        ),
        make_figure(
            period=period,
            agency=agency,
            unit=unit,
            panel=Panel.DEVELOPMENT,
            category="REACHED",
            count=reached,
        ),
    ]


# --- people, person, exports, API (helper H4) -------------------------------------------------
