"""The trial period pages (/uji-coba/) and API (/api/v1/trial-periods/): Admin BKPSDM only,
the list in constant queries, clearing confirmed by typing the year or KOSONGKAN, promoting."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import page_query_count, page_text, post_forms
from kinerja.engagement.testing import make_trial_period, make_trial_results
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.periods.testing import make_period
from kinerja.planning.models import PerformancePlan
from kinerja.planning.testing import make_plan

pytestmark = pytest.mark.django_db


def _urls(period: PerformancePeriod) -> list[str]:
    return [
        "/uji-coba/",
        f"/uji-coba/{period.pk}/",
        f"/uji-coba/{period.pk}/kosongkan/",
        f"/uji-coba/{period.pk}/jadikan-resmi/",
    ]


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_pages_are_for_admin_bkpsdm_only(client: Client, personas: Personas, name: str) -> None:
    period = make_trial_period(agency=personas.agency)
    client.force_login(personas.all()[name])
    expected = 200 if name == "hr_admin" else 403
    for url in _urls(period):
        assert client.get(url).status_code == expected, url
    for url in _urls(period)[2:]:
        if name != "hr_admin":
            assert client.post(url, {"confirmation": "KOSONGKAN"}).status_code == 403
    assert client.get("/api/v1/trial-periods/").status_code == expected
    if name != "hr_admin":
        assert client.post(f"/api/v1/trial-periods/{period.pk}/clear/").status_code == 403
        assert client.post(f"/api/v1/trial-periods/{period.pk}/promote/").status_code == 403
    period.refresh_from_db()
    assert period.is_trial


def test_anonymous_visitors_are_sent_to_log_in(client: Client) -> None:
    response = client.get("/uji-coba/")
    assert response.status_code == 302


def test_a_real_period_is_not_found_among_trials(client: Client, personas: Personas) -> None:
    real = make_period()
    client.force_login(personas.hr_admin)
    for url in _urls(real)[1:]:
        assert client.get(url).status_code == 404
    assert client.post(f"/api/v1/trial-periods/{real.pk}/promote/").status_code == 404


def test_the_list_shows_agency_state_counts_and_the_explanation(
    client: Client, personas: Personas
) -> None:
    built = make_trial_results(personas)
    make_trial_period(
        year=2031, agency=personas.other_agency, name="Uji coba Dishub 2031",
        state=PeriodState.PLANNING,
    )  # fmt: skip
    client.force_login(personas.hr_admin)
    text = page_text(client.get("/uji-coba/").content)
    assert "tidak ikut ekspor e-Kinerja, dan tidak dihitung dalam TPP" in text
    assert f"{built.period.name} Uji coba Seluruh kota Pelaksanaan 1 1" in text
    assert "Uji coba Dishub 2031 Uji coba Dinas Perhubungan Perencanaan 0 0" in text


def test_the_list_costs_the_same_queries_for_two_or_twenty_trials(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.hr_admin)
    for year in (2030, 2031):
        period = make_trial_period(year=year, agency=personas.agency)
        make_plan(employee=personas.staff.employee, period=period)
    few = page_query_count(client, "/uji-coba/")
    for year in range(2032, 2050):
        period = make_trial_period(year=year)
        make_plan(employee=personas.staff.employee, period=period)
    assert page_query_count(client, "/uji-coba/") == few


def test_the_detail_says_what_clearing_deletes(client: Client, personas: Personas) -> None:
    built = make_trial_results(personas)
    client.force_login(personas.hr_admin)
    text = page_text(client.get(f"/uji-coba/{built.period.pk}/").content)
    assert "SKP 1 Realisasi 2 Bukti dukung 2 Umpan balik 2 Penilaian 1" in text
    assert "Keberatan 1 Putaran penilaian 360 1 Rencana pengembangan 1" in text


def test_clearing_asks_for_the_year_or_kosongkan_then_clears(
    client: Client, personas: Personas
) -> None:
    built = make_trial_results(personas)
    url = f"/uji-coba/{built.period.pk}/kosongkan/"
    client.force_login(personas.hr_admin)
    assert post_forms(client.get(url).content)[url] == {"confirmation": "text"}
    wrong = client.post(url, {"confirmation": "ya"})
    assert wrong.status_code == 400
    assert f"tidak cocok: ketik {built.period.year} atau KOSONGKAN." in page_text(wrong.content)
    assert PerformancePlan.objects.exists()
    response = client.post(url, {"confirmation": str(built.period.year)}, follow=True)
    assert "dikosongkan" in page_text(response.content)
    assert not PerformancePlan.objects.exists()
    built.period.refresh_from_db()
    assert built.period.state == PeriodState.PLANNING


def test_promoting_from_the_page_and_the_refusal_sentence(
    client: Client, personas: Personas
) -> None:
    period = make_trial_period(year=2035)
    real = make_period(year=2036)
    blocked = make_trial_period(year=2036)
    client.force_login(personas.hr_admin)
    refused = client.post(f"/uji-coba/{blocked.pk}/jadikan-resmi/")
    assert refused.status_code == 400
    assert f"sudah memiliki periode penilaian resmi ({real.name})" in page_text(refused.content)
    response = client.post(f"/uji-coba/{period.pk}/jadikan-resmi/", follow=True)
    assert "kini periode resmi" in page_text(response.content)
    period.refresh_from_db()
    assert not period.is_trial
    assert AuditEvent.objects.filter(action="trial_period.promoted").count() == 1


def test_the_api_lists_clears_and_promotes(client: Client, personas: Personas) -> None:
    built = make_trial_results(personas)
    client.force_login(personas.hr_admin)
    body = client.get("/api/v1/trial-periods/").json()
    row = body["results"][0]
    assert (row["id"], row["agency_label"], row["plan_count"], row["evaluation_count"]) == (
        built.period.pk, "Seluruh kota", 1, 1,
    )  # fmt: skip
    cleared = client.post(f"/api/v1/trial-periods/{built.period.pk}/clear/").json()
    assert cleared["period"]["state"] == PeriodState.PLANNING
    assert cleared["cleared"]["planning.PerformancePlan"] == 1
    promoted = client.post(f"/api/v1/trial-periods/{built.period.pk}/promote/")
    assert promoted.status_code == 200
    assert promoted.json()["is_trial"] is False
    again = client.post(f"/api/v1/trial-periods/{built.period.pk}/promote/")
    assert again.status_code == 404
