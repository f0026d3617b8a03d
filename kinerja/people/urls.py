from django.urls import path

from kinerja.people import views

app_name = "people"

urlpatterns = [
    path("", views.employee_list, name="employee_list"),
    path("saya/", views.my_profile, name="my_profile"),
    path("tambah/", views.employee_add, name="employee_add"),
    path("<id:employee_id>/", views.employee_detail, name="employee_detail"),
    path("<id:employee_id>/mutasi/", views.employee_move_page, name="employee_move"),
    path("<id:employee_id>/plt/", views.acting_add, name="acting_add"),
    path(
        "penugasan/<id:assignment_id>/akhiri/",
        views.assignment_end_page,
        name="assignment_end",
    ),
]
