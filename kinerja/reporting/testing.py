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

# --- people, person, exports, API (helper H4) -------------------------------------------------


def unit_people_url(unit: Any, period: Any = None) -> str:
    from django.urls import reverse

    url = reverse("reporting:unit_people", args=[unit.pk])
    return f"{url}?periode={period.pk}" if period is not None else url


def person_url(employee: Any, period: Any = None) -> str:
    from django.urls import reverse

    url = reverse("reporting:person", args=[employee.pk])
    return f"{url}?periode={period.pk}" if period is not None else url
