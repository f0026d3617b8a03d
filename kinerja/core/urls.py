from django.urls import path

from kinerja.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("tugas-latar/<uuid:job_id>/", views.job_progress, name="job_progress"),
]
