"""Development plans: mine and my team's, one plan with its items, thread and versions."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def plan_index(request: HttpRequest) -> HttpResponse:
    raise Http404("Belum tersedia.")


def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def item_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def item_remove(request: HttpRequest, item_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def plan_propose(request: HttpRequest, plan_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def plan_agree(request: HttpRequest, plan_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def plan_return(request: HttpRequest, plan_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def plan_comment(request: HttpRequest, plan_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def item_complete(request: HttpRequest, item_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def item_confirm(request: HttpRequest, item_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def item_reject(request: HttpRequest, item_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")


def certificate(request: HttpRequest, item_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")
