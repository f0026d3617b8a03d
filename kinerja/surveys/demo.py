"""Demo data of the surveys app (see docs/conventions.md, "Demo seeds"): services, populations
and twelve months of responses for every demo service unit, then the service standards."""

from __future__ import annotations

from kinerja.core.demo import DemoOptions
from kinerja.organization.models import ServiceUnit
from kinerja.surveys.demo_responses import responses_demo_seed
from kinerja.surveys.demo_standards import standards_demo_seed

DEMO_FORM_SLUG = "loket-pelayanan-adminduk"
"""The demo service unit whose form the printout names (the demo supervisor's unit)."""


def demo_seed(options: DemoOptions) -> list[str]:
    lines = [*responses_demo_seed(options), *standards_demo_seed(options)]
    adminduk = ServiceUnit.objects.filter(slug=DEMO_FORM_SLUG).exists()
    if adminduk:
        lines.append(
            f"Survei publik tanpa login: /s/{DEMO_FORM_SLUG}/ (kios: /s/{DEMO_FORM_SLUG}/kios/, "
            "hasil: /skm/publik/)."
        )
    return lines
