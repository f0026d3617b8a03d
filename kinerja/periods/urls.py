from django.urls import path

from kinerja.periods import views

app_name = "periods"

urlpatterns = [
    path("", views.period_list, name="period_list"),
]
