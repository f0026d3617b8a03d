"""One URL serves the whole page or, for an htmx request, only its fragment."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_page_or_fragment(
    request: HttpRequest,
    *,
    page: str,
    fragment: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    is_htmx = bool(getattr(request, "htmx", False))
    boosted = bool(getattr(getattr(request, "htmx", None), "boosted", False))
    template = fragment if is_htmx and not boosted else page
    return render(request, template, context, status=status)
