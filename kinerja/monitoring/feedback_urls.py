"""URLs of the feedback pages (owned by its helper); included by `monitoring/urls.py`."""

from django.urls import path

from kinerja.monitoring import feedback_views as views

urlpatterns = [
    path("umpan-balik/", views.feedback_index, name="feedback_index"),
    path("umpan-balik/beri/", views.feedback_give, name="feedback_give"),
    path("umpan-balik/minta/", views.feedback_request, name="feedback_request"),
    path("umpan-balik/<id:feedback_id>/", views.feedback_detail, name="feedback_detail"),
    path(
        "umpan-balik/<id:feedback_id>/tanggapi/",
        views.feedback_reply_page,
        name="feedback_reply",
    ),
    path(
        "umpan-balik/permintaan/<id:request_id>/tolak/",
        views.feedback_request_decline,
        name="feedback_request_decline",
    ),
    path(
        "umpan-balik/permintaan/<id:request_id>/batalkan/",
        views.feedback_request_withdraw_page,
        name="feedback_request_withdraw",
    ),
]
