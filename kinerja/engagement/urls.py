"""Socialisation pages: guides and the tour (/bantuan/, /tur/), announcements (/pengumuman/),
the suggestion box (/kotak-saran/), the perception survey (/survei-persepsi/), trial periods
(/uji-coba/) and the BKPSDM hub (/sosialisasi/)."""

from django.urls import path

from kinerja.engagement.views import announcements, guides, perception, suggestions, trials

app_name = "engagement"

urlpatterns = [
    # guides, FAQ, hub and tour (views/guides.py)
    path("sosialisasi/", guides.hub, name="hub"),
    path("bantuan/", guides.guide_index, name="guide_index"),
    path("bantuan/halaman/", guides.help_for_page, name="help_for_page"),
    path("bantuan/baru/", guides.guide_edit, name="guide_new"),
    path("bantuan/<slug:slug>/", guides.guide_detail, name="guide_detail"),
    path("bantuan/<slug:slug>/ubah/", guides.guide_edit, name="guide_edit"),
    path("tur/", guides.tour, name="tour"),
    path("tur/<id:step>/", guides.tour, name="tour_step"),
    path("tur/lewati/", guides.tour_skip, name="tour_skip"),
    path("tur/selesai/", guides.tour_finish, name="tour_finish"),
    # announcements (views/announcements.py)
    path("pengumuman/", announcements.announcement_list, name="announcement_list"),
    path("pengumuman/kelola/", announcements.announcement_manage, name="announcement_manage"),
    path("pengumuman/baru/", announcements.announcement_edit, name="announcement_new"),
    path(
        "pengumuman/<id:announcement_id>/",
        announcements.announcement_detail,
        name="announcement_detail",
    ),
    path(
        "pengumuman/<id:announcement_id>/baca/",
        announcements.announcement_read,
        name="announcement_read",
    ),
    path(
        "pengumuman/<id:announcement_id>/ubah/",
        announcements.announcement_edit,
        name="announcement_edit",
    ),
    path(
        "pengumuman/<id:announcement_id>/terbitkan/",
        announcements.announcement_publish,
        name="announcement_publish",
    ),
    path(
        "pengumuman/<id:announcement_id>/tingkat-baca/",
        announcements.announcement_rates,
        name="announcement_rates",
    ),
    # suggestion box (views/suggestions.py)
    path("kotak-saran/", suggestions.suggestion_list, name="suggestion_list"),
    path("kotak-saran/saya/", suggestions.suggestion_mine, name="suggestion_mine"),
    path("kotak-saran/kelola/", suggestions.suggestion_manage, name="suggestion_manage"),
    path(
        "kotak-saran/<id:suggestion_id>/", suggestions.suggestion_detail, name="suggestion_detail"
    ),
    path(
        "kotak-saran/<id:suggestion_id>/jawab/",
        suggestions.suggestion_answer,
        name="suggestion_answer",
    ),
    # perception survey (views/perception.py)
    path("survei-persepsi/", perception.perception_index, name="perception_index"),
    path("survei-persepsi/hasil/", perception.perception_results, name="perception_results"),
    path("survei-persepsi/putaran/", perception.perception_rounds, name="perception_rounds"),
    path(
        "survei-persepsi/putaran/<id:round_id>/tutup/",
        perception.perception_round_close,
        name="perception_round_close",
    ),
    # trial periods (views/trials.py)
    path("uji-coba/", trials.trial_list, name="trial_list"),
    path("uji-coba/<id:period_id>/", trials.trial_detail, name="trial_detail"),
    path("uji-coba/<id:period_id>/kosongkan/", trials.trial_clear, name="trial_clear"),
    path("uji-coba/<id:period_id>/jadikan-resmi/", trials.trial_promote, name="trial_promote"),
]
