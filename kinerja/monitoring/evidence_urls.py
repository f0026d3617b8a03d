"""URLs of the evidence pages; included by `monitoring/urls.py`."""

from django.urls import path

from kinerja.monitoring import evidence_views as views

urlpatterns = [
    path("bukti/tambah/<id:realization_id>/", views.evidence_add, name="evidence_add"),
    path("bukti/<str:token>/", views.evidence_download, name="evidence_download"),
    path("bukti/<str:token>/hapus/", views.evidence_remove, name="evidence_remove"),
]
