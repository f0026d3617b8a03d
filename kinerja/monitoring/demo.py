"""Demo data of monitoring: each part seeds its own models (realisations, evidence, feedback,
dialogues), in that order, idempotently, with dates counted back from the demo's today.

Feedback and dialogues go through the services, which ask the chain of command and the clock
of the real day: on a demo seeded for another day (a test of the demo's dates) they are left
out, and the realisations keep to the windows that are closed on that day."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions
from kinerja.monitoring.demo_dialogues import demo_dialogues
from kinerja.monitoring.demo_evidence import demo_evidence
from kinerja.monitoring.demo_feedback import demo_feedback
from kinerja.monitoring.demo_realizations import demo_realizations
from kinerja.people.holdings import today


def demo_seed(options: DemoOptions) -> list[str]:
    lines: list[str] = []
    for part in (demo_realizations, demo_evidence):
        lines += part(options)
    if options.today != today():
        return [*lines, "Umpan balik dan dialog demo hanya diisi untuk hari ini; dilewati."]
    for part in (demo_feedback, demo_dialogues):
        lines += part(options)
    return lines
