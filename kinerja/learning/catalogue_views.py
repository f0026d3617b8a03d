"""The training catalogue and the competency dictionary (read by all, edited by Admin BKPSDM)."""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest, HttpResponse


def course_list(request: HttpRequest) -> HttpResponse:
    raise Http404("Belum tersedia.")


def course_edit(request: HttpRequest, course_id: int | None = None) -> HttpResponse:
    raise Http404("Belum tersedia.")


def course_import(request: HttpRequest) -> HttpResponse:
    raise Http404("Belum tersedia.")


def course_import_job(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    raise Http404("Belum tersedia.")


def competency_list(request: HttpRequest) -> HttpResponse:
    raise Http404("Belum tersedia.")


def competency_edit(request: HttpRequest, competency_id: int | None = None) -> HttpResponse:
    raise Http404("Belum tersedia.")
