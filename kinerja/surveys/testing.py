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
