"""A unit's people (/dasbor/unit/<id>/pegawai/) and one person's figures
(/dasbor/pegawai/<id>/), with links to their plan, evaluation and explanation where the
viewer may see them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.reporting.selectors.people import person_for_actor, unit_people_for_actor
from kinerja.reporting.views import PERIOD_PARAM, period_id_from

SEARCH_PARAM = "q"
PAGE_PARAM = "halaman"


@require_GET
def unit_people(request: HttpRequest, unit_id: int) -> HttpResponse:
    people = unit_people_for_actor(
        actor=request_actor(request),
        unit_id=unit_id,
        period_id=period_id_from(request),
        query=request.GET.get(SEARCH_PARAM, ""),
        page_number=request.GET.get(PAGE_PARAM),
    )
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    context = {
        "people": people,
        "page": people.page,
        "rows": people.rows,
        "query": query.urlencode(),
        "period_param": PERIOD_PARAM,
        "search_param": SEARCH_PARAM,
    }
    return render(request, "reporting/people.html", context)


@require_GET
def person(request: HttpRequest, employee_id: int) -> HttpResponse:
    figures = person_for_actor(
        actor=request_actor(request), employee_id=employee_id, period_id=period_id_from(request)
    )
    return render(
        request, "reporting/person.html", {"person": figures, "period_param": PERIOD_PARAM}
    )
