from __future__ import annotations

import re
from decimal import Decimal

from kinerja.core.charts import bar_chart_svg, line_chart_svg


def _labels(svg: str) -> list[str]:
    """The numbers the reader sees (text elements; pygal's <desc> coordinates are not shown)."""
    return re.findall(r"<text[^>]*>([0-9][0-9.,]*)</text>", svg)


def test_chart_axes_write_numbers_the_indonesian_way() -> None:
    bars = bar_chart_svg(
        title="NRR", labels=["U1", "U2"], values=[Decimal("3.6"), Decimal("1.2")], series_name="NRR"
    )
    assert "0,4" in _labels(bars)
    assert not [label for label in _labels(bars) if "." in label]
    line = line_chart_svg(
        title="Jumlah", labels=["Jan", "Feb"], values=[1250, None], series_name="n"
    )
    assert "1.250" in _labels(line)
    assert "1250" not in _labels(line)
