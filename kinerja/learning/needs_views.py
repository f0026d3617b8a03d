"""Training-needs analysis per agency: competencies most needed, people behind on JP."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def needs_index(request: HttpRequest) -> HttpResponse:
    raise Http404("Belum tersedia.")


def needs_agency(request: HttpRequest, agency_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")
