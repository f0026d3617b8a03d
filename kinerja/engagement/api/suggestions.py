"""API routes of suggestions."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
