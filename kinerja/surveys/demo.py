"""Demo data of the surveys app (see docs/conventions.md, "Demo seeds")."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions


def demo_seed(options: DemoOptions) -> list[str]:
    return []
