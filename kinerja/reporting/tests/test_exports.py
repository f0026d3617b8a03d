"""Exports of the dashboards: a panel's table as XLSX per scope (title, period, heading, rows,
total, numbers as numbers), the one-page PDF summary of an agency, and the same authorisation
as the pages (an Admin OPD of another agency gets 403 by export too)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from kinerja.planning.models import PlanState
from kinerja.planning.testing import make_open_period, make_plan
from kinerja.reporting.models import RankedItem, Ranking
from kinerja.reporting.services import summary_refresh
from kinerja.reporting.testing import make_ranked

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    make_plan(employee=personas.staff.employee, period=period, state=PlanState.APPROVED)
    make_plan(employee=personas.staff.supervisor, period=period, state=PlanState.DRAFT)
    summary_refresh(actor=personas.hr_admin, period=period)
    return period


def _sheet(content: bytes) -> list[tuple[object, ...]]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_agency_plans_table_as_xlsx(client, personas, period):  # type: ignore[no-untyped-def]
    client.force_login(personas.agency_admin)
    url = reverse("reporting:agency_xlsx", args=[personas.agency.pk, "plans"])
    response = client.get(f"{url}?periode={period.pk}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    name = response["Content-Disposition"]
    assert "dasbor-" in name
    assert f"-penyusunan-skp-{period.year}.xlsx" in name
    rows = _sheet(response.content)
    assert rows[0][0] == f"Penyusunan SKP — {personas.agency.name}"
    assert rows[1][0] == period.name
    assert str(rows[2][0]).startswith("Diperbarui ")
    assert rows[4][:3] == ("Unit kerja", "Pegawai", "SKP disetujui")
    unit_row = next(r for r in rows if r[0] == personas.staff.unit.name)
    assert unit_row[2] == 1  # approved plans, a number
    total = rows[-1]
    assert total[0] == "Jumlah"
    assert total[2] == 1


@pytest.mark.parametrize("level", ["city", "unit"])
def test_city_and_unit_tables_as_xlsx(client, personas, period, level):  # type: ignore[no-untyped-def]
    client.force_login(personas.leader)
    if level == "city":
        url = reverse("reporting:city_xlsx", args=["plans"])
    else:
        url = reverse("reporting:unit_xlsx", args=[personas.staff.unit.pk, "plans"])
    response = client.get(url)
    assert response.status_code == 200
    rows = _sheet(response.content)
    assert rows[-1][0] == "Jumlah"


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("leader", 200),
        ("hr_admin", 200),
        ("auditor", 200),
        ("agency_admin", 200),
        ("other_admin", 403),
        ("employee", 403),
        ("outsider", 403),
    ],
)
def test_exports_per_persona(client, personas, period, persona, status):  # type: ignore[no-untyped-def]
    client.force_login(getattr(personas, persona))
    agency = personas.agency.pk
    for url in (
        reverse("reporting:agency_xlsx", args=[agency, "plans"]),
        reverse("reporting:unit_xlsx", args=[personas.staff.unit.pk, "plans"]),
        reverse("reporting:agency_pdf", args=[agency]),
    ):
        assert client.get(url).status_code == status, url


def test_an_unknown_panel_is_404(client, personas, period):  # type: ignore[no-untyped-def]
    client.force_login(personas.leader)
    assert client.get(reverse("reporting:city_xlsx", args=["nope"])).status_code == 404
    url = reverse("reporting:agency_xlsx", args=[personas.agency.pk, "nope"])
    assert client.get(url).status_code == 404


def test_the_agency_summary_is_one_a4_page(client, personas, period):  # type: ignore[no-untyped-def]
    RankedItem.objects.filter(period=period, ranking=Ranking.LATE_PLANS).delete()
    for position in (1, 2, 3, 4):
        make_ranked(
            period=period,
            ranking=Ranking.LATE_PLANS,
            agency=personas.agency,
            position=position,
            label=f"Unit terlambat {position}",
            value=position,
        )
    client.force_login(personas.leader)
    response = client.get(reverse("reporting:agency_pdf", args=[personas.agency.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = reader.pages[0].extract_text()
    assert personas.agency.name in text
    assert "Penyusunan SKP" in text
    assert "Unit terlambat 3" in text
    assert "Unit terlambat 4" not in text


def test_a_panel_not_shown_or_unknown_has_no_spreadsheet(client, personas, period):  # type: ignore[no-untyped-def]
    client.force_login(personas.leader)
    for panel in ("employees", "tidak-ada"):
        assert client.get(reverse("reporting:city_xlsx", args=[panel])).status_code == 404
