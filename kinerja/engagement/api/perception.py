"""API routes of perception."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
