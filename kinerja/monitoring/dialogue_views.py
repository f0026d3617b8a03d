"""Pages of the dialogue part (owned by its helper; these are placeholders)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse


def dialogue_index(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("dialogue_index")


def dialogue_schedule(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("dialogue_schedule")


def dialogue_detail(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("dialogue_detail")


def dialogue_record(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("dialogue_record")


def dialogue_cancel(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("dialogue_cancel")


def dialogue_action_add(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("dialogue_action_add")


def dialogue_action_done(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("dialogue_action_done")


def coaching_feedback(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("coaching_feedback")
