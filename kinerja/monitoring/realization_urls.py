"""URLs of the realisation pages (owned by their helper); included by `monitoring/urls.py`."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
