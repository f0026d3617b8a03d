"""The training-needs analysis (/pengembangan/analisis/): who sees it, the agency's competencies
most needed, the people behind on JP, the downloads and the cost."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pytest_django import DjangoAssertNumQueries

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import headings, page_text
from kinerja.learning.models import ItemState, PlanState
from kinerja.learning.testing import make_competency, make_course, make_development_plan, make_item
from kinerja.monitoring.testing import make_feedback
from kinerja.people.testing import PERSONA_NAMES, Personas, bulk_staff

pytestmark = pytest.mark.django_db

INDEX = "/pengembangan/analisis/"
READERS = {"hr_admin", "leader", "agency_admin"}


def _url(personas: Personas) -> str:
    return reverse("learning:needs_agency", kwargs={"agency_id": personas.agency.pk})


def _needs(personas: Personas) -> None:
    """Komunikasi: two employees with tagged feedback (2); Kepemimpinan: planned by the
    employee, needed by the pengawas and the pelaksana posts (3);
    the employee has 16 JP confirmed (behind), the supervisor 24 (not behind)."""
    staff = personas.staff
    talk = make_competency(name="Komunikasi efektif", feedback_tag="KOMUNIKASI")
    lead = make_competency(name="Kepemimpinan pengawas", position_kinds=["PENGAWAS", "PELAKSANA"])
    make_competency(name="Tidak dibutuhkan")
    for employee in (staff.employee, staff.supervisor):
        make_feedback(employee=employee, author=staff.kabid, competencies=("KOMUNIKASI",))
    course = make_course(title="Komunikasi Pelayanan Publik", competencies=[talk])
    plan = make_development_plan(employee=staff.employee, state=PlanState.AGREED)
    make_item(plan=plan, course=course, state=ItemState.CONFIRMED, jp=Decimal(16))
    make_item(plan=plan, course=make_course(title="Lain", competencies=[lead]))
    other = make_development_plan(employee=staff.supervisor, state=PlanState.AGREED)
    make_item(plan=other, state=ItemState.CONFIRMED, jp=Decimal(24))


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_index_lists_agencies_for_bkpsdm_and_pimpinan_and_sends_an_admin_home(
    client: Client, personas: Personas, name: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(INDEX)
    if name in {"hr_admin", "leader"}:
        assert response.status_code == 200
        assert personas.agency.name in page_text(response.content)
    elif name in {"agency_admin", "other_admin"}:
        agency = personas.agency if name == "agency_admin" else personas.other_agency
        assert response.status_code == 302
        assert response["Location"] == reverse(
            "learning:needs_agency", kwargs={"agency_id": agency.pk}
        )
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_bkpsdm_pimpinan_and_the_agencys_admin_read_the_analysis(
    client: Client, personas: Personas, name: str
) -> None:
    _needs(personas)
    client.force_login(personas.all()[name])
    response = client.get(_url(personas))
    expected = 200 if name in READERS else 404 if name == "other_admin" else 403
    assert response.status_code == expected
    if name not in READERS:
        assert "Komunikasi efektif" not in page_text(response.content)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_the_readers_download_the_analysis(
    client: Client, personas: Personas, name: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(_url(personas) + "?format=xlsx")
    expected = 200 if name in READERS else 404 if name == "other_admin" else 403
    assert response.status_code == expected


def test_anonymous_is_sent_to_the_login(client: Client, personas: Personas) -> None:
    for url in (INDEX, _url(personas)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse(settings.LOGIN_URL))


def test_an_unknown_agency_is_not_found(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    response = client.get(reverse("learning:needs_agency", kwargs={"agency_id": 987654}))
    assert response.status_code == 404


def test_the_page_lists_the_top_needs_with_their_sources(
    client: Client, personas: Personas
) -> None:
    _needs(personas)
    client.force_login(personas.hr_admin)
    response = client.get(_url(personas))
    assert "Kompetensi paling dibutuhkan" in headings(response.content)
    text = page_text(response.content)
    needs = text[text.index("Kompetensi paling dibutuhkan") :]
    assert needs.index("Kepemimpinan pengawas") < needs.index("Komunikasi efektif")
    assert "Tidak dibutuhkan" not in text
    assert "Lihat angka" in text  # the chart's figures


def test_people_behind_on_jp_are_listed_with_post_jp_and_plan_state(
    client: Client, personas: Personas
) -> None:
    _needs(personas)
    client.force_login(personas.agency_admin)
    text = page_text(client.get(_url(personas)).content)
    behind = text[text.index("belum mencapai 20 JP tahun ini") :]
    assert personas.staff.employee.name in behind
    assert "16,0" in behind
    assert "Disepakati" in behind
    assert personas.staff.supervisor.name not in behind  # 24 JP
    assert personas.staff.kabid.name in behind  # no plan at all
    assert "Belum ada rencana" in behind


def test_the_analysis_opens_as_xlsx_and_the_download_is_audited(
    client: Client, personas: Personas
) -> None:
    _needs(personas)
    client.force_login(personas.hr_admin)
    response = client.get(_url(personas) + "?format=xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Kompetensi"
    assert {row[0] for row in rows[1:]} == {"Kepemimpinan pengawas", "Komunikasi efektif"}
    event = AuditEvent.objects.get(action="training_needs.downloaded")
    assert event.after is not None
    assert event.after["format"] == "xlsx"
    assert event.after["rows"] == 2


def test_the_people_behind_open_as_csv(client: Client, personas: Personas) -> None:
    _needs(personas)
    client.force_login(personas.leader)
    response = client.get(_url(personas) + "?format=csv&tabel=jp")
    assert response.status_code == 200
    content = response.content.decode("utf-8-sig")
    assert personas.staff.employee.name in content
    assert personas.staff.supervisor.name not in content


def test_an_unknown_format_is_not_found(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    assert client.get(_url(personas) + "?format=pdf").status_code == 404


def test_the_page_costs_the_same_queries_for_10_and_200_employees(
    client: Client, personas: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    _needs(personas)
    staff = personas.staff
    bulk_staff(agency=personas.agency, supervisor=staff.kasi_post, unit=staff.unit, count=6)
    client.force_login(personas.hr_admin)
    client.get(_url(personas))
    with django_assert_max_num_queries(25) as few:
        client.get(_url(personas))
    bulk_staff(agency=personas.agency, supervisor=staff.kasi_post, unit=staff.unit, count=190)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(_url(personas))
    assert response.status_code == 200


def test_the_page_opens_before_any_period_exists(client: Client, personas: Personas) -> None:
    make_competency(name="Kepemimpinan pengawas", position_kinds=["PENGAWAS"])
    client.force_login(personas.hr_admin)
    response = client.get(_url(personas))
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Kepemimpinan pengawas" in text
    assert "Belum ada rencana" in text
