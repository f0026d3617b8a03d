"""Demo data of engagement: guides for every role, announcements (city, one agency, one role),
two closed rounds of the perception survey with a trend, answered suggestions, a trial period.
Each part seeds its own models (`demo/<part>.py`), in this order."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions
from kinerja.engagement.demo import announcements, guides, perception, suggestions, trials


def demo_seed(options: DemoOptions) -> list[str]:
    lines: list[str] = []
    for part in (guides, announcements, perception, suggestions, trials):
        lines.extend(part.seed(options))
    return lines
