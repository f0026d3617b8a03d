"""Every refusal of issue 10's "Bad input and rules": the Indonesian sentence that names the
rule, and nothing changed (plans, results, indicators, versions, comments, audit events)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.people.testing import Personas
from kinerja.periods.models import PeriodState
from kinerja.planning.models import PlanState, TargetKind
from kinerja.planning.services import (
    expectation_set,
    indicator_add,
    plan_approve,
    plan_comment_add,
    plan_copy_previous,
    plan_return,
    plan_revise,
    plan_start,
    plan_submit,
    plan_update_annex,
    result_add,
    result_cascade,
    result_remove,
    result_update,
)
from kinerja.planning.testing import (
    make_open_period,
    make_plan,
    make_result,
    planning_snapshot,
)

pytestmark = pytest.mark.django_db


def _refused(call: Callable[[], Any], field: str, message: str) -> None:
    before = planning_snapshot()
    with pytest.raises(ValidationError) as caught:
        call()
    assert message in " ".join(caught.value.message_dict[field])
    assert planning_snapshot() == before


def _denied(call: Callable[[], Any], message: str) -> None:
    before = planning_snapshot()
    with pytest.raises(PermissionDenied, match=message):
        call()
    assert planning_snapshot() == before


def _indicator(personas: Personas, **target: Any) -> Callable[[], Any]:
    result = make_result(plan=make_plan(employee=personas.staff.employee), indicators=0)
    return lambda: indicator_add(
        actor=personas.employee, result=result, aspect="QUANTITY", text="Berkas", **target
    )


def test_a_negative_target_is_refused(personas: Personas) -> None:
    _refused(
        _indicator(personas, target_kind=TargetKind.NUMBER, target_value=-5),
        "target_value",
        "Target -5 tidak diterima: target harus angka positif, rentang dengan batas bawah < "
        "batas atas, atau uraian.",
    )


def test_a_range_whose_lower_bound_is_not_below_the_upper_is_refused(personas: Personas) -> None:
    _refused(
        _indicator(personas, target_kind=TargetKind.RANGE, target_value=90, target_max=80),
        "target_max",
        "Rentang target 90 s.d. 80 tidak diterima: batas bawah harus lebih kecil dari batas atas.",
    )


def test_an_empty_described_target_is_refused(personas: Personas) -> None:
    _refused(
        _indicator(personas, target_kind=TargetKind.DESCRIBED, target_description=" "),
        "target_description",
        "Uraian target kosong tidak diterima",
    )


def test_a_satisfaction_index_indicator_needs_its_service_unit(personas: Personas) -> None:
    _refused(
        _indicator(personas, target_value=80, source="SATISFACTION_INDEX"),
        "service_unit",
        "Unit layanan belum dipilih",
    )


def test_contributing_to_someone_who_is_not_the_supervisor_is_refused(
    personas: Personas,
) -> None:
    parent = make_result(plan=make_plan(employee=personas.staff.kabid), text="Pelayanan prima")
    plan = make_plan(employee=personas.staff.employee)
    _refused(
        lambda: result_add(actor=personas.employee, plan=plan, text="X", parent=parent),
        "parent",
        "RHK atasan “Pelayanan prima” milik Dewi Kabid, bukan atasan langsung",
    )


def test_a_loop_of_contributions_is_refused(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    mine = make_result(plan=plan)
    boss = make_result(plan=make_plan(employee=personas.staff.supervisor), parent=mine)
    _refused(
        lambda: result_update(
            actor=personas.employee, result=mine, kind="UTAMA", text="Y", parent=boss, goal=None
        ),
        "parent",
        "hubungan ini membentuk lingkaran",
    )


@pytest.mark.parametrize("who", ["employee", "appraiser_superior", "hr_admin", "outsider"])
def test_only_the_appraiser_approves(personas: Personas, who: str) -> None:
    plan = make_plan(employee=personas.staff.employee, state=PlanState.SUBMITTED, results=1)
    _denied(
        lambda: plan_approve(actor=personas.all()[who], plan=plan),
        "Hanya pejabat penilai SKP ini",
    )


def test_only_the_appraiser_returns(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee, state=PlanState.SUBMITTED, results=1)
    _denied(lambda: plan_return(actor=personas.employee, plan=plan, note="x"), "Hanya pejabat")


@pytest.mark.parametrize(
    ("state", "message"),
    [
        (PlanState.SUBMITTED, "SKP yang sudah diajukan tidak dapat diubah"),
        (PlanState.APPROVED, "SKP yang sudah disetujui tidak dapat diubah"),
    ],
)
def test_nobody_edits_a_submitted_or_approved_plan(
    personas: Personas, state: str, message: str
) -> None:
    plan = make_plan(employee=personas.staff.employee, state=state, results=1)
    result = plan.results.get()
    for actor in (personas.employee, personas.supervisor):
        _refused(lambda a=actor: result_add(actor=a, plan=plan, text="Baru"), "state", message)  # type: ignore[misc]
    _refused(
        lambda: indicator_add(
            actor=personas.employee, result=result, aspect="TIME", text="T", target_value=1
        ),
        "state",
        message,
    )
    _refused(
        lambda: plan_update_annex(
            actor=personas.supervisor,
            plan=plan,
            resource_support="",
            accountability_scheme="",
            consequences="",
        ),
        "state",
        message,
    )
    _refused(lambda: result_remove(actor=personas.employee, result=result), "state", message)
    _refused(lambda: plan_submit(actor=personas.employee, plan=plan), "state", message)


def test_a_plan_outside_an_open_period_is_refused(personas: Personas) -> None:
    period = make_open_period(state=PeriodState.EVALUATION)
    _refused(
        lambda: plan_start(
            actor=personas.employee, employee=personas.staff.employee, period=period
        ),
        "period",
        "SKP hanya dapat dibuat atau diubah pada tahap Perencanaan atau Pelaksanaan.",
    )
    plan = make_plan(employee=personas.staff.employee, period=period)
    _refused(
        lambda: result_add(actor=personas.employee, plan=plan, text="Baru"),
        "period",
        "sedang pada tahap Evaluasi",
    )


def test_a_non_participant_may_not_edit(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    for who in ("appraiser_superior", "agency_admin", "hr_admin", "outsider"):
        _denied(
            lambda w=who: result_add(actor=personas.all()[w], plan=plan, text="X"),  # type: ignore[misc]
            "Hanya pegawai pemilik SKP dan pejabat penilainya",
        )


def test_a_second_plan_for_the_same_post_and_period_is_refused(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    _refused(
        lambda: plan_start(
            actor=personas.employee, employee=personas.staff.employee, period=plan.period
        ),
        "period",
        "sudah memiliki SKP untuk jabatan ini",
    )


def test_someone_unrelated_may_not_start_a_plan(personas: Personas) -> None:
    period = make_open_period()
    _denied(
        lambda: plan_start(
            actor=personas.outsider, employee=personas.staff.employee, period=period
        ),
        "SKP hanya dapat dimulai oleh pegawai itu sendiri",
    )


def test_submitting_needs_a_main_result_each_with_an_indicator(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    _refused(
        lambda: plan_submit(actor=personas.employee, plan=plan),
        "results",
        "SKP belum memiliki RHK utama",
    )
    make_result(plan=plan, text="Tanpa IKI", indicators=0)
    _refused(
        lambda: plan_submit(actor=personas.employee, plan=plan),
        "indicators",
        "RHK “Tanpa IKI” belum memiliki indikator (IKI)",
    )


def test_only_the_employee_submits(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee, results=1)
    _denied(lambda: plan_submit(actor=personas.supervisor, plan=plan), "Hanya pegawai pemilik")


def test_returning_needs_a_note_and_a_submitted_plan(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee, state=PlanState.SUBMITTED, results=1)
    _refused(
        lambda: plan_return(actor=personas.supervisor, plan=plan, note=" "),
        "note",
        "Catatan pengembalian kosong tidak diterima",
    )
    draft = make_plan(employee=personas.staff.supervisor, results=1)
    _refused(
        lambda: plan_approve(actor=personas.appraiser_superior, plan=draft),
        "state",
        "SKP berstatus Draf tidak dapat disetujui",
    )


def test_revising_needs_an_approved_plan_and_a_reason(personas: Personas) -> None:
    draft = make_plan(employee=personas.staff.employee)
    _refused(
        lambda: plan_revise(actor=personas.employee, plan=draft, reason="x"),
        "state",
        "revisi hanya untuk SKP yang sudah disetujui",
    )
    approved = make_plan(employee=personas.staff.supervisor, state=PlanState.APPROVED)
    _refused(
        lambda: plan_revise(actor=personas.supervisor, plan=approved, reason=""),
        "reason",
        "Alasan revisi kosong",
    )


def test_a_second_revision_started_from_a_stale_page_is_refused(personas: Personas) -> None:
    approved = make_plan(employee=personas.staff.employee, state=PlanState.APPROVED)
    stale = type(approved).objects.get(pk=approved.pk)  # the other side's open page
    plan_revise(actor=personas.employee, plan=approved, reason="Target berubah")
    _refused(
        lambda: plan_revise(actor=personas.supervisor, plan=stale, reason="Saya juga"),
        "state",
        "Revisi SKP ini sudah dimulai",
    )


def test_an_outsider_may_not_comment(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    _denied(
        lambda: plan_comment_add(actor=personas.outsider, plan=plan, body="Hai"),
        "Hanya pegawai pemilik SKP, pejabat penilai dan atasan",
    )


def test_an_empty_comment_is_refused(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    _refused(
        lambda: plan_comment_add(actor=personas.employee, plan=plan, body=" "),
        "body",
        "Komentar kosong tidak diterima",
    )


def test_only_the_appraiser_writes_leader_expectations(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    _denied(
        lambda: expectation_set(
            actor=personas.employee, plan=plan, core_value="AKUNTABEL", text="x"
        ),
        "Ekspektasi khusus pimpinan hanya dapat ditulis oleh pejabat penilai",
    )
    _refused(
        lambda: expectation_set(actor=personas.supervisor, plan=plan, core_value="JUJUR", text="x"),
        "core_value",
        "Nilai dasar 'JUJUR' tidak dikenal",
    )


def test_only_the_owner_cascades_their_result(personas: Personas) -> None:
    result = make_result(plan=make_plan(employee=personas.staff.supervisor))
    _denied(
        lambda: result_cascade(
            actor=personas.employee, result=result, employees=[personas.staff.employee]
        ),
        "Hanya pemilik RHK",
    )


def test_a_result_others_contribute_to_is_not_removed(personas: Personas) -> None:
    parent = make_result(plan=make_plan(employee=personas.staff.supervisor), text="Induk")
    make_result(plan=make_plan(employee=personas.staff.employee), parent=parent)
    _refused(
        lambda: result_remove(actor=personas.supervisor, result=parent),
        "result",
        "RHK “Induk” tidak dapat dihapus: 1 RHK bawahan mengintervensinya",
    )


def test_copying_needs_last_years_plan(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    _refused(
        lambda: plan_copy_previous(actor=personas.employee, plan=plan),
        "plan",
        f"Tidak ada SKP tahun {plan.period.year - 1}",
    )


def test_a_return_note_longer_than_a_comment_is_refused_on_the_note(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee, state=PlanState.SUBMITTED, results=1)
    _refused(
        lambda: plan_return(actor=personas.supervisor, plan=plan, note="x" * 4001),
        "note",
        "Komentar 4.001 karakter tidak diterima",
    )


def test_a_cascade_needs_someone_and_an_open_period(personas: Personas) -> None:
    result = make_result(plan=make_plan(employee=personas.staff.supervisor))
    _refused(
        lambda: result_cascade(actor=personas.supervisor, result=result, employees=[]),
        "employees",
        "Pilih paling sedikit satu bawahan.",
    )
    closed = make_open_period(year=2025, state=PeriodState.CLOSED)
    old = make_result(plan=make_plan(employee=personas.staff.supervisor, period=closed))
    _refused(
        lambda: result_cascade(
            actor=personas.supervisor, result=old, employees=[personas.staff.employee]
        ),
        "period",
        "SKP hanya dapat dibuat atau diubah pada tahap Perencanaan atau Pelaksanaan.",
    )
