"""Objection statistics per agency, for Admin BKPSDM and Pimpinan."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def objection_statistics(request: HttpRequest) -> HttpResponse:
    raise Http404("Belum tersedia.")
