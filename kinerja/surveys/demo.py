"""Demo data of the surveys app (see docs/conventions.md, "Demo seeds"): services, populations
and twelve months of responses for every demo service unit, then the service standards."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions
from kinerja.surveys.demo_responses import responses_demo_seed
from kinerja.surveys.demo_standards import standards_demo_seed


def demo_seed(options: DemoOptions) -> list[str]:
    return [*responses_demo_seed(options), *standards_demo_seed(options)]
