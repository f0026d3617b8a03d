"""The engagement API under /api/v1/: announcements, guides, the perception survey's results,
suggestions and trial periods. Each module owns its routes; this one joins them."""

from kinerja.engagement.api import announcements, guides, perception, suggestions, trials

urlpatterns = [
    *announcements.urlpatterns,
    *guides.urlpatterns,
    *perception.urlpatterns,
    *suggestions.urlpatterns,
    *trials.urlpatterns,
]
