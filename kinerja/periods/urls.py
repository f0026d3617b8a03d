from django.urls import path

from kinerja.periods import views

app_name = "periods"

urlpatterns = [
    path("", views.period_list, name="period_list"),
    path("buka/", views.period_open_page, name="period_open"),
    path("<id:period_id>/", views.period_detail, name="period_detail"),
    path("<id:period_id>/ubah/", views.period_edit_page, name="period_edit"),
    path("<id:period_id>/tahap/", views.period_stage_page, name="period_stage"),
]
