"""The small chart of an employee's 360° results: per core value, a bar for each shown
relation's mean on the 1-5 scale, with the self-assessment marked as a line.

Hand-written SVG like `kinerja.evaluation.charts`: colours as presentation attributes, no
stylesheet, no script, so it works without JavaScript. It draws only what the summary shows
(`RelationFigure.shown`); a group under k has no bar, and the words of the chart
(`results_chart_words`) say "kurang dari 3 penilai" for it. The table on the page stays the
truth; the chart carries `role="img"` and its words as `aria-label`.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kinerja.assessment.questionnaire import SCALE_MAX, SCALE_MIN
from kinerja.assessment.summary import Summary360, ValueSummary
from kinerja.scoring.behavior import Relation

BARS: tuple[Relation, ...] = (Relation.SUPERVISOR, Relation.PEER, Relation.SUBORDINATE)
"""The relations drawn as bars, top to bottom; SELF is the marker."""

COLOURS = {
    Relation.SUPERVISOR: "#052c65",
    Relation.PEER: "#0d6efd",
    Relation.SUBORDINATE: "#6f42c1",
}
SELF_MARK = "#b02a37"
INK = "#212529"
GRID = "#adb5bd"

WIDTH = 540
LEFT, RIGHT = 150, WIDTH - 12
TOP = 34
BAR = 12
GAP = 3
GROUP = len(BARS) * (BAR + GAP) + 14


def _x(score: float) -> float:
    return LEFT + (score - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * (RIGHT - LEFT)


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = 12) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{INK}">{escape(text)}</text>'
    )


def value_words(value: ValueSummary) -> str:
    """One value in words: "Akuntabel: Atasan 4,00; Rekan kerja 4,00 (3 penilai); Bawahan
    kurang dari 3 penilai; Diri sendiri 3,50"."""
    figures = [value.figure(relation) for relation in (*BARS, Relation.SELF)]
    parts = [f"{figure.label} {figure.text}" for figure in figures]
    return f"{value.value.name}: {'; '.join(parts)}"


def results_chart_words(summary: Summary360) -> str:
    """The whole chart in words, for `aria-label`."""
    if not summary.available:
        return "Hasil belum tersedia."
    lines = [value_words(value) for value in summary.values]
    return (
        f"Rata-rata skor 1-{SCALE_MAX} per nilai dasar dan hubungan penilai, dengan penilaian "
        f"diri sebagai garis. {'. '.join(lines)}."
    )


def _legend() -> list[str]:
    parts = []
    x = LEFT
    for relation in BARS:
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{COLOURS[relation]}"/>')
        parts.append(_text(x + 16, 16, Relation.label_table()[relation.value]))
        x += 100
    parts.append(
        f'<line x1="{x + 6}" y1="4" x2="{x + 6}" y2="20" stroke="{SELF_MARK}" stroke-width="3"/>'
    )
    parts.append(_text(x + 14, 16, Relation.label_table()[Relation.SELF.value]))
    return parts


def _axis(bottom: float) -> list[str]:
    parts = []
    for tick in range(SCALE_MIN, SCALE_MAX + 1):
        x = _x(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{bottom:.1f}" '
            f'stroke="{GRID}" stroke-width="1" stroke-dasharray="2 4"/>'
        )
        parts.append(_text(x, bottom + 14, str(tick), anchor="middle"))
    return parts


def _value_marks(value: ValueSummary, top: float) -> list[str]:
    parts = [_text(LEFT - 8, top + GROUP / 2 - 2, value.value.name, anchor="end")]
    for n, relation in enumerate(BARS):
        figure = value.figure(relation)
        if not figure.shown or figure.mean is None:
            continue
        y = top + n * (BAR + GAP)
        end = _x(float(figure.mean))
        parts.append(
            f'<rect x="{LEFT}" y="{y:.1f}" width="{max(end - LEFT, 2):.1f}" height="{BAR}" '
            f'fill="{COLOURS[relation]}"><title>{escape(f"{figure.label} {figure.text}")}'
            "</title></rect>"
        )
    own = value.figure(Relation.SELF)
    if own.shown and own.mean is not None:
        x = _x(float(own.mean))
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 2:.1f}" x2="{x:.1f}" '
            f'y2="{top + len(BARS) * (BAR + GAP):.1f}" stroke="{SELF_MARK}" stroke-width="3">'
            f"<title>{escape(f'{own.label} {own.text}')}</title></line>"
        )
    return parts


def results_chart_svg(summary: Summary360) -> SafeString:
    """The chart of a summary (empty string while the round is not closed)."""
    if not summary.available:
        return mark_safe("")
    bottom = TOP + GROUP * len(summary.values)
    height = bottom + 22
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="100%" class="k-chart-360" font-family="system-ui, sans-serif" role="img" '
        f'aria-label="{escape(results_chart_words(summary))}">',
        *_legend(),
        *_axis(bottom),
    ]
    for n, value in enumerate(summary.values):
        parts += _value_marks(value, TOP + n * GROUP)
    parts.append("</svg>")
    # Every text above is escaped; the rest is markup written here from numbers.
    return mark_safe("".join(parts))  # noqa: S308
