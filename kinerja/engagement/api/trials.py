"""API routes of trials."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
