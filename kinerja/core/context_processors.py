"""The city's identity on every page: its name and emblem, replaceable by settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def city_identity(request: HttpRequest) -> dict[str, Any]:
    return {
        "city_name": settings.KINERJA_CITY_NAME,
        "city_emblem": settings.KINERJA_CITY_EMBLEM,
    }
