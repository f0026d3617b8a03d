"""The questionnaire: /360/isi/<review_id>/ (autosave with htmx, works without JavaScript)."""

from django.http import HttpRequest, HttpResponse


def _todo(request: HttpRequest, **kwargs: int) -> HttpResponse:
    return HttpResponse("Belum tersedia.", status=404)


answer = _todo
