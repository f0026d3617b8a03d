"""Evaluation pages: /penilaian/ (ratings, organisation predikat, documents, exports),
/kurva/<agency>/ (distribution curve), /kalibrasi/<agency>/ (calibration), /tpp/ (allowance)."""

from django.urls import path

from kinerja.evaluation import (
    allowance_views,
    bulk_views,
    calibration_views,
    curve_views,
    document_views,
    export_views,
    organization_views,
    views,
)

app_name = "evaluation"

urlpatterns = [
    # the appraiser and the employee (views.py)
    path("penilaian/", views.evaluation_list, name="evaluation_list"),
    path("penilaian/mulai/", views.evaluation_start, name="evaluation_start"),
    path("penilaian/<id:evaluation_id>/", views.evaluation_detail, name="evaluation_detail"),
    path("penilaian/<id:evaluation_id>/simpan/", views.evaluation_save, name="evaluation_save"),
    path(
        "penilaian/<id:evaluation_id>/terima/",
        views.evaluation_acknowledge,
        name="evaluation_acknowledge",
    ),
    # documents (document_views.py)
    path("penilaian/<id:evaluation_id>/pdf/", document_views.evaluation_pdf, name="evaluation_pdf"),
    path(
        "penilaian/dokumen/<id:agency_id>/",
        document_views.document_batch,
        name="document_batch",
    ),
    path(
        "penilaian/dokumen/unduh/<uuid:job_id>/",
        document_views.document_batch_download,
        name="document_batch_download",
    ),
    # organisation predikat (organization_views.py)
    path(
        "penilaian/organisasi/",
        organization_views.organization_rating_list,
        name="organization_rating_list",
    ),
    path(
        "penilaian/organisasi/<id:agency_id>/",
        organization_views.organization_rating_set,
        name="organization_rating_set",
    ),
    # exports (export_views.py)
    path("penilaian/ekspor/<id:agency_id>/", export_views.export_index, name="export_index"),
    path(
        "penilaian/ekspor/<id:agency_id>/ekinerja/",
        export_views.export_ekinerja,
        name="export_ekinerja",
    ),
    # distribution curve (curve_views.py)
    path("kurva/", curve_views.curve_index, name="curve_index"),
    path("kurva/<id:agency_id>/", curve_views.curve, name="curve"),
    # calibration (calibration_views.py)
    path("kalibrasi/<id:agency_id>/", calibration_views.calibration, name="calibration"),
    path(
        "kalibrasi/<id:agency_id>/geser/",
        calibration_views.calibration_move,
        name="calibration_move",
    ),
    path(
        "kalibrasi/<id:agency_id>/kunci/",
        calibration_views.calibration_lock,
        name="calibration_lock",
    ),
    # allowance (allowance_views.py)
    path("tpp/", allowance_views.allowance_index, name="allowance_index"),
    path("tpp/skema/", allowance_views.scheme_edit, name="allowance_scheme"),
    path(
        "tpp/kehadiran/<id:agency_id>/",
        allowance_views.attendance,
        name="allowance_attendance",
    ),
    path(
        "tpp/kehadiran/<id:agency_id>/impor/",
        allowance_views.attendance_import,
        name="allowance_attendance_import",
    ),
    path("tpp/lembar/<id:agency_id>/", allowance_views.allowance_sheet, name="allowance_sheet"),
    path("penilaian/siapkan/", bulk_views.evaluation_prepare, name="evaluation_prepare"),
]
