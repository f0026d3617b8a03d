"""The distribution curve ("Monitoring Kurva"): the actual share of each employee predikat,
Sangat Kurang to Sangat Baik, as bars joined by a curve, over the guidance of the organisation
predikat (`kinerja.scoring.distribution.GUIDANCE`) drawn as ranges.

Drawn here as plain SVG rather than with pygal, because pygal draws one kind of chart at a
time and the curve needs bars, a line and shaded ranges together. The SVG carries its colours
as presentation attributes (no stylesheet, no script), so the same markup works in a page
without JavaScript and in a WeasyPrint PDF. Its figures are also given as a table
(`curve_data`) and in words (`curve_summary`, `guidance_sentences`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kinerja.scoring.distribution import GUIDANCE, Band
from kinerja.scoring.formatting import format_decimal, format_percent
from kinerja.scoring.ratings import OrganizationPredikat, Predikat

CURVE_ORDER: tuple[Predikat, ...] = (
    Predikat.SANGAT_KURANG,
    Predikat.KURANG,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.BAIK,
    Predikat.SANGAT_BAIK,
)
"""Left to right, worst to best, as e-Kinerja's curve is read."""

WIDTH = 540
HEIGHT = 340
LEFT, RIGHT, TOP, BOTTOM = 46, WIDTH - 8, 74, HEIGHT - 44

ACTUAL = "#0d6efd"
CURVE = "#052c65"
RANGE_FILL = "#d1e7dd"
RANGE_STROKE = "#146c43"
FORBIDDEN = "#b02a37"
INK = "#212529"
GRID = "#adb5bd"


def _share(count: int, total: int) -> Fraction:
    return Fraction(count, total) if total else Fraction(0)


def _percent(share: Decimal | None) -> str:
    return "" if share is None else f"{share * 100:.0f}%"


def _y(share: Fraction | Decimal | float) -> float:
    return BOTTOM - float(share) * (BOTTOM - TOP)


def _column_width() -> float:
    return (RIGHT - LEFT) / len(CURVE_ORDER)


def _column_x(predikat: Predikat) -> float:
    return LEFT + CURVE_ORDER.index(predikat) * _column_width()


def _text(
    x: float, y: float, text: str, *, anchor: str = "middle", size: int = 13, fill: str = INK
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{fill}">{escape(text)}</text>'
    )


def band_text(band: Band) -> str:
    """A guidance line in words: "Baik: kelompok terbesar, paling banyak 70%"."""
    parts = []
    if band.max_share == 0:
        parts.append("tidak diperbolehkan")
    else:
        if band.largest:
            parts.append("kelompok terbesar")
        if band.min_share is not None:
            parts.append(f"paling sedikit {_percent(band.min_share)}")
        if band.max_share is not None:
            parts.append(f"paling banyak {_percent(band.max_share)}")
        if band.min_count:
            parts.append(f"paling sedikit {band.min_count} pegawai")
    together = " (bersama-sama)" if len(band.predikats) > 1 else ""
    return f"{band.label}{together}: {', '.join(parts)}"


def guidance_sentences(organization: OrganizationPredikat | None) -> list[str]:
    """The guidance of the organisation predikat, one sentence per line of it."""
    if organization is None:
        return []
    return [band_text(band) for band in GUIDANCE[organization]]


def _band_marks(band: Band) -> list[str]:
    """A band over its columns: a shaded range between its limits (a dashed outline with its
    rule when it only counts people or asks for the largest group), a red bar at 0 when the
    predikat is not allowed."""
    columns = sorted(CURVE_ORDER.index(p) for p in band.predikats)
    x = LEFT + columns[0] * _column_width() + 4
    width = (columns[-1] - columns[0] + 1) * _column_width() - 8
    if band.max_share == 0:
        return [
            f'<rect x="{x:.1f}" y="{BOTTOM - 3:.1f}" width="{width:.1f}" height="6" '
            f'fill="{FORBIDDEN}"><title>{escape(band_text(band))}</title></rect>',
            _text(x + width / 2, TOP - 8, "tidak boleh", size=12),
        ]
    low = band.min_share if band.min_share is not None else Decimal(0)
    high = band.max_share if band.max_share is not None else Decimal(1)
    top, bottom = _y(high), _y(low)
    label = []
    if band.largest:
        label.append("terbesar")
    if band.min_share is not None:
        label.append(f"min {_percent(band.min_share)}")
    if band.max_share is not None:
        label.append(f"maks {_percent(band.max_share)}")
    if band.min_count:
        label.append(f"min {band.min_count} pegawai")
    if len(band.predikats) > 1:
        label.append("bersama")
    return [
        f'<rect x="{x:.1f}" y="{top:.1f}" width="{width:.1f}" height="{bottom - top:.1f}" '
        f'fill="{RANGE_FILL}" fill-opacity="0.6" stroke="{RANGE_STROKE}" '
        f'stroke-dasharray="5 3"><title>{escape(band_text(band))}</title></rect>',
        # Two short lines above the plot: a column is narrow on a phone.
        _text(x + width / 2, TOP - 24, label[0], size=12),
        _text(x + width / 2, TOP - 8, " ".join(label[1:]), size=12),
    ]


def _axis() -> list[str]:
    parts = []
    for tick in (0, 25, 50, 75, 100):
        y = _y(Fraction(tick, 100))
        dashes = "" if tick == 0 else ' stroke-dasharray="2 4"'
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{RIGHT}" y2="{y:.1f}" stroke="{GRID}" '
            f'stroke-width="1"{dashes}/>'
        )
        parts.append(_text(LEFT - 6, y + 4, f"{tick}%", anchor="end", size=12))
    for predikat in CURVE_ORDER:
        center = _column_x(predikat) + _column_width() / 2
        first, _, rest = predikat.label.replace("/", "/ ").partition(" ")
        parts.append(_text(center, BOTTOM + 18, first.strip()))
        if rest:
            parts.append(_text(center, BOTTOM + 35, rest.strip()))
    return parts


def _legend(forbidden: bool, guided: bool) -> list[str]:
    parts = [
        f'<rect x="{LEFT}" y="10" width="14" height="14" fill="{ACTUAL}"/>',
        _text(LEFT + 20, 22, "Sebaran pegawai", anchor="start"),
    ]
    x = LEFT + 140
    if guided:
        parts += [
            f'<rect x="{x}" y="10" width="14" height="14" fill="{RANGE_FILL}" '
            f'stroke="{RANGE_STROKE}" stroke-dasharray="5 3"/>',
            _text(x + 20, 22, "Rentang pedoman", anchor="start"),
        ]
        x += 140
    if forbidden:
        parts += [
            f'<rect x="{x}" y="14" width="14" height="6" fill="{FORBIDDEN}"/>',
            _text(x + 20, 22, "Tidak diperbolehkan", anchor="start"),
        ]
    return parts


def distribution_curve_svg(
    *,
    title: str,
    counts: Mapping[Predikat, int],
    organization: OrganizationPredikat | None,
) -> SafeString:
    """The curve of `counts` (employees per predikat) over the guidance of `organization`
    (none drawn while the organisation has no predikat)."""
    total = sum(counts.get(p, 0) for p in CURVE_ORDER)
    bands = GUIDANCE[organization] if organization is not None else ()
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" class="k-curve" font-family="system-ui, sans-serif">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(curve_summary(counts=counts, organization=organization))}</desc>",
        *_legend(
            forbidden=any(b.max_share == 0 for b in bands),
            guided=any(b.max_share != 0 for b in bands),
        ),
        *_axis(),
    ]
    for band in bands:
        parts += _band_marks(band)
    points = []
    bar = _column_width() * 0.44
    for predikat in CURVE_ORDER:
        count = counts.get(predikat, 0)
        share = _share(count, total)
        center = _column_x(predikat) + _column_width() / 2
        y = _y(share)
        points.append(f"{center:.1f},{y:.1f}")
        label = f"{predikat.label}: {count} pegawai ({format_percent(share)})"
        parts.append(
            f'<rect x="{center - bar / 2:.1f}" y="{y:.1f}" width="{bar:.1f}" '
            f'height="{BOTTOM - y:.1f}" fill="{ACTUAL}" fill-opacity="0.85">'
            f"<title>{escape(label)}</title></rect>"
        )
        above = share < Fraction(9, 10)
        if above:
            parts.append(_text(center, y - 8, format_percent(share, 0)))
        else:
            parts.append(_text(center, y + 18, format_percent(share, 0), fill="#ffffff"))
    parts.append(
        f'<polyline points="{" ".join(points)}" fill="none" stroke="{CURVE}" stroke-width="2.5" '
        'stroke-linejoin="round"/>'
    )
    parts += [
        f'<circle cx="{p.split(",")[0]}" cy="{p.split(",")[1]}" r="4" fill="{CURVE}"/>'
        for p in points
    ]
    parts.append("</svg>")
    # Every text above is escaped; the rest is markup written here from numbers.
    return mark_safe("".join(parts))  # noqa: S308


def curve_data(counts: Mapping[Predikat, int]) -> list[tuple[str, str]]:
    """The chart's figures for its "Lihat angka" table: "2 pegawai (40,00%)"."""
    total = sum(counts.get(p, 0) for p in CURVE_ORDER)
    rows = []
    for predikat in CURVE_ORDER:
        count = counts.get(predikat, 0)
        share = format_percent(_share(count, total))
        rows.append((predikat.label, f"{format_decimal(count, 0)} pegawai ({share})"))
    return rows


def curve_summary(
    *, counts: Mapping[Predikat, int], organization: OrganizationPredikat | None
) -> str:
    """One sentence: how many employees the curve shows and against which guidance."""
    total = sum(counts.get(p, 0) for p in CURVE_ORDER)
    if not total:
        return "Belum ada pegawai yang berpredikat pada evaluasi ini."
    largest = max(CURVE_ORDER, key=lambda p: (counts.get(p, 0), CURVE_ORDER.index(p)))
    share = format_percent(_share(counts.get(largest, 0), total))
    guidance = (
        f"dibandingkan pedoman untuk organisasi berpredikat {organization.label}"
        if organization is not None
        else "tanpa pedoman karena predikat organisasi belum ditetapkan"
    )
    return (
        f"Sebaran {format_decimal(total, 0)} pegawai, terbanyak {largest.label} ({share}), "
        f"{guidance}; angkanya ada di tabel."
    )
