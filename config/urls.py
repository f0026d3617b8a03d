from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from kinerja.accounts.api import MeApi, TokenObtainApi
from kinerja.accounts.permissions import is_hr_admin
from kinerja.appeals import api as appeals_api
from kinerja.assessment import api as assessment_api
from kinerja.core import views as core_views
from kinerja.engagement import api as engagement_api
from kinerja.evaluation import api as evaluation_api
from kinerja.learning import api as learning_api
from kinerja.monitoring import api as monitoring_api
from kinerja.organization import api as organization_api
from kinerja.people import api as people_api
from kinerja.people import views as people_views
from kinerja.periods import api as periods_api
from kinerja.planning import api as planning_api
from kinerja.reporting import api as reporting_api
from kinerja.surveys import api as surveys_api
from kinerja.surveys import public_api as surveys_public_api

api_v1 = [
    path("me/", MeApi.as_view(), name="me"),
    path("token/", TokenObtainApi.as_view(), name="token"),
    *organization_api.urlpatterns,
    *people_api.urlpatterns,
    *periods_api.urlpatterns,
    *planning_api.urlpatterns,
    *surveys_api.urlpatterns,
    *surveys_public_api.urlpatterns,
    *monitoring_api.urlpatterns,
    *evaluation_api.urlpatterns,
    *assessment_api.urlpatterns,
    *learning_api.urlpatterns,
    *appeals_api.urlpatterns,
    *engagement_api.urlpatterns,
    *reporting_api.urlpatterns,
]

urlpatterns = [
    path("", include("kinerja.core.urls")),
    path("akun/", include("kinerja.accounts.urls")),
    path("audit/", include("kinerja.audit.urls")),
    # The organisation chart and the agency list show who holds posts and how many people
    # work where, so the people app serves them (organization may not import people); the
    # list keeps its name "organization:agency_list".
    path("organisasi/<id:agency_id>/", people_views.org_chart, name="org_chart"),
    path(
        "organisasi/",
        include(([path("", people_views.agency_list, name="agency_list")], "organization")),
    ),
    path("pegawai/", include("kinerja.people.urls")),
    path("pegawai/impor/", include("kinerja.people.imports.urls")),
    path("periode/", include("kinerja.periods.urls")),
    # Monitoring's pages sit under /skp/<id>/realisasi/, /bukti/, /umpan-balik/ and /dialog/;
    # its patterns come first so that /skp/<id>/realisasi/ is not read as a planning page.
    path("", include("kinerja.monitoring.urls")),
    path("skp/", include("kinerja.planning.urls")),
    # Evaluation serves /penilaian/, /kurva/, /kalibrasi/ and /tpp/.
    path("", include("kinerja.evaluation.urls")),
    path("360/", include("kinerja.assessment.urls")),
    path("pengembangan/", include("kinerja.learning.urls")),
    # Appeals serves /penilaian/<id>/penjelasan/, /penilaian/<id>/riwayat/ and /keberatan/.
    path("", include("kinerja.appeals.urls")),
    path("", include("kinerja.engagement.urls")),
    path("", include("kinerja.reporting.urls")),
    path("kotak-masuk/", include("kinerja.notifications.urls")),
    path("skm/", include("kinerja.surveys.urls")),
    path("s/", include("kinerja.surveys.public_urls")),
    path("gaya/", core_views.style_guide, {"may_view": is_hr_admin}, name="style_guide"),
    path("healthz", core_views.healthz, name="healthz"),
    path("api/v1/", include((api_v1, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start-up code as a file: no inline script (CSP).
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="core/api_docs.html"
        ),
        name="api-docs",
    ),
    path("admin-django/", admin.site.urls),
]

handler403 = "kinerja.core.views.error_403"
handler404 = "kinerja.core.views.error_404"
handler500 = "kinerja.core.views.error_500"
