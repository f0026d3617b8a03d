from django.urls import path

from kinerja.planning import alignment_views, document_views, goal_views, views

app_name = "planning"

urlpatterns = [
    # Pages of one plan and the lists (views.py)
    path("", views.plan_list, name="plan_list"),
    path("<id:plan_id>/", views.plan_detail, name="plan_detail"),
    # Documents (document_views.py)
    path("<id:plan_id>/pdf/", document_views.plan_pdf, name="plan_pdf"),
    path("<id:plan_id>/xlsx/", document_views.plan_xlsx, name="plan_xlsx"),
    # The chain: results-role matrix, alignment tree, completion (alignment_views.py) and the
    # organisation goals with their import (goal_views.py)
    path("matriks/", alignment_views.results_matrix, name="results_matrix"),
    path("pohon/<id:agency_id>/", alignment_views.alignment_tree, name="alignment_tree"),
    path("sasaran/<id:agency_id>/", goal_views.goal_list, name="goal_list"),
    path("sasaran/<id:agency_id>/tambah/", goal_views.goal_add, name="goal_add"),
    path("sasaran/<id:agency_id>/<id:goal_id>/ubah/", goal_views.goal_edit, name="goal_edit"),
    path(
        "sasaran/<id:agency_id>/<id:goal_id>/hapus/",
        goal_views.goal_delete,
        name="goal_delete",
    ),
    path(
        "sasaran/<id:agency_id>/<id:goal_id>/iku/tambah/",
        goal_views.goal_indicator_new,
        name="goal_indicator_add",
    ),
    path(
        "sasaran/<id:agency_id>/<id:goal_id>/iku/<id:indicator_id>/",
        goal_views.goal_indicator_edit,
        name="goal_indicator_edit",
    ),
    path("sasaran/<id:agency_id>/impor/", goal_views.goal_import, name="goal_import"),
    path(
        "sasaran/<id:agency_id>/impor/templat.xlsx",
        goal_views.goal_import_template,
        name="goal_import_template",
    ),
    path(
        "sasaran/<id:agency_id>/impor/<uuid:job_id>/",
        goal_views.goal_import_job,
        name="goal_import_job",
    ),
    path(
        "sasaran/<id:agency_id>/impor/<uuid:job_id>/kesalahan.csv",
        goal_views.goal_import_errors,
        name="goal_import_errors",
    ),
    path("kemajuan/", alignment_views.completion, name="completion"),
]
