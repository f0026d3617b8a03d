"""URLs of the realization pages (owned by its helper); included by `monitoring/urls.py`."""

from django.urls import path

from kinerja.monitoring import realization_views as views

urlpatterns = [
    path("skp/realisasi/tim/", views.realization_team, name="realization_team"),
    path("skp/<id:plan_id>/realisasi/", views.realizations, name="realizations"),
    path(
        "skp/<id:plan_id>/realisasi/<id:window_id>/<id:indicator_id>/",
        views.realization_edit,
        name="realization_edit",
    ),
    path(
        "skp/<id:plan_id>/realisasi/<id:window_id>/<id:indicator_id>/putuskan/",
        views.realization_decide,
        name="realization_decide",
    ),
]
