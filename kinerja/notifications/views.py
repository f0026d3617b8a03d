"""The inbox pages (owned by the notifications helper)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Kotak masuk")
