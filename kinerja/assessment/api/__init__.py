"""360° API under /api/v1/360/: the rater's own tasks and answers, the employee's own
aggregates. No endpoint returns another person's raw answers."""

from kinerja.assessment.api import results, tasks

urlpatterns = [
    *tasks.urlpatterns,
    *results.urlpatterns,
]
