"""Competency development pages under /pengembangan/: my plan and my team's, one plan, the
catalogue and the competency dictionary, the training-needs analysis."""

from django.urls import path

from kinerja.learning import catalogue_views, needs_views, views

app_name = "learning"

urlpatterns = [
    # plans (views.py)
    path("", views.plan_index, name="index"),
    path("rencana/<id:plan_id>/", views.plan_detail, name="plan_detail"),
    path("rencana/<id:plan_id>/kegiatan/", views.item_add, name="item_add"),
    path("kegiatan/<id:item_id>/hapus/", views.item_remove, name="item_remove"),
    path("rencana/<id:plan_id>/ajukan/", views.plan_propose, name="plan_propose"),
    path("rencana/<id:plan_id>/sepakati/", views.plan_agree, name="plan_agree"),
    path("rencana/<id:plan_id>/kembalikan/", views.plan_return, name="plan_return"),
    path("rencana/<id:plan_id>/komentar/", views.plan_comment, name="plan_comment"),
    path("kegiatan/<id:item_id>/selesai/", views.item_complete, name="item_complete"),
    path("kegiatan/<id:item_id>/konfirmasi/", views.item_confirm, name="item_confirm"),
    path("kegiatan/<id:item_id>/tolak/", views.item_reject, name="item_reject"),
    path("kegiatan/<id:item_id>/sertifikat/", views.certificate, name="certificate"),
    # catalogue and dictionary (catalogue_views.py)
    path("katalog/", catalogue_views.course_list, name="course_list"),
    path("katalog/baru/", catalogue_views.course_edit, name="course_new"),
    path("katalog/<id:course_id>/", catalogue_views.course_edit, name="course_edit"),
    path("katalog/impor/", catalogue_views.course_import, name="course_import"),
    path(
        "katalog/impor/<uuid:job_id>/", catalogue_views.course_import_job, name="course_import_job"
    ),
    path("kompetensi/", catalogue_views.competency_list, name="competency_list"),
    path("kompetensi/baru/", catalogue_views.competency_edit, name="competency_new"),
    path("kompetensi/<id:competency_id>/", catalogue_views.competency_edit, name="competency_edit"),
    # training-needs analysis (needs_views.py)
    path("analisis/", needs_views.needs_index, name="needs_index"),
    path("analisis/<id:agency_id>/", needs_views.needs_agency, name="needs_agency"),
]
