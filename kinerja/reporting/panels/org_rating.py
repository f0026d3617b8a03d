"""Panel ORG_RATING (to be built by helper H2): see panels/plans.py for the shape."""

from __future__ import annotations

from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Panel
from kinerja.reporting.panels.base import Figure, PanelData, PanelSpec, PanelView


def compute(period: PerformancePeriod) -> list[Figure]:
    return []


def present(data: PanelData) -> PanelView:
    return PanelView(
        panel=Panel.ORG_RATING,
        title=str(Panel.ORG_RATING.label),
        lede="",
        columns=(),
        rows=(),
        total=None,
    )


SPEC = PanelSpec(panel=Panel.ORG_RATING, compute=compute, present=present)
