from django.urls import path

from kinerja.people.imports import views

app_name = "people_import"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("templat.xlsx", views.template_xlsx, name="template_xlsx"),
    path("templat.csv", views.template_csv, name="template_csv"),
    path("<uuid:job_id>/", views.preview, name="preview"),
    path("<uuid:job_id>/kesalahan.csv", views.errors_csv, name="errors_csv"),
    path("<uuid:job_id>/simpan/", views.apply, name="apply"),
    path("hasil/<uuid:job_id>/", views.result, name="result"),
]
