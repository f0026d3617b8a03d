"""API of feedback (owned by its helper); `api/__init__.py` adds these URLs under /api/v1/."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
