"""Public API: the survey form (questions and a one-time token) and the submission, with the
same protections as the public page."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
