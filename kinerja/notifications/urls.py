"""The inbox at /kotak-masuk/."""

from django.urls import path

from kinerja.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("baca-semua/", views.mark_all_read, name="mark_all_read"),
    path("pilihan/", views.preference, name="preference"),
    path("jumlah/", views.unread_count, name="unread_count"),
    path("<id:notification_id>/", views.notification_open, name="open"),
]
