"""Demo feedback (owned by its helper)."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions


def demo_feedback(options: DemoOptions) -> list[str]:
    return []
