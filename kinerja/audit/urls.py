from django.urls import path

from kinerja.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("verifikasi/", views.verification_start, name="verification_start"),
]
