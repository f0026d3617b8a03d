"""Public pages of a service unit, no login: /s/<slug>/ (DESIGN.md: citizens, the form only)."""

from django.urls import path

from kinerja.surveys import public_views, results_views, standard_views

app_name = "survey_public"

urlpatterns = [
    path("<slug:slug>/", public_views.survey_form, name="form"),
    path("<slug:slug>/kios/", public_views.survey_kiosk, name="kiosk"),
    path("<slug:slug>/terima-kasih/", public_views.survey_thanks, name="thanks"),
    path("<slug:slug>/hasil/", results_views.public_results, name="results"),
    path("<slug:slug>/standar/", standard_views.standard_public, name="standard"),
]
