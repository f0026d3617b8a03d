"""Objection pages: file, list, record (one thread), explain, answer, decide, withdraw,
attachments, the decision letter."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def objection_file(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def objection_list(request: HttpRequest) -> HttpResponse:
    raise Http404("Belum tersedia.")


def objection_detail(request: HttpRequest, objection_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def objection_explain(request: HttpRequest, objection_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def objection_answer(request: HttpRequest, objection_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def objection_decide(request: HttpRequest, objection_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def objection_withdraw(request: HttpRequest, objection_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def objection_attachment(
    request: HttpRequest, objection_id: int, attachment_id: int
) -> HttpResponse:
    raise Http404("Belum tersedia.")


def objection_letter(request: HttpRequest, objection_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")
