"""Panel FEEDBACK360 (to be built by helper H3): see panels/plans.py for the shape."""

from __future__ import annotations

from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Panel
from kinerja.reporting.panels.base import Figure, PanelData, PanelSpec, PanelView


def compute(period: PerformancePeriod) -> list[Figure]:
    return []


def present(data: PanelData) -> PanelView:
    return PanelView(
        panel=Panel.FEEDBACK360,
        title=str(Panel.FEEDBACK360.label),
        lede="",
        columns=(),
        rows=(),
        total=None,
    )


SPEC = PanelSpec(panel=Panel.FEEDBACK360, compute=compute, present=present)
