from django.urls import path

from kinerja.organization import views

app_name = "organization"

urlpatterns = [
    path("", views.agency_list, name="agency_list"),
]
