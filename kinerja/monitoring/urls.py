"""Monitoring pages: realisations under /skp/<id>/realisasi/, evidence under /bukti/,
feedback under /umpan-balik/, dialogues under /dialog/ (each part in its own module)."""

from kinerja.monitoring import dialogue_urls, evidence_urls, feedback_urls, realization_urls

app_name = "monitoring"

urlpatterns = [
    *realization_urls.urlpatterns,
    *evidence_urls.urlpatterns,
    *feedback_urls.urlpatterns,
    *dialogue_urls.urlpatterns,
]
