"""Charts of the monitoring pages, built on `kinerja.core.charts` (server-side SVG, no
JavaScript): the small trend of one indicator's achievement over the windows."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.safestring import SafeString

from kinerja.core.charts import line_chart_svg
from kinerja.scoring.formatting import format_decimal

NO_VALUE = "belum ada"


def achievement_trend_svg(
    *, title: str, labels: Sequence[str], values: Sequence[Decimal | None]
) -> SafeString:
    """Achievement (%) per window, a gap where a window has none; the same numbers as the
    table beside it. Short month names keep twelve labels readable on a phone."""
    top = max([100, *(int(v) + 10 for v in values if v is not None)])
    return line_chart_svg(
        title=title,
        labels=[label.split()[0][:3] for label in labels],
        values=list(values),
        series_name="Capaian (%)",
        width=420,
        height=200,
        value_range=(0, top),
    )


def achievement_trend_data(
    labels: Sequence[str], values: Sequence[Decimal | None]
) -> list[tuple[str, str]]:
    """The chart's figures for its "Lihat angka" table (1.234,56 %)."""
    return [
        (label, NO_VALUE if value is None else f"{format_decimal(value, 2)} %")
        for label, value in zip(labels, values, strict=True)
    ]


def achievement_trend_summary(labels: Sequence[str], values: Sequence[Decimal | None]) -> str:
    known = [
        (label, value) for label, value in zip(labels, values, strict=True) if value is not None
    ]
    if not known:
        return "Belum ada capaian yang diajukan."
    label, value = known[-1]
    return f"Capaian terakhir {format_decimal(value, 2)} % ({label}); angkanya ada di tabel."
