"""API: IKM of a service unit for signed-in readers (`/api/v1/service-units/<slug>/ikm/`)."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
