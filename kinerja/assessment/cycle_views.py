"""Rounds (create, open, close, roster sync) and one employee's list of raters."""

from django.http import HttpRequest, HttpResponse


def _todo(request: HttpRequest, **kwargs: int) -> HttpResponse:
    return HttpResponse("Belum tersedia.", status=404)


cycle_create = _todo
cycle_open = _todo
cycle_close = _todo
cycle_sync = _todo
list_detail = _todo
