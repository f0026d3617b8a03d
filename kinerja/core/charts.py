"""Server-side SVG charts: the same markup in a page and in a PDF, no JavaScript.

Charts use pygal with the project's colours; the SVG is inlined in the template, with a
title and description so that screen readers announce what the chart shows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import pygal
from django.utils.safestring import SafeString, mark_safe
from pygal.style import Style

from kinerja.scoring.formatting import format_decimal

# pygal adds an inline configuration script, a <style> element and comments linking to its
# website. A static chart needs no script, our Content-Security-Policy refuses inline <style>
# elements (the chart's look is in static/kinerja/charts.css), and our pages carry no outside
# link.
_SCRIPT_STYLE_OR_COMMENT = re.compile(
    r"<script.*?</script>|<style.*?</style>|<!--.*?-->", re.DOTALL
)

KINERJA_STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#212529",
    foreground_strong="#212529",
    foreground_subtle="#6c757d",
    colors=("#0d6efd", "#198754", "#ffc107", "#dc3545", "#6f42c1"),
    font_family="system-ui, sans-serif",
    label_font_size=12,
    major_label_font_size=12,
    value_font_size=12,
    title_font_size=14,
)


def _number_label(value: float | None) -> str:
    """Axis and value labels the Indonesian way: 3,6 and 1.250, not 3.6 and 1,250."""
    if value is None:
        return ""
    places = 0 if float(value).is_integer() else 2
    text = format_decimal(Decimal(repr(float(value))), places)
    return text.rstrip("0").rstrip(",") if places else text


def bar_chart_svg(
    *,
    title: str,
    labels: Sequence[str],
    values: Sequence[int | Decimal],
    series_name: str,
    width: int = 640,
    height: int = 260,
    horizontal: bool = False,
) -> SafeString:
    """One series of bars. `horizontal` lays them out as rows, each label beside its bar,
    for long labels (competency names) that would otherwise be rotated and cut; its height
    follows the number of bars."""
    if horizontal:
        height = max(height, 60 + 30 * len(labels))
    chart = (pygal.HorizontalBar if horizontal else pygal.Bar)(
        style=KINERJA_STYLE,
        width=width,
        height=height,
        show_legend=False,
        disable_xml_declaration=True,
        js=[],  # no script tags: the page must not load anything from outside
        x_label_rotation=-45 if len(labels) > 8 and not horizontal else 0,
        truncate_label=-1 if horizontal else None,
        print_values=False,
        explicit_size=False,
        value_formatter=_number_label,
    )
    chart.title = title
    # pygal draws the first row of a horizontal chart at the bottom: reverse, so the list
    # reads top-down as given (the largest first when sorted so).
    order = slice(None, None, -1) if horizontal else slice(None)
    chart.x_labels = list(labels)[order]
    chart.add(series_name, [float(v) for v in values][order])
    svg = _SCRIPT_STYLE_OR_COMMENT.sub("", chart.render(is_unicode=True))
    # The SVG is generated from our own numbers and labels, which pygal escapes.
    return mark_safe(svg)  # noqa: S308


def line_chart_svg(
    *,
    title: str,
    labels: Sequence[str],
    values: Sequence[int | Decimal | None],
    series_name: str,
    width: int = 640,
    height: int = 260,
    value_range: tuple[int, int] | None = None,
) -> SafeString:
    """A line over `labels`; a None value leaves a gap (a month without data)."""
    chart = pygal.Line(
        style=KINERJA_STYLE,
        width=width,
        height=height,
        show_legend=False,
        disable_xml_declaration=True,
        js=[],  # no script tags: the page must not load anything from outside
        x_label_rotation=-45 if len(labels) > 8 else 0,
        print_values=False,
        explicit_size=False,
        allow_interruptions=True,
        range=value_range,
        value_formatter=_number_label,
    )
    chart.title = title
    chart.x_labels = list(labels)
    chart.add(series_name, [None if v is None else float(v) for v in values])
    svg = _SCRIPT_STYLE_OR_COMMENT.sub("", chart.render(is_unicode=True))
    # The SVG is generated from our own numbers and labels, which pygal escapes.
    return mark_safe(svg)  # noqa: S308
