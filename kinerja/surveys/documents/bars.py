"""A small horizontal bar chart as SVG with its colours in attributes, so it looks the same
on the citizens' page (no chart stylesheet there) and in a WeasyPrint PDF (which does not apply
the page's CSS to an inline SVG). The figures are always shown next to the chart as a table
or as text; the SVG carries a title for screen readers."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kinerja.scoring.formatting import format_decimal

BAR_COLOUR = "#0b4f8a"
TRACK_COLOUR = "#e3e7ec"


def bars_svg(
    *,
    title: str,
    rows: Sequence[tuple[str, Decimal | None]],
    maximum: Decimal,
    places: int = 2,
    width: int = 560,
    label_width: int = 200,
) -> SafeString:
    """One bar per (label, value); None draws no bar and says "-"."""
    row_height, gap = 22, 6
    height = len(rows) * (row_height + gap) + gap
    bar_room = width - label_width - 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" class="skm-bars">'
        f"<title>{escape(title)}</title>"
    ]
    for number, (label, value) in enumerate(rows):
        y = gap + number * (row_height + gap)
        text_y = y + row_height * 0.7
        parts.append(
            f'<text x="0" y="{text_y:.1f}" font-size="13" fill="#1d2125">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{bar_room}" height="{row_height}" '
            f'fill="{TRACK_COLOUR}"/>'
        )
        if value is not None and maximum > 0:
            length = float(min(value, maximum) / maximum) * bar_room
            parts.append(
                f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{row_height}" '
                f'fill="{BAR_COLOUR}"/>'
            )
        shown = format_decimal(value, places) if value is not None else "-"
        parts.append(
            f'<text x="{label_width + bar_room + 8}" y="{text_y:.1f}" font-size="13" '
            f'fill="#1d2125">{shown}</text>'
        )
    parts.append("</svg>")
    # Every text piece above is escaped; the rest is numbers we computed.
    return mark_safe("".join(parts))  # noqa: S308
