"""Demo data of the perception part (idempotent, through the services)."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions


def seed(options: DemoOptions) -> list[str]:
    """Create what is missing, change nothing that exists; return lines to print."""
    return []
