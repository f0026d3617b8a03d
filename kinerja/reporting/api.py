"""Dashboard figures in the API (/api/v1/dashboards/…), with the pages' permissions.
(To be built by helper H4.)"""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
