"""Builders for the surveys app's tests (docs/conventions.md, "Builders")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from itertools import count

from django.utils import timezone

from kinerja.organization.models import ServiceUnit, Unit
from kinerja.surveys.models import ELEMENT_FIELDS, Channel, Service, SurveyResponse

_serial = count(1)


def make_service_unit(
    *, unit: Unit, name: str = "", slug: str = "", is_active: bool = True
) -> ServiceUnit:
    number = next(_serial)
    return ServiceUnit.objects.create(
        unit=unit,
        name=name or f"Loket Pelayanan {number}",
        slug=slug or f"loket-{number}",
        is_active=is_active,
    )


def make_service(*, service_unit: ServiceUnit, name: str = "") -> Service:
    return Service.objects.create(
        service_unit=service_unit, name=name or f"Layanan {next(_serial)}"
    )


def make_responses(
    *,
    service_unit: ServiceUnit,
    answers: Sequence[Sequence[int | None]],
    day: date | None = None,
    service: Service | None = None,
    channel: str = Channel.ONLINE,
    profile: Mapping[str, object] | None = None,
    suggestion: str = "",
) -> list[SurveyResponse]:
    """One stored response per row of nine answers (U1-U9, None for a blank), in one query."""
    when = day or timezone.localdate()
    rows = [
        SurveyResponse(
            service_unit=service_unit,
            service=service,
            survey_date=when,
            channel=channel,
            suggestion=suggestion,
            **dict(zip(ELEMENT_FIELDS, row, strict=True)),
            **(profile or {}),
        )
        for row in answers
    ]
    return SurveyResponse.objects.bulk_create(rows)


# --- service standards -----------------------------------------------------------------------

from kinerja.surveys.models import (  # noqa: E402 (appended section)
    ServiceStandard,
    StandardComponent,
    StandardComponentKind,
    StandardState,
)

STANDARD_REQUIRED_TEXTS: dict[str, str] = {
    "REQUIREMENTS": "KTP-el asli dan fotokopi Kartu Keluarga.",
    "PROCEDURE": "Ambil nomor antrean, serahkan berkas, tunggu panggilan.",
    "TIME": "Satu hari kerja.",
    "COST": "Tidak dipungut biaya.",
    "PRODUCT": "Dokumen kependudukan yang diminta.",
    "COMPLAINTS": "Kotak saran di loket dan ULAS (layanan pengaduan kota).",
}
"""A text for every component an approved standard must fill."""


def make_standard(
    *,
    service_unit: ServiceUnit,
    texts: Mapping[str, str] | None = None,
    approved: bool = False,
) -> ServiceStandard:
    """A standard with its fourteen components; `texts` (kind -> draft text) default to the
    required ones. `approved` also publishes them as version 1 (no DocumentVersion row)."""
    given = dict(STANDARD_REQUIRED_TEXTS if texts is None else texts)
    standard = ServiceStandard.objects.create(
        service_unit=service_unit,
        state=StandardState.APPROVED if approved else StandardState.DRAFT,
        approved_version=1 if approved else 0,
        approved_at=timezone.now() if approved else None,
    )
    StandardComponent.objects.bulk_create(
        StandardComponent(
            standard=standard,
            kind=kind,
            position=position,
            draft_text=given.get(kind, ""),
            published_text=given.get(kind, "") if approved else "",
        )
        for position, kind in enumerate(StandardComponentKind.values, start=1)
    )
    return standard
