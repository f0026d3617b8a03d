"""Results of one employee, quality signals (BKPSDM) and the export of aggregates."""

from django.http import HttpRequest, HttpResponse


def _todo(request: HttpRequest, **kwargs: int) -> HttpResponse:
    return HttpResponse("Belum tersedia.", status=404)


results = _todo
quality = _todo
export = _todo
