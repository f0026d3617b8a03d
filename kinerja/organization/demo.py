"""Demo seed of organization: Surakarta's agencies (from data/surakarta.json), idempotent.

Agencies go through `agency_create` (audited). Then the Admin OPD demo logins, which need their
agency, are made by accounts' `demo_logins_ensure`. Units and posts come with the people seed,
which builds the whole position tree together with its holders.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.utils.text import slugify

from kinerja.accounts.demo import demo_logins_ensure
from kinerja.core.demo import DemoOptions
from kinerja.organization.models import Agency, AgencyKind
from kinerja.organization.services import agency_create

DATA_DIR = Path(__file__).resolve().parent / "data"
STRUCTURE_YEARS = 8
"""The demo structure has been in force this many years (since 1 January), longer than any
demo assignment."""


def surakarta_reference() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA_DIR / "surakarta.json").read_text(encoding="utf-8"))
    return data


def demo_agencies_ensure(*, since: date) -> int:
    """Create every agency, kecamatan and kelurahan that does not exist yet; return how many."""
    data = surakarta_reference()
    existing = set(Agency.objects.values_list("code", flat=True))
    created = 0
    for item in data["agencies"]:
        if slugify(item["name"]) not in existing:
            agency_create(actor=None, name=item["name"], kind=item["kind"], valid_from=since)
            created += 1
    for kecamatan_name, kelurahan_names in data["kecamatan"].items():
        code = slugify(f"kecamatan {kecamatan_name}")
        kecamatan = Agency.objects.filter(code=code).first()
        if kecamatan is None:
            kecamatan = agency_create(
                actor=None,
                name=f"Kecamatan {kecamatan_name}",
                kind=AgencyKind.KECAMATAN,
                code=code,
                valid_from=since,
            )
            created += 1
        for kelurahan_name in kelurahan_names:
            code = slugify(f"kelurahan {kelurahan_name}")
            if code not in existing:
                agency_create(
                    actor=None,
                    name=f"Kelurahan {kelurahan_name}",
                    kind=AgencyKind.KELURAHAN,
                    parent=kecamatan,
                    code=code,
                    valid_from=since,
                )
                created += 1
    return created


def demo_seed(options: DemoOptions) -> list[str]:
    created = demo_agencies_ensure(since=options.year_start(STRUCTURE_YEARS))
    demo_logins_ensure(agency_ids=dict(Agency.objects.values_list("code", "pk")))
    return [f"Perangkat daerah demo: {created} baru."] if created else []
