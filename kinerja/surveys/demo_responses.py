"""Demo survey responses, services and populations of every demo service unit."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions


def responses_demo_seed(options: DemoOptions) -> list[str]:
    return []
