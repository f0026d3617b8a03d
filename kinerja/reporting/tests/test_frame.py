"""The dashboard frame: scope and authorisation, the refresh writing the summary, the plans
panel end to end, constant queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import page_text
from kinerja.organization.testing import make_unit
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.models import PlanState
from kinerja.planning.testing import make_open_period, make_plan
from kinerja.reporting.models import Panel, SummaryRefresh, UnitFigure
from kinerja.reporting.services import summary_refresh
from kinerja.reporting.testing import make_figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(personas: Any) -> PerformancePeriod:
    period = make_open_period()
    make_plan(employee=personas.staff.employee, period=period, state=PlanState.APPROVED)
    make_plan(employee=personas.staff.supervisor, period=period, state=PlanState.DRAFT)
    summary_refresh(actor=personas.hr_admin, period=period)
    return period


def test_refresh_writes_the_plans_panel_and_its_audit_event(personas: Any, period: Any) -> None:
    plans = UnitFigure.objects.filter(period=period, panel=Panel.PLANS)
    assert {(f.category, f.count) for f in plans if f.category in ("APPROVED", "DRAFT")} == {
        ("APPROVED", 1),
        ("DRAFT", 1),
    }
    assert SummaryRefresh.objects.get(period=period).figures > 0
    event = AuditEvent.objects.filter(action="dashboard_summary.refreshed").latest("id")
    assert event.object_id == str(period.pk)


def test_refresh_is_refused_to_others_and_for_a_trial_period(personas: Any, period: Any) -> None:
    with pytest.raises(PermissionDenied):
        summary_refresh(actor=personas.agency_admin, period=period)
    trial = make_open_period(year=period.year, is_trial=True)
    with pytest.raises(ValidationError) as error:
        summary_refresh(actor=personas.hr_admin, period=trial)
    assert "uji coba" in str(error.value)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("leader", 200),
        ("hr_admin", 200),
        ("auditor", 200),
        ("agency_admin", 302),
        ("other_admin", 302),
        ("employee", 403),
        ("supervisor", 403),
        ("outsider", 403),
    ],
)
def test_city_dashboard_per_persona(
    client: Any, personas: Any, period: Any, persona: Any, status: Any
) -> None:
    client.force_login(getattr(personas, persona))
    response = client.get(reverse("reporting:city"))
    assert response.status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("leader", 200),
        ("hr_admin", 200),
        ("auditor", 200),
        ("agency_admin", 200),
        ("other_admin", 403),
        ("employee", 403),
        ("supervisor", 403),
        ("outsider", 403),
    ],
)
def test_agency_and_unit_dashboards_per_persona(
    client: Any, personas: Any, period: Any, persona: Any, status: Any
) -> None:
    client.force_login(getattr(personas, persona))
    assert client.get(reverse("reporting:agency", args=[personas.agency.pk])).status_code == status
    unit = personas.staff.unit
    assert client.get(reverse("reporting:unit", args=[unit.pk])).status_code == status


def test_the_city_page_shows_the_plans_of_the_agency_with_links(
    client: Any, personas: Any, period: Any
) -> None:
    client.force_login(personas.leader)
    response = client.get(reverse("reporting:city"))
    text = page_text(response.content)
    assert "Penyusunan SKP" in text
    agency_url = reverse("reporting:agency", args=[personas.agency.pk])
    assert f'href="{agency_url}?periode={period.pk}#skp"' in response.content.decode()


def test_city_page_queries_do_not_grow_with_units(client: Any, personas: Any, period: Any) -> None:
    client.force_login(personas.leader)
    client.get(reverse("reporting:city"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(reverse("reporting:city"))
        client.get(reverse("reporting:agency", args=[personas.agency.pk]))
    for number in range(30):
        unit = make_unit(agency=personas.agency, name=f"Seksi {number}")
        make_figure(
            period=period,
            agency=personas.agency,
            unit=unit,
            panel=Panel.EMPLOYEES,
            category="ALL",
            count=5,
        )
        make_figure(
            period=period,
            agency=personas.agency,
            unit=unit,
            panel=Panel.PLANS,
            category="APPROVED",
            count=3,
        )
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("reporting:city"))
        client.get(reverse("reporting:agency", args=[personas.agency.pk]))
    assert len(large) == len(small)


def test_an_unknown_period_or_agency_is_404(client: Any, personas: Any, period: Any) -> None:
    client.force_login(personas.leader)
    assert client.get(reverse("reporting:city") + "?periode=999999").status_code == 404
    assert client.get(reverse("reporting:city") + "?periode=abc").status_code == 404
    assert client.get(reverse("reporting:agency", args=[999999])).status_code == 404


@pytest.mark.parametrize(
    ("persona", "card"),
    [
        ("leader", "Dasbor kota"),
        ("hr_admin", "Dasbor kota"),
        ("auditor", "Dasbor kota"),
        ("agency_admin", "Dasbor perangkat daerah"),
        ("employee", None),
        ("outsider", None),
    ],
)
def test_the_home_page_has_a_card_to_the_dashboard_its_reader_may_open(
    client: Any, personas: Any, persona: str, card: str | None
) -> None:
    client.force_login(getattr(personas, persona))
    text = page_text(client.get("/").content)
    if card is None:
        assert "Buka dasbor" not in text
    else:
        assert card in text
        assert "Buka dasbor" in text


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("leader", 302),
        ("hr_admin", 302),
        ("auditor", 403),
        ("agency_admin", 403),
        ("employee", 403),
        ("outsider", 403),
    ],
)
def test_refresh_on_demand_per_persona(
    client: Any, personas: Any, period: PerformancePeriod, persona: str, status: int
) -> None:
    client.force_login(getattr(personas, persona))
    response = client.post(
        reverse("reporting:refresh"), {"periode": period.pk, "kembali": "/dasbor/"}
    )
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(f"/dasbor/?periode={period.pk}&tugas=")
        page = client.get(response["Location"])
        assert "diperbarui" in page_text(page.content)


def test_refresh_refuses_a_bad_period_and_get(
    client: Any, personas: Any, period: PerformancePeriod
) -> None:
    client.force_login(personas.hr_admin)
    assert client.get(reverse("reporting:refresh")).status_code == 405
    assert client.post(reverse("reporting:refresh"), {"periode": "x"}).status_code == 404
    assert client.post(reverse("reporting:refresh"), {"periode": 999999}).status_code == 404
    back = client.post(
        reverse("reporting:refresh"), {"periode": period.pk, "kembali": "https://luar.example/"}
    )
    assert back["Location"].startswith("/dasbor/?")


def test_refresh_of_a_trial_period_is_refused_with_a_sentence(client: Any, personas: Any) -> None:
    trial = make_open_period(is_trial=True)
    client.force_login(personas.hr_admin)
    response = client.post(reverse("reporting:refresh"), {"periode": trial.pk}, follow=True)
    assert response.status_code == 200
    assert "Periode uji coba tidak masuk dasbor" in page_text(response.content)
