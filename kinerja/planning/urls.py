from django.urls import path

from kinerja.planning import (
    alignment_views,
    comment_views,
    decision_views,
    document_views,
    edit_views,
    goal_views,
    views,
)

app_name = "planning"

urlpatterns = [
    # Pages of one plan and the lists (views.py, edit_views.py, decision_views.py,
    # comment_views.py)
    path("", views.plan_list, name="plan_list"),
    path("mulai/", views.plan_start_page, name="plan_start"),
    path("turunkan/", views.result_cascade_page, name="result_cascade"),
    path("<id:plan_id>/", views.plan_detail, name="plan_detail"),
    path("<id:plan_id>/versi/<id:version_number>/", views.plan_version, name="plan_version"),
    path("<id:plan_id>/salin/", views.plan_copy_page, name="plan_copy"),
    path("<id:plan_id>/rhk/", edit_views.result_add_page, name="result_add"),
    path("<id:plan_id>/rhk/<id:result_id>/", edit_views.result_edit_page, name="result_edit"),
    path(
        "<id:plan_id>/rhk/<id:result_id>/hapus/",
        edit_views.result_remove_page,
        name="result_remove",
    ),
    path(
        "<id:plan_id>/rhk/<id:result_id>/iki/",
        edit_views.indicator_add_page,
        name="indicator_add",
    ),
    path(
        "<id:plan_id>/iki/<id:indicator_id>/",
        edit_views.indicator_edit_page,
        name="indicator_edit",
    ),
    path(
        "<id:plan_id>/iki/<id:indicator_id>/hapus/",
        edit_views.indicator_remove_page,
        name="indicator_remove",
    ),
    path("<id:plan_id>/lampiran/", edit_views.annex_page, name="plan_annex"),
    path("<id:plan_id>/ekspektasi/", edit_views.expectations_page, name="plan_expectations"),
    path("<id:plan_id>/ajukan/", decision_views.plan_submit_page, name="plan_submit"),
    path("<id:plan_id>/kembalikan/", decision_views.plan_return_page, name="plan_return"),
    path("<id:plan_id>/setujui/", decision_views.plan_approve_page, name="plan_approve"),
    path("<id:plan_id>/revisi/", decision_views.plan_revise_page, name="plan_revise"),
    path("<id:plan_id>/komentar/", comment_views.plan_comment, name="plan_comment"),
    path(
        "<id:plan_id>/rhk/<id:result_id>/komentar/",
        comment_views.result_comment,
        name="result_comment",
    ),
    path(
        "<id:plan_id>/iki/<id:indicator_id>/komentar/",
        comment_views.indicator_comment,
        name="indicator_comment",
    ),
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
