"""API of the rater's own tasks: GET /api/v1/360/tasks/, GET/PUT /api/v1/360/tasks/<id>/."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
