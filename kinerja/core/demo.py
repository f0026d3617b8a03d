"""Demo data: each app owns an idempotent seed of its own models; `seed_demo` runs them all.

An app registers its seed (`<app>/demo.py: demo_seed`) in its AppConfig.ready(); core never
imports the apps. `demo_seeds_run` calls the seeds in the order of INSTALLED_APPS, which is the
layer order (lower layers first), so a seed may rely on the demo rows of the layers below it.

The demo "today" is the real date (`DemoOptions.today`), and every date in demo data is counted
back from it: the demo never looks stale, and no year is written down anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.utils import timezone


@dataclass(frozen=True)
class DemoOptions:
    employees: int = 600
    seed: int = 1
    today: date = field(default_factory=timezone.localdate)

    def year_start(self, years_ago: int) -> date:
        """1 January, `years_ago` years before this year: a date well in the demo's past."""
        return date(self.today.year - years_ago, 1, 1)


DemoSeed = Callable[[DemoOptions], list[str]]
"""Create what is missing, change nothing that exists; return lines to print for people."""

_seeds: dict[str, DemoSeed] = {}


def demo_seed_register(app_label: str, seed: DemoSeed) -> None:
    _seeds[app_label] = seed


def demo_seeds_run(options: DemoOptions) -> list[str]:
    """Run every registered seed in layer order; return what they report."""
    lines: list[str] = []
    for config in apps.get_app_configs():
        seed = _seeds.get(config.label)
        if seed is not None:
            lines.extend(seed(options))
    return lines
