"""Demo data of evaluation: a finished previous year (rated, acknowledged, calibrated and
locked) and the current year part way. Each part is idempotent."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions
from kinerja.evaluation.demo_current import demo_current_year
from kinerja.evaluation.demo_previous import demo_previous_year


def demo_seed(options: DemoOptions) -> list[str]:
    return demo_previous_year(options) + demo_current_year(options)
