"""Small builders for tests that need the city's structure."""

from __future__ import annotations

import itertools

from kinerja.organization.models import Agency, AgencyKind, Unit

_counter = itertools.count(1)


def make_agency(
    *, name: str = "", kind: str = AgencyKind.DINAS, parent: Agency | None = None
) -> Agency:
    n = next(_counter)
    name = name or f"Dinas Uji {n}"
    return Agency.objects.create(
        code=f"uji-{n}-{kind.lower()}", name=name, kind=kind, parent=parent
    )


def make_unit(*, agency: Agency, code: str = "", name: str = "") -> Unit:
    n = next(_counter)
    return Unit.objects.create(
        agency=agency, code=code or f"unit-uji-{n}", name=name or f"Bidang Uji {n}"
    )
