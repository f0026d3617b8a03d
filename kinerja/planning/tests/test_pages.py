"""The SKP pages: my plans and my team's, the plan page, its forms and its decisions."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.core.testing import headings, page_text
from kinerja.discussions.models import Comment
from kinerja.discussions.testing import make_comment
from kinerja.people.testing import AGENCY_READERS, PERSONA_NAMES, Personas, bulk_staff
from kinerja.periods.models import PeriodState
from kinerja.planning.models import Indicator, PerformancePlan, PlannedResult, PlanState
from kinerja.planning.testing import (
    make_goal,
    make_indicator,
    make_open_period,
    make_plan,
    make_result,
)

pytestmark = pytest.mark.django_db

EVERYONE = PERSONA_NAMES
READERS = AGENCY_READERS


def _plan(personas: Personas, **kwargs: Any) -> PerformancePlan:
    return make_plan(employee=personas.staff.employee, **kwargs)


def _as(client: Client, personas: Personas, name: str) -> Client:
    client.force_login(personas.all()[name])
    return client


# --- /skp/ ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EVERYONE)
def test_plan_list_opens_for_everyone_and_shows_only_their_own_and_their_teams_plans(
    client: Client, personas: Personas, name: str
) -> None:
    _plan(personas, results=1)
    response = _as(client, personas, name).get("/skp/")
    assert response.status_code == 200
    text = page_text(response.content)
    assert "SKP saya" in headings(response.content)
    # Agus's plan appears for Agus (his own) and for Sri (his supervisor: her team), nobody else.
    assert ("Agus Wibowo" in text) is (name in {"employee", "supervisor"})


def test_anonymous_visitor_is_sent_to_login(client: Client, personas: Personas) -> None:
    plan = _plan(personas)
    for url in ["/skp/", f"/skp/{plan.pk}/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert "/akun/masuk/" in response["Location"]


def test_employee_without_plan_starts_one_in_the_open_period(
    client: Client, personas: Personas
) -> None:
    period = make_open_period()
    _as(client, personas, "employee")
    text = page_text(client.get("/skp/").content)
    assert f"Mulai SKP {period.year}" in text
    response = client.post("/skp/mulai/", {"periode": period.pk})
    plan = PerformancePlan.objects.get(employee=personas.staff.employee)
    assert response.status_code == 302
    assert response["Location"] == f"/skp/{plan.pk}/"
    assert plan.state == PlanState.DRAFT
    assert plan.appraiser == personas.staff.supervisor
    text = page_text(client.get("/skp/").content)
    assert "Mulai SKP" not in text
    assert "Draf" in text


def test_starting_a_plan_in_a_closed_period_is_refused_with_the_rule(
    client: Client, personas: Personas
) -> None:
    period = make_open_period(state=PeriodState.CLOSED)
    _as(client, personas, "employee")
    response = client.post("/skp/mulai/", {"periode": period.pk}, follow=True)
    assert "hanya dapat dibuat atau diubah pada tahap Perencanaan atau Pelaksanaan" in (
        page_text(response.content)
    )
    assert not PerformancePlan.objects.exists()


def test_supervisor_sees_subordinate_not_started_and_starts_a_draft_for_them(
    client: Client, personas: Personas
) -> None:
    period = make_open_period()
    _as(client, personas, "supervisor")
    response = client.get("/skp/")
    assert "SKP tim saya" in headings(response.content)
    text = page_text(response.content)
    assert "Agus Wibowo Belum mulai" in text
    response = client.post(
        "/skp/mulai/", {"periode": period.pk, "pegawai": personas.staff.employee.pk}
    )
    plan = PerformancePlan.objects.get(employee=personas.staff.employee)
    assert response["Location"] == f"/skp/{plan.pk}/"
    assert plan.started_by == personas.supervisor


def test_outsider_cannot_start_a_plan_for_someone_else(client: Client, personas: Personas) -> None:
    period = make_open_period()
    _as(client, personas, "outsider")
    response = client.post(
        "/skp/mulai/", {"periode": period.pk, "pegawai": personas.staff.employee.pk}
    )
    assert response.status_code == 403
    assert not PerformancePlan.objects.exists()


def test_supervisor_cascades_a_result_to_a_ticked_subordinate(
    client: Client, personas: Personas
) -> None:
    own = make_plan(employee=personas.staff.supervisor)
    result = make_result(plan=own, text="Layanan KTP-el selesai tepat waktu", indicators=2)
    _as(client, personas, "supervisor")
    assert "Turunkan RHK saya ke bawahan" in page_text(client.get("/skp/").content)
    response = client.post(
        "/skp/turunkan/", {"result": result.pk, "employees": [personas.staff.employee.pk]}
    )
    assert response.status_code == 302
    copied = PlannedResult.objects.get(plan__employee=personas.staff.employee)
    assert copied.parent == result
    assert copied.indicators.count() == 2
    text = page_text(client.get("/skp/").content)
    assert "RHK ditambahkan ke SKP 1 bawahan: Agus Wibowo." in text


def test_cascade_without_a_ticked_subordinate_shows_the_error_and_keeps_the_choice(
    client: Client, personas: Personas
) -> None:
    own = make_plan(employee=personas.staff.supervisor)
    result = make_result(plan=own, text="Layanan KTP-el selesai tepat waktu")
    _as(client, personas, "supervisor")
    response = client.post("/skp/turunkan/", {"result": result.pk})
    assert response.status_code == 400
    assert "Pilih sedikitnya satu bawahan yang menerima." in page_text(response.content)
    assert f'<option value="{result.pk}" selected>' in response.content.decode()
    assert PlannedResult.objects.count() == 1


def test_plan_list_costs_the_same_queries_for_one_or_many_subordinates(
    client: Client, personas: Personas, django_assert_max_num_queries: Any
) -> None:
    make_plan(employee=personas.staff.supervisor, results=1)
    _plan(personas, results=1)
    _as(client, personas, "supervisor")
    with CaptureQueriesContext(connection) as small:
        assert client.get("/skp/").status_code == 200
    bulk_staff(
        agency=personas.agency,
        supervisor=personas.staff.kasi_post,
        unit=personas.staff.unit,
        count=15,
    )
    with CaptureQueriesContext(connection) as large:
        body = client.get("/skp/").content.decode()
    assert "16 bawahan." in page_text(body)
    assert len(large.captured_queries) == len(small.captured_queries)


# --- /skp/<id>/ ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EVERYONE)
def test_plan_page_is_for_the_employee_the_chain_and_readers_only(
    client: Client, personas: Personas, name: str
) -> None:
    plan = _plan(personas, results=1)
    response = _as(client, personas, name).get(f"/skp/{plan.pk}/")
    assert response.status_code == (200 if name in READERS else 404)
    assert ("Agus Wibowo" in response.content.decode()) is (name in READERS)


def test_plan_page_shows_header_results_grouped_indicators_and_parent(
    client: Client, personas: Personas
) -> None:
    sup_plan = make_plan(employee=personas.staff.supervisor)
    parent = make_result(plan=sup_plan, text="Cakupan KTP-el 98 persen")
    plan = _plan(personas)
    main = make_result(plan=plan, text="Data kependudukan mutakhir", parent=parent, indicators=0)
    make_indicator(result=main, text="Jumlah data dimutakhirkan", target_value=Decimal("1234.56"))
    make_result(plan=plan, text="Laporan bulanan", kind="TAMBAHAN")
    response = _as(client, personas, "employee").get(f"/skp/{plan.pk}/")
    text = page_text(response.content)
    assert "A. RHK utama" in headings(response.content)
    assert "B. RHK tambahan" in headings(response.content)
    assert "RHK 1: Data kependudukan mutakhir" in text
    assert "Mengintervensi: Cakupan KTP-el 98 persen" in text
    assert "Jumlah data dimutakhirkan" in text
    assert "1.234,56 dokumen" in text
    assert "Kuantitas" in text
    assert "Pejabat penilai kinerja" in text
    assert "Sri Handayani" in text
    assert "Draf" in text
    assert "Unduh PDF" in text
    assert "Unduh XLSX" in text
    assert "Laporan bulanan" in text
    assert "Berorientasi Pelayanan" in text


def test_plan_page_costs_the_same_queries_for_two_or_twenty_results(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas, results=2)
    make_comment(subject=plan.results.first())  # type: ignore[arg-type]
    _as(client, personas, "employee")
    with CaptureQueriesContext(connection) as small:
        client.get(f"/skp/{plan.pk}/")
    for _ in range(18):
        result = make_result(plan=plan, indicators=2)
        make_comment(subject=result)
    with CaptureQueriesContext(connection) as large:
        body = client.get(f"/skp/{plan.pk}/").content
    assert "RHK 20:" in page_text(body)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_editing_links_show_only_to_those_who_may_edit(client: Client, personas: Personas) -> None:
    plan = _plan(personas, results=1)
    for name, sees in [("employee", True), ("supervisor", True), ("hr_admin", False)]:
        text = page_text(_as(client, personas, name).get(f"/skp/{plan.pk}/").content)
        assert ("Tambah RHK utama" in text) is sees, name
        assert ("Tambah indikator" in text) is sees, name
    plan.state = PlanState.SUBMITTED
    plan.save()
    text = page_text(_as(client, personas, "employee").get(f"/skp/{plan.pk}/").content)
    assert "Tambah RHK" not in text
    assert "Ajukan" not in text


# --- result and indicator forms -----------------------------------------------------------------


def test_employee_adds_a_result_contributing_to_the_supervisors_result(
    client: Client, personas: Personas
) -> None:
    parent = make_result(plan=make_plan(employee=personas.staff.supervisor), text="Cakupan KTP-el")
    plan = _plan(personas)
    _as(client, personas, "employee")
    form = client.get(f"/skp/{plan.pk}/rhk/")
    assert "Utama 1: Cakupan KTP-el" in page_text(form.content)
    response = client.post(
        f"/skp/{plan.pk}/rhk/",
        {"kind": "UTAMA", "text": "Perekaman KTP-el keliling", "parent": parent.pk},
    )
    result = PlannedResult.objects.get(plan=plan)
    assert response["Location"] == f"/skp/{plan.pk}/#rhk-{result.pk}"
    assert result.parent == parent


def test_result_form_refuses_an_empty_text_and_keeps_the_choice(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas)
    response = _as(client, personas, "employee").post(
        f"/skp/{plan.pk}/rhk/", {"kind": "TAMBAHAN", "text": "  "}
    )
    assert response.status_code == 200
    assert "Rencana hasil kerja wajib diisi." in page_text(response.content)
    assert '<option value="TAMBAHAN" selected>' in response.content.decode()
    assert not PlannedResult.objects.exists()


def test_result_form_refuses_a_parent_of_someone_who_is_not_the_supervisor(
    client: Client, personas: Personas
) -> None:
    foreign = make_result(plan=make_plan(employee=personas.staff.other_head), text="Lalu lintas")
    plan = _plan(personas)
    response = _as(client, personas, "employee").post(
        f"/skp/{plan.pk}/rhk/", {"kind": "UTAMA", "text": "Data", "parent": foreign.pk}
    )
    assert (
        "RHK atasan yang diintervensi: pilih salah satu RHK atasan Anda dari daftar."
        in page_text(response.content)
    )
    assert not PlannedResult.objects.filter(plan=plan).exists()


def test_indicator_form_takes_indonesian_numbers(client: Client, personas: Personas) -> None:
    plan = _plan(personas)
    result = make_result(plan=plan, indicators=0)
    response = _as(client, personas, "employee").post(
        f"/skp/{plan.pk}/rhk/{result.pk}/iki/",
        {
            "aspect": "QUANTITY",
            "text": "Dokumen terbit",
            "target_kind": "NUMBER",
            "target_value": "1.234,5",
            "target_unit": "dokumen",
            "polarity": "HIGHER_IS_BETTER",
            "source": "MANUAL",
            "evidence_required": "on",
        },
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get(result=result)
    assert indicator.target_value == Decimal("1234.50")
    assert indicator.evidence_required


def test_indicator_form_refuses_a_negative_target_with_the_rule_and_keeps_the_input(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas)
    result = make_result(plan=plan, indicators=0)
    response = _as(client, personas, "employee").post(
        f"/skp/{plan.pk}/rhk/{result.pk}/iki/",
        {
            "aspect": "QUALITY",
            "text": "Keluhan tertangani",
            "target_kind": "NUMBER",
            "target_value": "-5",
            "polarity": "HIGHER_IS_BETTER",
            "source": "MANUAL",
        },
    )
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Target -5 tidak diterima" in text
    assert 'value="Keluhan tertangani"' not in response.content.decode()  # a textarea
    assert "Keluhan tertangani" in text
    assert not Indicator.objects.exists()


def test_range_target_needs_a_lower_bound_below_the_upper(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas)
    result = make_result(plan=plan, indicators=0)
    response = _as(client, personas, "employee").post(
        f"/skp/{plan.pk}/rhk/{result.pk}/iki/",
        {
            "aspect": "QUALITY",
            "text": "Indeks kepuasan",
            "target_kind": "RANGE",
            "target_value": "90",
            "target_max": "80",
            "polarity": "HIGHER_IS_BETTER",
            "source": "MANUAL",
        },
    )
    assert "90 s.d. 80 tidak diterima: batas bawah harus lebih kecil" in page_text(response.content)
    assert not Indicator.objects.exists()


def test_result_edit_and_removal(client: Client, personas: Personas) -> None:
    plan = _plan(personas)
    result = make_result(plan=plan, text="Lama")
    _as(client, personas, "employee")
    assert "Lama" in client.get(f"/skp/{plan.pk}/rhk/{result.pk}/").content.decode()
    client.post(f"/skp/{plan.pk}/rhk/{result.pk}/", {"kind": "UTAMA", "text": "Baru"})
    result.refresh_from_db()
    assert result.text == "Baru"
    confirm = client.get(f"/skp/{plan.pk}/rhk/{result.pk}/hapus/")
    assert "Hapus RHK ini?" in headings(confirm.content)
    client.post(f"/skp/{plan.pk}/rhk/{result.pk}/hapus/")
    assert not PlannedResult.objects.exists()


def test_indicator_edit_and_removal(client: Client, personas: Personas) -> None:
    plan = _plan(personas)
    indicator = make_indicator(result=make_result(plan=plan, indicators=0), text="Lama")
    _as(client, personas, "employee")
    page = client.get(f"/skp/{plan.pk}/iki/{indicator.pk}/")
    assert "Lama" in page_text(page.content)
    data = {
        "aspect": "TIME",
        "text": "Baru",
        "target_kind": "DESCRIBED",
        "target_description": "Selesai sebelum Juni",
        "polarity": "HIGHER_IS_BETTER",
        "source": "MANUAL",
    }
    assert client.post(f"/skp/{plan.pk}/iki/{indicator.pk}/", data).status_code == 302
    indicator.refresh_from_db()
    assert (indicator.text, indicator.target_description) == ("Baru", "Selesai sebelum Juni")
    client.post(f"/skp/{plan.pk}/iki/{indicator.pk}/hapus/")
    assert not Indicator.objects.exists()


def _action_urls(plan: PerformancePlan) -> dict[str, str]:
    result = plan.results.get()
    indicator = Indicator.objects.get(result=result)
    base = f"/skp/{plan.pk}"
    return {
        "result_add": f"{base}/rhk/",
        "result_edit": f"{base}/rhk/{result.pk}/",
        "result_remove": f"{base}/rhk/{result.pk}/hapus/",
        "indicator_add": f"{base}/rhk/{result.pk}/iki/",
        "indicator_edit": f"{base}/iki/{indicator.pk}/",
        "indicator_remove": f"{base}/iki/{indicator.pk}/hapus/",
        "annex": f"{base}/lampiran/",
        "submit": f"{base}/ajukan/",
    }


EDITORS = {"employee", "supervisor"}


@pytest.mark.parametrize("name", EVERYONE)
def test_edit_pages_open_for_the_employee_and_appraiser_only(
    client: Client, personas: Personas, name: str
) -> None:
    plan = _plan(personas, results=1)
    _as(client, personas, name)
    for action, url in _action_urls(plan).items():
        status = client.get(url).status_code
        if name not in READERS:
            expected = 404
        elif action == "submit":
            expected = 200 if name == "employee" else 403
        else:
            expected = 200 if name in EDITORS else 403
        assert status == expected, (action, status)


@pytest.mark.parametrize("name", EVERYONE)
def test_decision_pages_open_for_the_appraiser_only(
    client: Client, personas: Personas, name: str
) -> None:
    plan = _plan(personas, results=1, state=PlanState.SUBMITTED)
    _as(client, personas, name)
    for url in [f"/skp/{plan.pk}/setujui/", f"/skp/{plan.pk}/kembalikan/"]:
        expected = 404 if name not in READERS else 200 if name == "supervisor" else 403
        assert client.get(url).status_code == expected, url
    # Nothing changes by a refused POST.
    client.post(f"/skp/{plan.pk}/setujui/")
    plan.refresh_from_db()
    assert plan.state == (PlanState.APPROVED if name == "supervisor" else PlanState.SUBMITTED)


def test_outsider_posting_an_edit_changes_nothing(client: Client, personas: Personas) -> None:
    plan = _plan(personas, results=1)
    _as(client, personas, "outsider")
    response = client.post(f"/skp/{plan.pk}/rhk/", {"kind": "UTAMA", "text": "Sisipan"})
    assert response.status_code == 404
    response = client.post(f"/skp/{plan.pk}/ajukan/")
    assert response.status_code == 404
    assert PlannedResult.objects.filter(plan=plan).count() == 1
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT


# --- the loop: submit, return, revise, approve ---------------------------------------------------


def test_submit_return_resubmit_approve_and_the_version_history_shows_what_changed(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas, results=1)
    employee, supervisor = Client(), Client()
    employee.force_login(personas.employee)
    supervisor.force_login(personas.supervisor)

    confirm = employee.get(f"/skp/{plan.pk}/ajukan/")
    assert "Ajukan SKP ke pejabat penilai?" in headings(confirm.content)
    assert employee.post(f"/skp/{plan.pk}/ajukan/", {"note": ""}).status_code == 302
    plan.refresh_from_db()
    assert (plan.state, plan.version) == (PlanState.SUBMITTED, 1)

    refused = supervisor.post(f"/skp/{plan.pk}/kembalikan/", {"note": " "})
    assert "Catatan perbaikan wajib diisi." in page_text(refused.content)
    plan.refresh_from_db()
    assert plan.state == PlanState.SUBMITTED
    supervisor.post(f"/skp/{plan.pk}/kembalikan/", {"note": "Tambahkan RHK tambahan."})
    plan.refresh_from_db()
    assert plan.state == PlanState.RETURNED
    returned = page_text(employee.get(f"/skp/{plan.pk}/").content)
    assert "Dikembalikan untuk diperbaiki." in returned
    assert "“Tambahkan RHK tambahan.”" in returned

    employee.post(f"/skp/{plan.pk}/rhk/", {"kind": "TAMBAHAN", "text": "Laporan bulanan"})
    extra = PlannedResult.objects.get(plan=plan, kind="TAMBAHAN")
    make_indicator(result=extra)
    employee.post(f"/skp/{plan.pk}/ajukan/", {"note": "Sudah ditambah."})
    supervisor.post(f"/skp/{plan.pk}/setujui/", {"note": ""})
    plan.refresh_from_db()
    assert (plan.state, plan.version, plan.approved_version) == (PlanState.APPROVED, 2, 2)

    page = employee.get(f"/skp/{plan.pk}/")
    text = page_text(page.content)
    assert "Perubahan sejak versi sebelumnya" in headings(page.content)
    assert "Versi 2" in text
    assert "Versi 1" in text
    assert "+ ditambahkan: RHK Tambahan: Laporan bulanan" in text
    assert "Revisi" in text


def test_submitting_an_empty_plan_is_refused_with_the_reason(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas)
    response = _as(client, personas, "employee").post(f"/skp/{plan.pk}/ajukan/", {"note": ""})
    assert response.status_code == 200
    assert "RHK utama" in page_text(response.content)
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT


def test_revision_needs_a_reason_and_returns_the_plan_to_draft(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas, results=1, state=PlanState.APPROVED)
    _as(client, personas, "employee")
    response = client.post(f"/skp/{plan.pk}/revisi/", {"note": ""})
    assert "Alasan revisi wajib diisi." in page_text(response.content)
    client.post(f"/skp/{plan.pk}/revisi/", {"note": "Tugas baru dari Kepala Dinas"})
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT
    assert plan.approved_version == 1


# --- threads, expectations, annex, copy ---------------------------------------------------------


def test_comment_on_a_result_reloads_the_page_at_the_thread(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas, results=1)
    result = plan.results.get()
    _as(client, personas, "supervisor")
    response = client.post(
        f"/skp/{plan.pk}/rhk/{result.pk}/komentar/", {"body": "Targetnya terlalu rendah."}
    )
    assert response["Location"] == f"/skp/{plan.pk}/#diskusi-rhk-{result.pk}"
    text = page_text(client.get(f"/skp/{plan.pk}/").content)
    assert "Sri Handayani" in text
    assert "Targetnya terlalu rendah." in text


def test_comment_with_htmx_returns_only_the_thread(client: Client, personas: Personas) -> None:
    plan = _plan(personas, results=1)
    indicator = Indicator.objects.get(result__plan=plan)
    _as(client, personas, "employee")
    response = client.post(
        f"/skp/{plan.pk}/iki/{indicator.pk}/komentar/",
        {"body": "Setuju, 12 dokumen."},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert "Setuju, 12 dokumen." in page_text(body)


def test_empty_comment_is_refused_and_nothing_saved(client: Client, personas: Personas) -> None:
    plan = _plan(personas)
    _as(client, personas, "employee")
    response = client.post(f"/skp/{plan.pk}/komentar/", {"body": "   "})
    assert response.status_code == 400
    assert "Komentar wajib diisi." in page_text(response.content)
    htmx = client.post(f"/skp/{plan.pk}/komentar/", {"body": ""}, HTTP_HX_REQUEST="true")
    assert "Komentar wajib diisi." in page_text(htmx.content)
    assert not Comment.objects.exists()


@pytest.mark.parametrize("name", ["agency_admin", "hr_admin", "auditor"])
def test_readers_see_threads_but_cannot_comment(
    client: Client, personas: Personas, name: str
) -> None:
    plan = _plan(personas, results=1)
    _as(client, personas, name)
    assert "Kirim komentar" not in page_text(client.get(f"/skp/{plan.pk}/").content)
    response = client.post(f"/skp/{plan.pk}/komentar/", {"body": "Halo"})
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_appraiser_writes_leader_expectations_and_employee_cannot(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas, results=1)
    assert _as(client, personas, "employee").get(f"/skp/{plan.pk}/ekspektasi/").status_code == 403
    _as(client, personas, "supervisor")
    form = client.get(f"/skp/{plan.pk}/ekspektasi/")
    assert "Akuntabel" in page_text(form.content)
    client.post(f"/skp/{plan.pk}/ekspektasi/", {"AKUNTABEL": "Laporan tepat waktu setiap bulan"})
    text = page_text(client.get(f"/skp/{plan.pk}/").content)
    assert "Laporan tepat waktu setiap bulan" in text


def test_annex_is_saved(client: Client, personas: Personas) -> None:
    plan = _plan(personas)
    _as(client, personas, "employee").post(
        f"/skp/{plan.pk}/lampiran/",
        {
            "approach": "QUALITATIVE",
            "resource_support": "Printer kartu",
            "accountability_scheme": "Laporan bulanan",
            "consequences": "",
        },
    )
    plan.refresh_from_db()
    assert (plan.approach, plan.resource_support) == ("QUALITATIVE", "Printer kartu")


def test_copy_from_last_year_offered_and_done(client: Client, personas: Personas) -> None:
    last_year = make_open_period(year=make_open_period().year - 1, state=PeriodState.CLOSED)
    old = make_plan(employee=personas.staff.employee, period=last_year)
    make_result(plan=old, text="RHK tahun lalu")
    plan = _plan(personas)
    _as(client, personas, "employee")
    assert "Salin dari SKP tahun lalu" in page_text(client.get("/skp/").content)
    assert "Salin dari SKP tahun lalu" in page_text(client.get(f"/skp/{plan.pk}/").content)
    response = client.post(f"/skp/{plan.pk}/salin/", follow=True)
    assert "1 RHK disalin dari SKP tahun lalu." in page_text(response.content)
    assert plan.results.get().text == "RHK tahun lalu"


def test_navigation_offers_skp_to_everyone(client: Client, personas: Personas) -> None:
    for name in ["employee", "auditor"]:
        body = _as(client, personas, name).get("/").content.decode()
        assert 'href="/skp/"' in body


@pytest.mark.parametrize("name", EVERYONE)
def test_thread_copy_expectation_and_revision_actions_per_persona(
    client: Client, personas: Personas, name: str
) -> None:
    plan = _plan(personas, results=1)
    _as(client, personas, name)
    hidden = name not in READERS
    commenters = {"employee", "supervisor", "appraiser_superior"}
    response = client.post(f"/skp/{plan.pk}/komentar/", {"body": "Catatan"})
    assert response.status_code == (404 if hidden else 302 if name in commenters else 403)
    assert Comment.objects.count() == (1 if name in commenters else 0)
    expectations = client.get(f"/skp/{plan.pk}/ekspektasi/").status_code
    assert expectations == (404 if hidden else 200 if name == "supervisor" else 403)
    # Revising a draft is offered to nobody; copying is refused to all but the two sides.
    assert client.get(f"/skp/{plan.pk}/revisi/").status_code == (404 if hidden else 403)
    copy = client.post(f"/skp/{plan.pk}/salin/").status_code
    assert copy == (404 if hidden else 302 if name in EDITORS else 403)
    assert PlannedResult.objects.count() == 1


def test_no_start_button_once_the_period_is_in_evaluation(
    client: Client, personas: Personas
) -> None:
    make_open_period(state=PeriodState.EVALUATION)
    text = page_text(_as(client, personas, "employee").get("/skp/").content)
    assert "Mulai SKP" not in text
    text = page_text(_as(client, personas, "supervisor").get("/skp/").content)
    assert "Mulai draf" not in text


def test_cascade_to_an_id_that_is_no_subordinate_is_refused(
    client: Client, personas: Personas
) -> None:
    result = make_result(plan=make_plan(employee=personas.staff.supervisor))
    _as(client, personas, "supervisor")
    for bad in ["9" * 30, str(personas.staff.other_head.pk)]:
        response = client.post("/skp/turunkan/", {"result": result.pk, "employees": [bad]})
        assert response.status_code == 400
        assert "bukan bawahan Anda" in page_text(response.content)
    assert PlannedResult.objects.count() == 1


def test_head_of_agency_result_links_to_an_organisation_goal_not_a_parent(
    client: Client, personas: Personas
) -> None:
    period = make_open_period()
    goal = make_goal(agency=personas.agency, period=period, statement="Tertib administrasi")
    plan = make_plan(employee=personas.staff.head, period=period)
    assert plan.appraiser_is_mayor
    _as(client, personas, "leader")  # Pimpinan decides for the Wali Kota
    form = client.get(f"/skp/{plan.pk}/rhk/")
    text = page_text(form.content)
    assert "Sasaran strategis yang didukung" in text
    assert "1. Tertib administrasi" in text
    response = client.post(
        f"/skp/{plan.pk}/rhk/",
        {"kind": "UTAMA", "text": "Dokumen kependudukan tertib", "goal": goal.pk},
    )
    assert response.status_code == 302
    assert PlannedResult.objects.get(plan=plan).goal == goal
    page = page_text(client.get(f"/skp/{plan.pk}/").content)
    assert "Mengintervensi: Tertib administrasi" in page
    assert "Wali Kota" in page


def test_goal_choice_is_not_offered_below_the_head_of_agency(
    client: Client, personas: Personas
) -> None:
    plan = _plan(personas)
    form = _as(client, personas, "employee").get(f"/skp/{plan.pk}/rhk/")
    assert "Sasaran strategis" not in page_text(form.content)


@pytest.mark.parametrize("name", EVERYONE)
def test_each_version_has_its_page_with_the_changes_since_the_one_before(
    client: Client, personas: Personas, name: str
) -> None:
    plan = _plan(personas, results=1, state=PlanState.SUBMITTED)
    _as(client, personas, name)
    response = client.get(f"/skp/{plan.pk}/versi/1/")
    assert response.status_code == (200 if name in READERS else 404)
    if name in READERS:
        assert "Isi versi pertama" in headings(response.content)
        assert "+ ditambahkan: RHK Utama:" in page_text(response.content)
    assert client.get(f"/skp/{plan.pk}/versi/2/").status_code == 404


def test_second_version_page_shows_what_changed(client: Client, personas: Personas) -> None:
    plan = _plan(personas, results=1, state=PlanState.SUBMITTED)
    employee, supervisor = Client(), Client()
    employee.force_login(personas.employee)
    supervisor.force_login(personas.supervisor)
    supervisor.post(f"/skp/{plan.pk}/kembalikan/", {"note": "Ubah teks RHK."})
    result = plan.results.get()
    employee.post(f"/skp/{plan.pk}/rhk/{result.pk}/", {"kind": "UTAMA", "text": "Teks baru"})
    employee.post(f"/skp/{plan.pk}/ajukan/", {"note": ""})
    page = employee.get(f"/skp/{plan.pk}/")
    assert f'href="/skp/{plan.pk}/versi/2/"' in page.content.decode()
    text = page_text(employee.get(f"/skp/{plan.pk}/versi/2/").content)
    assert "\u2212 dihapus:" in text
    assert "+ ditambahkan: RHK Utama: Teks baru" in text
