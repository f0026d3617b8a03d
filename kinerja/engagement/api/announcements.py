"""API routes of announcements."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
