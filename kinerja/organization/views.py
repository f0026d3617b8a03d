from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja.organization.selectors import agency_get_for_actor, agency_list_for_actor


@require_GET
def agency_list(request: HttpRequest) -> HttpResponse:
    agencies = agency_list_for_actor(actor=request.user)
    page = Paginator(agencies, 100).get_page(request.GET.get("halaman"))
    return render(request, "organization/agency_list.html", {"page": page})


@require_GET
def agency_detail(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = agency_get_for_actor(actor=request.user, agency_id=agency_id)
    return render(request, "organization/agency_detail.html", {"agency": agency})
