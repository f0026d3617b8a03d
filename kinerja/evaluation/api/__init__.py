"""Evaluation API under /api/v1/: evaluations, organisation ratings and distribution reports,
through the same selectors, rules and services as the pages."""

from kinerja.evaluation.api import distribution, evaluations, organization

urlpatterns = [
    *evaluations.urlpatterns,
    *organization.urlpatterns,
    *distribution.urlpatterns,
]
