"""Demo data of monitoring: each part seeds its own models (realisations, evidence, feedback,
dialogues), in that order, idempotently, with dates counted back from the demo's today."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions
from kinerja.monitoring.demo_dialogues import demo_dialogues
from kinerja.monitoring.demo_evidence import demo_evidence
from kinerja.monitoring.demo_feedback import demo_feedback
from kinerja.monitoring.demo_realizations import demo_realizations


def demo_seed(options: DemoOptions) -> list[str]:
    lines: list[str] = []
    for part in (demo_realizations, demo_evidence, demo_feedback, demo_dialogues):
        lines += part(options)
    return lines
