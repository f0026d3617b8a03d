"""The dashboards' bar chart: one horizontal bar per agency or unit, its name on the left and
its figure on the right, drawn as plain SVG (presentation attributes only: no stylesheet, no
script), so the same markup works in a page, without JavaScript, and in a WeasyPrint PDF.

pygal's horizontal bars shrink the plot to fit long names (the city has 37 agency names of up
to 80 characters); here a name is cut at a fixed width with its whole text in a `<title>`, and
the chart grows by one row per child, so every bar stays readable.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 720
LABEL_WIDTH = 330
VALUE_WIDTH = 70
ROW = 22
TOP = 8
BAR = "#0d6efd"
TRACK = "#e9ecef"
INK = "#212529"
LABEL_CHARS = 40


def _cut(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def hbar_svg(
    *,
    title: str,
    labels: Sequence[str],
    values: Sequence[Decimal | int | None],
    texts: Sequence[str],
    maximum: Decimal | int | None = None,
) -> SafeString:
    """Bars of `values` (None: no bar, the text says why) scaled to `maximum` (default: the
    largest value), each row labelled with its name and its figure as printed in the table."""
    numbers = [Decimal(0) if v is None else Decimal(v) for v in values]
    top = Decimal(maximum) if maximum else max(numbers, default=Decimal(0))
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = TOP * 2 + ROW * len(labels)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" data-chart="hbar" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" font-family="system-ui, sans-serif" '
        f'font-size="12"><title>{escape(title)}</title>'
    ]
    for index, (label, number, text) in enumerate(zip(labels, numbers, texts, strict=True)):
        y = TOP + index * ROW
        length = 0.0 if not top else float(number / top) * span
        parts.append(
            f"<g><title>{escape(label)}: {escape(text)}</title>"
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end" fill="{INK}">'
            f"{escape(_cut(label))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{span}" height="{ROW - 8}" '
            f'fill="{TRACK}"/>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{max(length, 0):.1f}" '
            f'height="{ROW - 8}" fill="{BAR}"/>'
            f'<text x="{WIDTH - VALUE_WIDTH + 6}" y="{y + 15}" fill="{INK}">{escape(text)}</text>'
            "</g>"
        )
    parts.append("</svg>")
    # Built from our own numbers and escaped names.
    return mark_safe("".join(parts))  # noqa: S308
