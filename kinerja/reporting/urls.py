"""Dashboard pages (/dasbor/): city, agency, unit, a unit's people, a person, the exports and
the on-demand refresh."""

from django.urls import path

from kinerja.reporting import export_views, people_views, views

app_name = "reporting"

urlpatterns = [
    path("dasbor/", views.city, name="city"),
    path("dasbor/perbarui/", views.refresh, name="refresh"),
    path("dasbor/opd/<id:agency_id>/", views.agency, name="agency"),
    path("dasbor/unit/<id:unit_id>/", views.unit, name="unit"),
    path("dasbor/unit/<id:unit_id>/pegawai/", people_views.unit_people, name="unit_people"),
    path("dasbor/pegawai/<id:employee_id>/", people_views.person, name="person"),
    # exports (export_views.py): each panel's table as XLSX, one PDF page per agency
    path("dasbor/xlsx/<slug:panel>/", export_views.city_panel_xlsx, name="city_xlsx"),
    path(
        "dasbor/opd/<id:agency_id>/xlsx/<slug:panel>/",
        export_views.agency_panel_xlsx,
        name="agency_xlsx",
    ),
    path(
        "dasbor/unit/<id:unit_id>/xlsx/<slug:panel>/",
        export_views.unit_panel_xlsx,
        name="unit_xlsx",
    ),
    path("dasbor/opd/<id:agency_id>/ringkasan.pdf", export_views.agency_pdf, name="agency_pdf"),
]
