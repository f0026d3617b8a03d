"""Demo data of evaluation. (Scaffold: nothing seeded yet.)"""

from __future__ import annotations

from kinerja.core.demo import DemoOptions


def demo_seed(options: DemoOptions) -> list[str]:
    return []
