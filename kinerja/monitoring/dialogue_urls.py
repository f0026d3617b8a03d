"""URLs of the dialogue pages; included by `monitoring/urls.py`."""

from django.urls import path

from kinerja.monitoring import dialogue_views as views

urlpatterns = [
    path("dialog/", views.dialogue_index, name="dialogue_index"),
    path("dialog/jadwalkan/", views.dialogue_schedule, name="dialogue_schedule"),
    path("dialog/catat/", views.dialogue_record_new, name="dialogue_record_new"),
    path("dialog/<id:dialogue_id>/", views.dialogue_detail, name="dialogue_detail"),
    path("dialog/<id:dialogue_id>/catat/", views.dialogue_record, name="dialogue_record"),
    path("dialog/<id:dialogue_id>/ubah/", views.dialogue_edit, name="dialogue_edit"),
    path("dialog/<id:dialogue_id>/batal/", views.dialogue_cancel, name="dialogue_cancel"),
    path(
        "dialog/<id:dialogue_id>/tindak-lanjut/tambah/",
        views.dialogue_action_add,
        name="dialogue_action_add",
    ),
    path(
        "dialog/tindak-lanjut/<id:action_id>/selesai/",
        views.dialogue_action_done,
        name="dialogue_action_done",
    ),
    path(
        "dialog/tindak-lanjut/<id:action_id>/buka-kembali/",
        views.dialogue_action_reopen,
        name="dialogue_action_reopen",
    ),
    path(
        "dialog/<id:dialogue_id>/umpan-balik-bimbingan/",
        views.coaching_feedback,
        name="coaching_feedback",
    ),
]
