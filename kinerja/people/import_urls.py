from django.urls import path

from kinerja.people import import_views

app_name = "people_import"

urlpatterns = [
    path("", import_views.upload, name="upload"),
    path("templat.xlsx", import_views.template_xlsx, name="template_xlsx"),
    path("templat.csv", import_views.template_csv, name="template_csv"),
    path("<uuid:job_id>/", import_views.preview, name="preview"),
    path("<uuid:job_id>/simpan/", import_views.apply, name="apply"),
    path("hasil/<uuid:job_id>/", import_views.result, name="result"),
]
