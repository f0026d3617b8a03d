"""Public survey pages (form, kiosk, thank-you) and the kiosk device and refusal pages."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse


@login_not_required
def survey_form(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("survey_form: belum dibuat")


@login_not_required
def survey_kiosk(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("survey_kiosk: belum dibuat")


@login_not_required
def survey_thanks(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("survey_thanks: belum dibuat")


def kiosk_activate(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("kiosk_activate: belum dibuat")


def refusal_list(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("refusal_list: belum dibuat")
