"""How an evaluation's result was reached, and its timeline from the audit chain."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def evaluation_explanation(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def evaluation_timeline(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")
