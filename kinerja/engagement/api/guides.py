"""API routes of guides."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
