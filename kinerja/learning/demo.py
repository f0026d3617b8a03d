"""Demo competency development: the dictionary and a catalogue, plans in every state, employees
above and below 20 JP, a coaching plan."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions


def demo_seed(options: DemoOptions) -> list[str]:
    return []
