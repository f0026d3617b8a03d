"""Monitoring API under /api/v1/: realisations, evidence metadata, feedback and dialogues."""

from kinerja.monitoring.api import dialogues, evidence, feedback, realizations

urlpatterns = [
    *realizations.urlpatterns,
    *evidence.urlpatterns,
    *feedback.urlpatterns,
    *dialogues.urlpatterns,
]
