"""API of the employee's own aggregates: GET /api/v1/360/results/ and
/api/v1/360/results/<cycle_id>/."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
