from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.organization.selectors import agency_list_for_actor


@require_GET
def agency_list(request: HttpRequest) -> HttpResponse:
    agencies = agency_list_for_actor(actor=request_actor(request))
    page = Paginator(agencies, 100).get_page(request.GET.get("halaman"))
    return render(request, "organization/agency_list.html", {"page": page})
