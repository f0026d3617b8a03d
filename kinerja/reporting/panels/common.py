"""Helpers the panels share: shares as text, the child's link to a panel, a bar chart of one
column, the assignment that places an employee in a unit today."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import QuerySet
from django.utils.safestring import SafeString

from kinerja.reporting.charts import hbar_svg
from kinerja.reporting.panels.base import Cell, PanelData, Row, cell_link
from kinerja.scoring.formatting import format_decimal, format_percent


def share(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


def percent_text(part: int, whole: int, places: int = 1) -> str:
    value = share(part, whole)
    return "-" if value is None else format_percent(value, places)


def percent_value(part: int, whole: int) -> Decimal | None:
    value = share(part, whole)
    return None if value is None else (Decimal(value.numerator) * 100 / value.denominator)


def count_cell(count: int, url: str, anchor: str) -> Cell:
    return Cell(text=format_decimal(count, 0), url=cell_link(url, anchor), value=count)


def percent_cell(part: int, whole: int, url: str, anchor: str) -> Cell:
    value = percent_value(part, whole)
    return Cell(
        text=percent_text(part, whole),
        url=cell_link(url, anchor),
        value=None if value is None else value.quantize(Decimal("0.01")),
    )


def decimal_cell(value: Decimal | None, url: str, anchor: str, places: int = 2) -> Cell:
    return Cell(
        text="-" if value is None else format_decimal(value, places),
        url=cell_link(url, anchor),
        value=value,
    )


def total_row(cells: Sequence[Cell]) -> Row:
    return Row(label="Jumlah", url="", cells=tuple(cells))


def _printed(value: Decimal | int | None) -> str:
    if value is None:
        return "-"
    return format_decimal(Decimal(value), 0 if isinstance(value, int) else 1)


def bars(
    *,
    data: PanelData,
    title: str,
    series: str,
    values: Sequence[Decimal | int | None],
    texts: Sequence[str] | None = None,
    maximum: Decimal | int | None = None,
) -> SafeString | str:
    """A horizontal bar per child of one column of the table (`texts`: the figures as the
    table prints them; default: the numbers); no chart without a figure. `series` names the
    figure in the chart's title."""
    printed = list(texts) if texts is not None else [_printed(v) for v in values]
    # A child without a figure (no one due, no round) has no bar; the table says so.
    shown = [
        (child.label, value, text)
        for child, value, text in zip(data.children, values, printed, strict=False)
        if value is not None
    ]
    if not shown or not any(value for _, value, _ in shown):
        return ""
    return hbar_svg(
        title=f"{title} ({series})" if series and series not in title else title,
        labels=[label for label, _, _ in shown],
        values=[value for _, value, _ in shown],
        texts=[text for _, _, text in shown],
        maximum=maximum,
    )


def current_holdings(day: date) -> QuerySet[Any]:
    """Definitive assignments held on `day` (`people.holdings.covering`): where each employee
    works on a period's reference day. Imported lazily so that this module stays free of model
    imports at load."""
    from kinerja.people.holdings import covering
    from kinerja.people.models import Assignment

    return Assignment.objects.filter(covering(day), is_acting=False)
