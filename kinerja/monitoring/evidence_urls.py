"""URLs of the evidence pages (owned by the evidence helper); included by `monitoring/urls.py`."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
