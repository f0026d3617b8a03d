"""SKM and service standard pages at /skm/ (signed in, except the public list)."""

from django.urls import path

from kinerja.surveys import (
    import_views,
    public_views,
    report_views,
    results_views,
    service_views,
    standard_views,
)

app_name = "surveys"

urlpatterns = [
    # index and reports
    path("", report_views.survey_index, name="index"),
    path("instansi/<id:agency_id>/", report_views.agency_report, name="agency_report"),
    path("<slug:slug>/populasi/", report_views.population_edit, name="population"),
    # published results, documents, moderation, follow-up
    path("publik/", results_views.public_list, name="public_list"),
    path("<slug:slug>/laporan.pdf", results_views.report_pdf, name="report_pdf"),
    path("<slug:slug>/jawaban.xlsx", results_views.answers_xlsx, name="answers_xlsx"),
    path("<slug:slug>/poster.pdf", results_views.poster_pdf, name="poster_pdf"),
    path("<slug:slug>/saran/", results_views.suggestion_list, name="suggestions"),
    path(
        "<slug:slug>/saran/<id:response_id>/moderasi/",
        results_views.suggestion_moderate,
        name="suggestion_moderate",
    ),
    path("<slug:slug>/tindak-lanjut/", results_views.followup_list, name="followups"),
    path(
        "<slug:slug>/tindak-lanjut/<id:action_id>/",
        results_views.followup_edit,
        name="followup_edit",
    ),
    # kiosk devices and refused submissions
    path("<slug:slug>/kios/", public_views.kiosk_activate, name="kiosk_activate"),
    path("<slug:slug>/penolakan/", public_views.refusal_list, name="refusals"),
    # paper import
    path("<slug:slug>/impor/", import_views.paper_import, name="paper_import"),
    path("<slug:slug>/impor/templat.xlsx", import_views.paper_template, name="paper_template"),
    path(
        "<slug:slug>/impor/<uuid:job_id>/", import_views.paper_import_job, name="paper_import_job"
    ),
    path(
        "<slug:slug>/impor/<uuid:job_id>/kesalahan.csv",
        import_views.paper_import_errors,
        name="paper_import_errors",
    ),
    # services and the service standard
    path("<slug:slug>/layanan/", service_views.service_list, name="services"),
    path("<slug:slug>/layanan/<id:service_id>/", service_views.service_edit, name="service_edit"),
    path("<slug:slug>/standar/", standard_views.standard_workspace, name="standard"),
    path("<slug:slug>/standar/mulai/", standard_views.standard_begin, name="standard_start"),
    path("<slug:slug>/standar/simpan/", standard_views.standard_save, name="standard_save"),
    path(
        "<slug:slug>/standar/dukung/",
        standard_views.standard_endorse_view,
        name="standard_endorse",
    ),
    path(
        "<slug:slug>/standar/usul/", standard_views.standard_propose_view, name="standard_propose"
    ),
    path(
        "<slug:slug>/standar/usul/<id:proposal_id>/",
        standard_views.standard_proposal_decide,
        name="standard_decide",
    ),
    path(
        "<slug:slug>/standar/komentar/",
        standard_views.standard_comment_view,
        name="standard_comment",
    ),
    path(
        "<slug:slug>/standar/setujui/",
        standard_views.standard_approve_view,
        name="standard_approve",
    ),
    path(
        "<slug:slug>/standar/versi/<id:number>/",
        standard_views.standard_version,
        name="standard_version",
    ),
    # the unit report last: its bare <slug>/ must not shadow "publik/"
    path("<slug:slug>/", report_views.unit_report, name="unit_report"),
]
