"""/api/v1/development-plans/ (the employee's own plan) and /api/v1/training-courses/ (the
catalogue). Built in `plans.py` and `catalogue.py`."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
