"""URLs of the dialogue pages (owned by the dialogue helper); included by `monitoring/urls.py`."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
