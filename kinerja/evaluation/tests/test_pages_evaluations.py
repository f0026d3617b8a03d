"""Rating pages (views.py): /penilaian/ with my evaluations and my team's to rate, starting,
the appraiser's form, saving and setting with errors kept on the form, the read-only page
and the employee's receipt — who sees what, and constant queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.core.testing import page_text
from kinerja.evaluation.models import Evaluation, EvaluationState, ResultRating
from kinerja.evaluation.services.evaluations import evaluation_start
from kinerja.evaluation.testing import make_achievement, make_evaluation, make_team_plans
from kinerja.monitoring.models import FeedbackSubject
from kinerja.monitoring.testing import (
    make_feedback,
    make_link_evidence,
    make_running_plan,
    plan_indicators,
    window_on,
)
from kinerja.people.holdings import today
from kinerja.people.testing import AGENCY_READERS, PERSONA_NAMES, Personas
from kinerja.periods.models import EvaluationWindow, PerformancePeriod
from kinerja.periods.rules import window_close_date
from kinerja.planning.models import LeaderExpectation, PerformancePlan
from kinerja.planning.selectors import core_values
from kinerja.planning.testing import make_result

pytestmark = pytest.mark.django_db

CODES = [value.code for value in core_values()]


def _as(client: Client, personas: Personas, name: str) -> Client:
    client.force_login(personas.all()[name])
    return client


def _plan(personas: Personas, results: int = 2) -> PerformancePlan:
    return make_running_plan(employee=personas.staff.employee, results=results)


def _closed_window(plan: PerformancePlan) -> EvaluationWindow:
    day = today()
    closed = [
        w
        for w in EvaluationWindow.objects.filter(period=plan.period).order_by("number")
        if window_close_date(w) < day
    ]
    if not closed:
        pytest.skip("no window has closed this early in the year")
    return closed[-1]


def _draft(personas: Personas, results: int = 2) -> Evaluation:
    plan = _plan(personas, results)
    window = _closed_window(plan)
    for indicator in plan_indicators(plan):
        make_achievement(plan=plan, indicator=indicator, window=window, percent="100")
    return evaluation_start(actor=personas.supervisor, plan=plan, window=window)


def _list_url(plan: PerformancePlan, window: EvaluationWindow | None) -> str:
    scope = str(window.pk) if window else "tahunan"
    return f"/penilaian/?periode={plan.period_id}&evaluasi={scope}"


def _form_data(evaluation: Evaluation, rating: str = "MEETS", **extra: str) -> dict[str, str]:
    data = {f"result_{r.result_id}": rating for r in evaluation.result_ratings.all()}
    data.update({f"behavior_{code}": "MEETS" for code in CODES})
    data.update({"results_rating": rating, "behavior_rating": "MEETS"})
    data.update(extra)
    return data


# --- /penilaian/ -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_list_opens_for_everyone_and_shows_the_team_only_to_its_appraiser(
    client: Client, personas: Personas, name: str
) -> None:
    plan = _plan(personas)
    window = window_on(plan)
    response = _as(client, personas, name).get(_list_url(plan, window))
    assert response.status_code == 200
    text = page_text(response.content)
    has_own = name in {"employee", "supervisor", "appraiser_superior"}
    assert ("Penilaian saya" in text) == has_own
    if name == "supervisor":
        assert "Agus Wibowo" in text
        assert "Belum dimulai" in text
        assert f'data-testid="team-row-{plan.pk}"'.encode() in response.content
    else:
        assert f'data-testid="team-row-{plan.pk}"'.encode() not in response.content


def test_my_evaluations_show_rated_ones_never_drafts(client: Client, personas: Personas) -> None:
    plan = _plan(personas)
    january = EvaluationWindow.objects.get(period=plan.period, number=1)
    february = EvaluationWindow.objects.get(period=plan.period, number=2)
    rated = make_evaluation(plan=plan, window=january, results="ABOVE", behavior="ABOVE")
    draft = make_evaluation(plan=plan, window=february, state=EvaluationState.DRAFT)
    response = _as(client, personas, "employee").get(_list_url(plan, january))
    assert f"/penilaian/{rated.pk}/".encode() in response.content
    assert f"/penilaian/{draft.pk}/".encode() not in response.content
    assert "Sangat Baik" in page_text(response.content)


def test_the_team_row_shows_the_state_and_predikat_of_the_chosen_window(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas)
    january = EvaluationWindow.objects.get(period=plan.period, number=1)
    evaluation = make_evaluation(plan=plan, window=january)
    response = _as(client, personas, "supervisor").get(_list_url(plan, january))
    text = page_text(response.content)
    assert "Ditetapkan" in text
    assert "Baik" in text
    assert f"/penilaian/{evaluation.pk}/".encode() in response.content
    annual = _as(client, personas, "supervisor").get(_list_url(plan, None))
    assert "Belum dimulai" in page_text(annual.content)
    assert "Tahunan" in page_text(annual.content)


@pytest.mark.parametrize(
    ("query", "sentence"),
    [
        ("?periode=abc", "Periode “abc” tidak sah; isi bilangan bulat"),
        ("?periode=999999", "Periode 999999 tidak ada; pilih salah satu periode penilaian."),
        ("?evaluasi=xyz", "Evaluasi “xyz” tidak sah"),
        ("?evaluasi=999999", "Evaluasi '999999' bukan evaluasi periodik"),
    ],
)
def test_bad_scope_parameters_give_a_message_not_an_error(
    client: Client, personas: Personas, query: str, sentence: str
) -> None:
    plan = _plan(personas)
    response = _as(client, personas, "supervisor").get(f"/penilaian/{query}")
    assert response.status_code == 200
    text = page_text(response.content)
    assert sentence in text
    assert f'data-testid="team-row-{plan.pk}"'.encode() in response.content  # the default group


def test_the_filters_answer_htmx_with_the_fragment(client: Client, personas: Personas) -> None:
    plan = _plan(personas)
    response = _as(client, personas, "supervisor").get(
        _list_url(plan, None), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b"Tahunan" in response.content
    assert f'data-testid="team-row-{plan.pk}"'.encode() in response.content


def test_a_trial_period_shows_the_uji_coba_badge(client: Client, personas: Personas) -> None:
    plan = _plan(personas)
    PerformancePeriod.objects.filter(pk=plan.period_id).update(is_trial=True)
    response = _as(client, personas, "supervisor").get(_list_url(plan, None))
    assert "Uji coba" in page_text(response.content)


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_list_costs_the_same_queries_for_3_and_30_subordinates(
    client: Client, personas: Personas, django_assert_num_queries: Any
) -> None:
    plan = _plan(personas)
    window = window_on(plan)
    staff = personas.staff
    client = _as(client, personas, "supervisor")
    plans = make_team_plans(
        appraiser=staff.supervisor, appraiser_post=staff.kasi_post, period=plan.period, count=2
    )
    make_evaluation(plan=plans[0], window=window, state=EvaluationState.DRAFT)
    few = _queries(client, _list_url(plan, window))
    more = make_team_plans(
        appraiser=staff.supervisor, appraiser_post=staff.kasi_post, period=plan.period, count=27
    )
    for other in more[:10]:
        make_evaluation(plan=other, window=window)
    many = _queries(client, _list_url(plan, window))
    assert few == many
    response = client.get(_list_url(plan, window))
    assert page_text(response.content).count("Nilai ") >= 19


# --- starting ------------------------------------------------------------------------------


def test_the_appraiser_starts_from_the_list_and_lands_on_the_form(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas)
    window = _closed_window(plan)
    client = _as(client, personas, "supervisor")
    response = client.post("/penilaian/mulai/", {"plan": plan.pk, "evaluasi": window.pk})
    evaluation = Evaluation.objects.get(plan=plan, window=window)
    assert response.status_code == 302
    assert response["Location"] == f"/penilaian/{evaluation.pk}/"
    again = client.post("/penilaian/mulai/", {"plan": plan.pk, "evaluasi": window.pk})
    assert again["Location"] == f"/penilaian/{evaluation.pk}/"
    annual = client.post("/penilaian/mulai/", {"plan": plan.pk, "evaluasi": "tahunan"})
    assert Evaluation.objects.get(plan=plan, window__isnull=True).kind == "ANNUAL"
    assert annual.status_code == 302


@pytest.mark.parametrize("name", sorted(set(PERSONA_NAMES) - {"supervisor"}))
def test_nobody_else_starts_an_evaluation(client: Client, personas: Personas, name: str) -> None:
    plan = _plan(personas)
    response = _as(client, personas, name).post(
        "/penilaian/mulai/", {"plan": plan.pk, "evaluasi": window_on(plan).pk}
    )
    assert response.status_code == (403 if name in AGENCY_READERS else 404)
    assert not Evaluation.objects.exists()


@pytest.mark.parametrize("data", [{}, {"plan": "abc"}, {"plan": "1", "evaluasi": "x"}])
def test_starting_with_bad_input_is_404(
    client: Client, personas: Personas, data: dict[str, str]
) -> None:
    _plan(personas)
    assert _as(client, personas, "supervisor").post("/penilaian/mulai/", data).status_code == 404


def test_a_refused_start_returns_to_the_list_with_the_reason(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas)
    window = window_on(plan)
    PerformancePeriod.objects.filter(pk=plan.period_id).update(state="CLOSED")
    response = _as(client, personas, "supervisor").post(
        "/penilaian/mulai/", {"plan": plan.pk, "evaluasi": window.pk}, follow=True
    )
    assert response.redirect_chain[0][0] == _list_url(plan, window)
    assert "penilaian hanya dapat dimulai pada tahap Pelaksanaan atau Evaluasi" in page_text(
        response.content
    )
    assert not Evaluation.objects.exists()


def test_starting_is_post_only(client: Client, personas: Personas) -> None:
    assert _as(client, personas, "supervisor").get("/penilaian/mulai/").status_code == 405


# --- one evaluation --------------------------------------------------------------------------


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_a_draft_is_seen_by_its_appraiser_only(
    client: Client, personas: Personas, name: str
) -> None:
    evaluation = _draft(personas)
    response = _as(client, personas, name).get(f"/penilaian/{evaluation.pk}/")
    if name == "supervisor":
        assert response.status_code == 200
        assert b'data-testid="rating-form"' in response.content
    else:
        assert response.status_code == 404
        assert b"rating-form" not in response.content


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_a_rated_evaluation_is_read_only_for_whoever_may_see_the_plan(
    client: Client, personas: Personas, name: str
) -> None:
    plan = _plan(personas)
    evaluation = make_evaluation(plan=plan, window=window_on(plan))
    response = _as(client, personas, name).get(f"/penilaian/{evaluation.pk}/")
    if name in AGENCY_READERS:
        assert response.status_code == 200
        text = page_text(response.content)
        assert "Baik" in text
        assert b"rating-form" not in response.content
        has_button = "Saya telah menerima hasil penilaian ini" in text
        assert has_button == (name == "employee")
    else:
        assert response.status_code == 404
        assert b"Agus" not in response.content


def test_the_form_shows_indicators_realisations_evidence_feedback_and_suggestions(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas, results=1)
    window = _closed_window(plan)
    (indicator,) = plan_indicators(plan)
    realization = make_achievement(plan=plan, indicator=indicator, window=window, percent="115")
    make_link_evidence(realization=realization, link="https://contoh.go.id/bukti-kinerja")
    result = indicator.result
    feedback = make_feedback(
        employee=personas.staff.employee,
        author=personas.staff.supervisor,
        text="Laporan rapi dan tepat waktu.",
        subject=FeedbackSubject.RESULT,
    )
    feedback.result = result
    feedback.plan = plan
    feedback.save()
    value = make_feedback(
        employee=personas.staff.employee,
        author=personas.staff.supervisor,
        text="Sigap membantu warga.",
        subject=FeedbackSubject.CORE_VALUE,
    )
    value.core_value = CODES[0]
    value.save()
    LeaderExpectation.objects.create(plan=plan, core_value=CODES[0], text="Ramah kepada warga.")
    evaluation = evaluation_start(actor=personas.supervisor, plan=plan, window=window)

    response = _as(client, personas, "supervisor").get(f"/penilaian/{evaluation.pk}/")

    text = page_text(response.content)
    assert indicator.text in text
    assert "12 %" in text  # make_achievement makes the target a percentage (a level)
    assert "115,00 %" in text
    assert b'href="https://contoh.go.id/bukti-kinerja"' in response.content
    assert "Laporan rapi dan tepat waktu." in text
    assert "Sigap membantu warga." in text
    assert "Ramah kepada warga." in text
    assert "capaian indikator 115,00%: Di Atas Ekspektasi" in text
    assert "Alasan rating RHK Utama 1 (wajib bila berbeda dari saran)" in text
    assert "Simpan draf" in text
    assert "Tetapkan" in text
    assert "Alasan menilai lebih awal" not in text  # the window has closed


def test_saving_a_draft_keeps_values_and_shows_the_predikat(
    client: Client, personas: Personas
) -> None:
    evaluation = _draft(personas)
    client = _as(client, personas, "supervisor")
    response = client.post(
        f"/penilaian/{evaluation.pk}/simpan/", {**_form_data(evaluation), "aksi": "simpan"}
    )
    assert response.status_code == 302
    page = client.get(response["Location"])
    text = page_text(page.content)
    assert "Draf penilaian disimpan." in text
    assert page.content.decode().count("checked") == 2 + 2 + len(CODES)
    predikat = page.content.decode().split('data-testid="predikat"')[1][:400]
    assert "Baik" in predikat


def test_setting_without_a_reason_re_renders_with_values_kept_and_the_error_in_indonesian(
    client: Client, personas: Personas
) -> None:
    evaluation = _draft(personas)
    first = evaluation.result_ratings.order_by("result__number")[0].result_id
    client = _as(client, personas, "supervisor")
    data = _form_data(evaluation, rating="ABOVE", results_reason="Tim melampaui target triwulan.")
    response = client.post(f"/penilaian/{evaluation.pk}/simpan/", {**data, "aksi": "tetapkan"})

    assert response.status_code == 200
    text = page_text(response.content)
    assert "Draf disimpan, tetapi penilaian belum dapat ditetapkan" in text
    assert (
        "Alasan rating RHK Utama 1 (wajib bila berbeda dari saran): rating hasil kerja utama 1 "
        "Di Atas Ekspektasi berbeda dari saran Sesuai Ekspektasi; tuliskan alasannya."
    ) in text
    assert "Tim melampaui target triwulan." in text  # the typed reason is kept
    assert Evaluation.objects.get(pk=evaluation.pk).state == EvaluationState.DRAFT

    second = evaluation.result_ratings.order_by("result__number")[1].result_id
    data.update(
        {f"result_reason_{first}": "Dua laporan tambahan.", f"result_reason_{second}": "Cepat."}
    )
    done = client.post(f"/penilaian/{evaluation.pk}/simpan/", {**data, "aksi": "tetapkan"})
    assert done.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.state == EvaluationState.RATED
    assert evaluation.predikat == "BAIK"


def test_a_value_that_is_not_a_rating_is_refused_on_the_form(
    client: Client, personas: Personas
) -> None:
    evaluation = _draft(personas)
    data = _form_data(evaluation, behavior_reason="Catatan tetap ada.")
    data["results_rating"] = "LUAR_BIASA"
    response = _as(client, personas, "supervisor").post(
        f"/penilaian/{evaluation.pk}/simpan/", {**data, "aksi": "simpan"}
    )
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Draf belum disimpan; periksa isian yang ditandai." in text
    assert "Rating hasil kerja" in text
    assert "LUAR_BIASA" in text
    assert "Catatan tetap ada." in text


@pytest.mark.parametrize("name", sorted(set(PERSONA_NAMES) - {"supervisor"}))
def test_nobody_else_saves(client: Client, personas: Personas, name: str) -> None:
    evaluation = _draft(personas)
    response = _as(client, personas, name).post(
        f"/penilaian/{evaluation.pk}/simpan/", {**_form_data(evaluation), "aksi": "simpan"}
    )
    assert response.status_code == 404
    assert Evaluation.objects.get(pk=evaluation.pk).results_rating == ""


def test_a_rated_evaluation_is_not_saved_again(client: Client, personas: Personas) -> None:
    plan = _plan(personas)
    evaluation = make_evaluation(plan=plan, window=window_on(plan))
    response = _as(client, personas, "supervisor").post(
        f"/penilaian/{evaluation.pk}/simpan/", {"aksi": "simpan"}
    )
    assert response.status_code == 403


def test_the_head_of_agency_form_follows_the_organisation_predikat(
    client: Client, personas: Personas
) -> None:
    plan = make_running_plan(employee=personas.staff.head, results=1)
    evaluation = evaluation_start(actor=personas.leader, plan=plan, window=_closed_window(plan))
    response = _as(client, personas, "leader").get(f"/penilaian/{evaluation.pk}/")
    text = page_text(response.content)
    assert "mengikuti predikat kinerja organisasi" in text
    assert "belum ditetapkan Pimpinan" in text
    assert b'name="results_rating"' not in response.content


# --- acknowledging ---------------------------------------------------------------------------


def test_the_employee_acknowledges_and_sees_the_objection_deadline(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas)
    evaluation = make_evaluation(plan=plan, window=window_on(plan))
    client = _as(client, personas, "employee")
    response = client.post(f"/penilaian/{evaluation.pk}/terima/")
    assert response.status_code == 302
    text = page_text(client.get(f"/penilaian/{evaluation.pk}/").content)
    assert "Diterima pada" in text
    assert "keberatan dapat diajukan sampai" in text
    assert "Saya telah menerima hasil penilaian ini" not in text
    again = client.post(f"/penilaian/{evaluation.pk}/terima/", follow=True)
    assert "sudah menyatakan menerima" in page_text(again.content)


@pytest.mark.parametrize("name", sorted(set(PERSONA_NAMES) - {"employee"}))
def test_nobody_else_acknowledges(client: Client, personas: Personas, name: str) -> None:
    plan = _plan(personas)
    evaluation = make_evaluation(plan=plan, window=window_on(plan))
    response = _as(client, personas, name).post(f"/penilaian/{evaluation.pk}/terima/")
    assert response.status_code == (403 if name in AGENCY_READERS else 404)
    assert Evaluation.objects.get(pk=evaluation.pk).state == EvaluationState.RATED


def test_the_form_costs_the_same_queries_for_1_and_6_results(
    client: Client, personas: Personas
) -> None:
    evaluation = _draft(personas, results=1)
    plan, window = evaluation.plan, evaluation.window
    assert window is not None
    client = _as(client, personas, "supervisor")
    url = f"/penilaian/{evaluation.pk}/"
    few = _queries(client, url)
    for _ in range(5):
        result = make_result(plan=plan, indicators=2)
        ResultRating.objects.create(evaluation=evaluation, result=result, suggestion="MEETS")
        for indicator in result.indicators.all():
            done = make_achievement(plan=plan, indicator=indicator, window=window, percent="90")
            make_link_evidence(realization=done)
        feedback = make_feedback(
            employee=personas.staff.employee,
            author=personas.staff.supervisor,
            subject=FeedbackSubject.RESULT,
        )
        feedback.result = result
        feedback.save(update_fields=["result"])
    assert _queries(client, url) == few


@pytest.mark.parametrize("name", sorted(AGENCY_READERS))
def test_feedback_shows_only_to_those_who_may_read_it(
    client: Client, personas: Personas, name: str
) -> None:
    plan = _plan(personas, results=1)
    evaluation = make_evaluation(plan=plan, window=window_on(plan))
    feedback = make_feedback(
        employee=personas.staff.employee,
        author=personas.staff.supervisor,
        text="Laporan rapi dan tepat waktu.",
        subject=FeedbackSubject.RESULT,
    )
    feedback.result = plan.results.get()
    feedback.save(update_fields=["result"])
    text = page_text(_as(client, personas, name).get(f"/penilaian/{evaluation.pk}/").content)
    readers = {"employee", "supervisor", "appraiser_superior", "auditor"}
    assert ("Laporan rapi dan tepat waktu." in text) == (name in readers)
    if name not in readers:
        assert "Umpan balik hanya terlihat oleh pegawai" in text


HOSTILE = [str(2**63 * 1000 + 7), "satu", "x" * 5000, "-1", "0"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_never_cause_a_server_error(
    client: Client, personas: Personas, value: str
) -> None:
    evaluation = _draft(personas)
    client = _as(client, personas, "supervisor")
    client.raise_request_exception = False
    answers = [
        client.get(f"/penilaian/?periode={value}&evaluasi={value}"),
        client.get(f"/penilaian/?evaluasi={value}"),
        client.post("/penilaian/mulai/", {"plan": value, "evaluasi": value}),
        client.post("/penilaian/mulai/", {"plan": evaluation.plan_id, "evaluasi": value}),
        client.post(
            f"/penilaian/{evaluation.pk}/simpan/",
            dict.fromkeys([*_form_data(evaluation), "results_reason", "aksi"], value),
        ),
        client.post(
            f"/penilaian/{evaluation.pk}/simpan/",
            {**_form_data(evaluation), "results_reason": value, "aksi": "tetapkan"},
        ),
        client.post(f"/penilaian/{evaluation.pk}/terima/", {"x": value}),
    ]
    assert [a.status_code for a in answers if a.status_code >= 500] == []
