"""Appeals pages: how an evaluation's result was reached (/penilaian/<id>/penjelasan/), its
timeline from the audit chain (/penilaian/<id>/riwayat/), and objections (/keberatan/)."""

from django.urls import path

from kinerja.appeals import explanation_views, record_views, statistics_views, views

app_name = "appeals"

urlpatterns = [
    # one evaluation explained (explanation_views.py)
    path(
        "penilaian/<id:evaluation_id>/penjelasan/",
        explanation_views.evaluation_explanation,
        name="evaluation_explanation",
    ),
    path(
        "penilaian/<id:evaluation_id>/riwayat/",
        explanation_views.evaluation_timeline,
        name="evaluation_timeline",
    ),
    # objections (views.py)
    path("penilaian/<id:evaluation_id>/keberatan/", views.objection_file, name="objection_file"),
    path("keberatan/", views.objection_list, name="objection_list"),
    path("keberatan/<id:objection_id>/", views.objection_detail, name="objection_detail"),
    path(
        "keberatan/<id:objection_id>/penjelasan/",
        views.objection_explain,
        name="objection_explain",
    ),
    path("keberatan/<id:objection_id>/tanggapan/", views.objection_answer, name="objection_answer"),
    path("keberatan/<id:objection_id>/putusan/", views.objection_decide, name="objection_decide"),
    path("keberatan/<id:objection_id>/cabut/", views.objection_withdraw, name="objection_withdraw"),
    path(
        "keberatan/<id:objection_id>/lampiran/<id:attachment_id>/",
        views.objection_attachment,
        name="objection_attachment",
    ),
    path("keberatan/<id:objection_id>/surat/", views.objection_letter, name="objection_letter"),
    # the full record with the chain check of every event, for Inspektorat (record_views.py)
    path(
        "keberatan/<id:objection_id>/rekam/", record_views.objection_record, name="objection_record"
    ),
    # statistics (statistics_views.py)
    path(
        "keberatan/statistik/",
        statistics_views.objection_statistics,
        name="objection_statistics",
    ),
]
