"""The inbox at /kotak-masuk/."""

from django.urls import path

from kinerja.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
]
