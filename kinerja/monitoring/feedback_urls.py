"""URLs of the feedback pages (owned by the feedback helper); included by `monitoring/urls.py`."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
