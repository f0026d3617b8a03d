"""Demo service standards: one approved, one draft with a staff member's proposal."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions


def standards_demo_seed(options: DemoOptions) -> list[str]:
    return []
