"""/api/v1/development-plans/ (the employee's own plan, one plan, completion) and
/api/v1/training-courses/ (the catalogue). Built in `plans.py` and `catalogue.py`."""

from __future__ import annotations

from django.urls import URLPattern

from kinerja.learning.api import catalogue, plans

urlpatterns: list[URLPattern] = [*catalogue.urlpatterns, *plans.urlpatterns]
