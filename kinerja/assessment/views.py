"""/360/ (my tasks as a rater, my results, my team's lists, rounds I administer) and
/360/<cycle_id>/ (one round as I see it, with completion counts for admins)."""

from django.http import HttpRequest, HttpResponse


def _todo(request: HttpRequest, **kwargs: int) -> HttpResponse:
    return HttpResponse("Belum tersedia.", status=404)


index = _todo
cycle_detail = _todo
