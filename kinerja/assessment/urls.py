"""360° pages under /360/: my tasks and results (views.py), rounds and lists of raters
(cycle_views.py), the questionnaire (answer_views.py), results, quality and export
(result_views.py)."""

from django.urls import path

from kinerja.assessment import answer_views, cycle_views, result_views, views

app_name = "assessment"

urlpatterns = [
    path("", views.index, name="index"),
    path("putaran/baru/", cycle_views.cycle_create, name="cycle_create"),
    path("isi/<id:review_id>/", answer_views.answer, name="answer"),
    path("<id:cycle_id>/", views.cycle_detail, name="cycle_detail"),
    path("<id:cycle_id>/buka/", cycle_views.cycle_open, name="cycle_open"),
    path("<id:cycle_id>/tutup/", cycle_views.cycle_close, name="cycle_close"),
    path("<id:cycle_id>/sinkron/", cycle_views.cycle_sync, name="cycle_sync"),
    path("<id:cycle_id>/daftar/<id:employee_id>/", cycle_views.list_detail, name="list_detail"),
    path("<id:cycle_id>/hasil/<id:employee_id>/", result_views.results, name="results"),
    path("<id:cycle_id>/mutu/", result_views.quality, name="quality"),
    path("<id:cycle_id>/ekspor/", result_views.export, name="export"),
]
