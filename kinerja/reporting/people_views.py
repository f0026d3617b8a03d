"""A unit's people (/dasbor/unit/<id>/pegawai/) and one person's figures
(/dasbor/pegawai/<id>/), with links to their plan, evaluation and explanation where the
viewer may see them. (To be built by helper H4.)"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def unit_people(request: HttpRequest, unit_id: int) -> HttpResponse:
    raise Http404


def person(request: HttpRequest, employee_id: int) -> HttpResponse:
    raise Http404
