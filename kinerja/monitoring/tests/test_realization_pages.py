"""Realisation pages: the plan's realisations by window, the employee's form, the appraiser's
decision and the team view — who sees what, what they can do, and constant queries."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from kinerja.core.testing import page_text
from kinerja.monitoring.models import Realization, RealizationState
from kinerja.monitoring.testing import (
    make_link_evidence,
    make_realization,
    make_running_plan,
    plan_indicators,
    window_on,
)
from kinerja.people.testing import AGENCY_READERS, PERSONA_NAMES, Personas
from kinerja.periods.models import EvaluationWindow
from kinerja.planning.models import PerformancePlan
from kinerja.planning.testing import make_result

pytestmark = pytest.mark.django_db

EVERYONE = PERSONA_NAMES
READERS = AGENCY_READERS


def _plan(personas: Personas, results: int = 2) -> PerformancePlan:
    return make_running_plan(employee=personas.staff.employee, results=results)


def _as(client: Client, personas: Personas, name: str) -> Client:
    client.force_login(personas.all()[name])
    return client


def _edit_url(plan: PerformancePlan, window: EvaluationWindow, indicator_id: int) -> str:
    return f"/skp/{plan.pk}/realisasi/{window.pk}/{indicator_id}/"


# --- /skp/<id>/realisasi/ ------------------------------------------------------------------------


@pytest.mark.parametrize("name", EVERYONE)
def test_the_realisation_page_opens_for_whoever_may_see_the_plan_and_is_404_otherwise(
    client: Client, personas: Personas, name: str
) -> None:
    plan = _plan(personas)
    make_realization(plan=plan, value=7)
    response = _as(client, personas, name).get(f"/skp/{plan.pk}/realisasi/")
    if name in READERS:
        assert response.status_code == 200
        text = page_text(response.content)
        assert "Realisasi SKP Agus Wibowo" in text
        assert "7,00 dokumen" in text
    else:
        assert response.status_code == 404
        assert b"Agus" not in response.content


def test_the_page_shows_the_achievement_the_badges_and_the_trend_of_the_chosen_window(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas)
    window = window_on(plan)
    first = plan_indicators(plan)[0]
    realization = make_realization(
        plan=plan,
        indicator=first,
        value=Decimal("1234.56"),
        state=RealizationState.SUBMITTED,
        submitted_at=timezone.now(),
    )
    realization.achievement = Decimal("1234.56")
    realization.save(update_fields=["achievement"])
    make_link_evidence(realization=realization)
    response = _as(client, personas, "employee").get(
        f"/skp/{plan.pk}/realisasi/?jendela={window.pk}"
    )
    text = page_text(response.content)
    assert "1.234,56 %" in text
    assert "Diajukan" in text
    assert f'data-testid="trend-{first.pk}"'.encode() in response.content
    assert b"<svg" in response.content


def test_a_window_past_its_due_date_shows_missing_and_late_realisations(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas)
    past = (
        EvaluationWindow.objects.filter(
            period=plan.period, realization_due_date__lt=timezone.localdate()
        )
        .order_by("-number")
        .first()
    )
    if past is None:
        pytest.skip("no window is past its due date this early in the year")
    first, _second = plan_indicators(plan)
    make_realization(
        plan=plan,
        indicator=first,
        window=past,
        state=RealizationState.SUBMITTED,
        submitted_at=timezone.now(),
    )
    response = _as(client, personas, "supervisor").get(
        f"/skp/{plan.pk}/realisasi/?jendela={past.pk}"
    )
    text = page_text(response.content)
    assert "Terlambat" in text
    assert "Belum diisi, lewat batas" in text


def test_an_unknown_or_foreign_window_is_404(client: Client, personas: Personas) -> None:
    plan = _plan(personas)
    client = _as(client, personas, "employee")
    assert client.get(f"/skp/{plan.pk}/realisasi/?jendela=abc").status_code == 404
    assert client.get(f"/skp/{plan.pk}/realisasi/?jendela=999999").status_code == 404


def _queries(client: Client, url: str, django_assert_num_queries: object) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_realisation_page_costs_the_same_queries_for_2x2_and_8x12(
    client: Client, personas: Personas
) -> None:
    small = _plan(personas, results=2)
    for indicator in plan_indicators(small):
        make_realization(plan=small, indicator=indicator, state=RealizationState.ACCEPTED)
    client = _as(client, personas, "employee")
    few = _queries(client, f"/skp/{small.pk}/realisasi/", None)

    Realization.objects.all().delete()
    small.results.all().delete()
    for _ in range(8):
        make_result(plan=small)
    windows = list(EvaluationWindow.objects.filter(period=small.period).order_by("number"))
    for indicator in plan_indicators(small):
        for window in windows:
            realization = make_realization(
                plan=small, indicator=indicator, window=window, state=RealizationState.ACCEPTED
            )
            make_link_evidence(realization=realization)
    many = _queries(client, f"/skp/{small.pk}/realisasi/", None)
    assert many == few


# --- the form ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EVERYONE)
def test_the_form_is_only_for_the_employee_others_read_or_get_404(
    client: Client, personas: Personas, name: str
) -> None:
    plan = _plan(personas)
    window = window_on(plan)
    indicator = plan_indicators(plan)[0]
    url = _edit_url(plan, window, indicator.pk)
    response = _as(client, personas, name).get(url)
    if name not in READERS:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    assert (b"Simpan dan ajukan" in response.content) is (name == "employee")
    post = client.post(url, {"value": "3", "aksi": "simpan"})
    assert post.status_code == (302 if name == "employee" else 403)


def test_the_employee_saves_a_draft_then_submits_with_evidence(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas)
    window = window_on(plan)
    indicator = plan_indicators(plan)[0]
    url = _edit_url(plan, window, indicator.pk)
    client = _as(client, personas, "employee")
    response = client.post(url, {"value": "6", "note": "Setengah", "aksi": "simpan"})
    assert response.status_code == 302
    realization = Realization.objects.get()
    assert (realization.value, realization.state) == (Decimal(6), RealizationState.DRAFT)

    refused = client.post(url, {"value": "6", "aksi": "ajukan"})
    assert refused.status_code == 200
    assert "bukti dukung" in page_text(refused.content)
    make_link_evidence(realization=realization)
    done = client.post(url, {"value": "6,5", "aksi": "ajukan"})
    assert done.status_code == 302
    realization.refresh_from_db()
    assert realization.state == RealizationState.SUBMITTED
    assert realization.achievement == Decimal("54.17")


def test_a_bad_number_is_shown_under_the_field(client: Client, personas: Personas) -> None:
    plan = _plan(personas)
    url = _edit_url(plan, window_on(plan), plan_indicators(plan)[0].pk)
    response = _as(client, personas, "employee").post(url, {"value": "-2", "aksi": "simpan"})
    assert response.status_code == 200
    assert "0 atau lebih" in page_text(response.content)
    assert not Realization.objects.exists()


def test_an_indicator_of_another_plan_or_an_unknown_one_is_404(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas)
    other = make_running_plan(employee=personas.staff.supervisor)
    url = _edit_url(plan, window_on(plan), plan_indicators(other)[0].pk)
    assert _as(client, personas, "employee").get(url).status_code == 404


# --- the decision -----------------------------------------------------------------------------


def _submitted(personas: Personas) -> Realization:
    plan = _plan(personas)
    realization = make_realization(
        plan=plan, state=RealizationState.SUBMITTED, submitted_at=timezone.now()
    )
    make_link_evidence(realization=realization)
    return realization


@pytest.mark.parametrize("name", EVERYONE)
def test_only_the_appraiser_may_open_the_decision(
    client: Client, personas: Personas, name: str
) -> None:
    realization = _submitted(personas)
    url = _edit_url(realization.plan, realization.window, realization.indicator_id) + "putuskan/"
    response = _as(client, personas, name).get(url)
    expected = 200 if name == "supervisor" else 403 if name in READERS else 404
    assert response.status_code == expected


def test_the_appraiser_returns_with_a_reason_then_accepts_the_resubmission(
    client: Client, personas: Personas
) -> None:
    realization = _submitted(personas)
    url = _edit_url(realization.plan, realization.window, realization.indicator_id) + "putuskan/"
    client = _as(client, personas, "supervisor")
    empty = client.post(url, {"aksi": "kembalikan", "reason": ""})
    assert empty.status_code == 200
    assert "Alasan dikembalikan wajib diisi" in page_text(empty.content)
    assert client.post(url, {"aksi": "kembalikan", "reason": "Kurang."}).status_code == 302
    realization.refresh_from_db()
    assert realization.state == RealizationState.RETURNED

    employee = Client()
    employee.force_login(personas.employee)
    page = employee.get(_edit_url(realization.plan, realization.window, realization.indicator_id))
    assert "Kurang." in page_text(page.content)
    employee.post(
        _edit_url(realization.plan, realization.window, realization.indicator_id),
        {"value": "12", "aksi": "ajukan"},
    )
    assert client.post(url, {"aksi": "terima"}).status_code == 302
    realization.refresh_from_db()
    assert realization.state == RealizationState.ACCEPTED
    assert realization.achievement == Decimal("100.00")
    history = page_text(client.get(url.removesuffix("putuskan/")).content)
    assert "pengajuan ke-2" in history


# --- the team ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EVERYONE)
def test_the_team_page_shows_each_appraiser_only_their_plans(
    client: Client, personas: Personas, name: str
) -> None:
    _submitted(personas)
    response = _as(client, personas, name).get("/skp/realisasi/tim/")
    assert response.status_code == 200
    # The employee's own name is in the page header; the table lists the appraised plans.
    assert (b'data-testid="team-table"' in response.content) is (name == "supervisor")


def test_the_team_page_counts_waiting_and_costs_the_same_queries_at_any_size(
    client: Client, personas: Personas
) -> None:
    _submitted(personas)
    client = _as(client, personas, "supervisor")
    few = _queries(client, "/skp/realisasi/tim/", None)
    text = page_text(client.get("/skp/realisasi/tim/").content)
    assert "1 menunggu" in text
    plan = PerformancePlan.objects.get()
    for indicator in plan_indicators(plan)[1:]:
        make_realization(
            plan=plan,
            indicator=indicator,
            state=RealizationState.SUBMITTED,
            submitted_at=timezone.now() - timedelta(days=1),
        )
    assert _queries(client, "/skp/realisasi/tim/", None) == few


def test_the_plan_page_links_to_the_realisations_once_the_plan_is_approved(
    client: Client, personas: Personas
) -> None:
    from kinerja.planning.models import PlanState

    plan = _plan(personas)
    client = _as(client, personas, "employee")
    link = f'href="/skp/{plan.pk}/realisasi/"'.encode()
    assert link in client.get(f"/skp/{plan.pk}/").content
    draft = make_running_plan(employee=personas.staff.supervisor, state=PlanState.DRAFT)
    draft.approved_version = None
    draft.save(update_fields=["approved_version"])
    client = _as(client, personas, "supervisor")
    assert (
        f'href="/skp/{draft.pk}/realisasi/"'.encode() not in client.get(f"/skp/{draft.pk}/").content
    )
