"""The loop of writing a plan together: submit, return with notes, resubmit, approve, revise;
threads on the plan, its results and indicators."""

from __future__ import annotations

import pytest

from kinerja.audit.models import AuditEvent
from kinerja.core.audit_labels import audit_action_label
from kinerja.discussions.selectors import comments_for, versions_for
from kinerja.discussions.versions import version_diff
from kinerja.people.testing import Personas
from kinerja.planning.models import PlanState
from kinerja.planning.services import (
    indicator_comment_add,
    plan_approve,
    plan_comment_add,
    plan_return,
    plan_revise,
    plan_submit,
    result_add,
    result_comment_add,
)
from kinerja.planning.testing import make_plan, make_result

pytestmark = pytest.mark.django_db


def _actions() -> list[str]:
    actions = AuditEvent.objects.filter(action__startswith="plan.").order_by("pk")
    return list(actions.values_list("action", flat=True))


def test_the_whole_loop_records_two_versions_and_shows_what_changed(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    make_result(plan=plan, text="Data KTP-el terolah")
    first = plan_submit(actor=personas.employee, plan=plan, note="Mohon diperiksa")
    assert (first.number, plan.version, plan.state) == (1, 1, PlanState.SUBMITTED)
    assert plan.submitted_at is not None
    plan_return(actor=personas.supervisor, plan=plan, note="Tambahkan RHK arsip")
    assert plan.state == PlanState.RETURNED
    result_add(actor=personas.employee, plan=plan, kind="UTAMA", text="Arsip tertata")
    make_result(plan=plan, text="Arsip rapi", indicators=1)
    plan.results.filter(text="Arsip tertata").delete()
    second = plan_submit(actor=personas.employee, plan=plan)
    assert second.number == 2
    plan_approve(actor=personas.supervisor, plan=plan)
    plan.refresh_from_db()
    assert (plan.state, plan.version, plan.approved_version) == (PlanState.APPROVED, 2, 2)
    versions = versions_for(plan)
    assert [v.number for v in versions] == [1, 2]
    added = [line.text for line in version_diff(versions[0], versions[1]) if line.op == "added"]
    assert any("Arsip rapi" in text for text in added)
    notes = [c.body for c in comments_for([plan])[("planning.PerformancePlan", plan.pk)]]
    assert notes == ["Tambahkan RHK arsip"]
    assert _actions() == ["plan.submitted", "plan.returned", "plan.submitted", "plan.approved"]


def test_revising_an_approved_plan_keeps_the_approved_version_in_force(
    personas: Personas,
) -> None:
    plan = make_plan(employee=personas.staff.employee, state=PlanState.APPROVED, results=1)
    plan_revise(actor=personas.employee, plan=plan, reason="Tugas baru dari Kepala Dinas")
    plan.refresh_from_db()
    assert (plan.state, plan.approved_version) == (PlanState.DRAFT, 1)
    assert _actions() == ["plan.revision_started"]
    plan_submit(actor=personas.employee, plan=plan)
    assert plan.version == 2


def test_the_mayors_side_approves_a_head_of_agency_plan(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.head, results=1)
    plan_submit(actor=None, plan=plan)
    plan_approve(actor=personas.leader, plan=plan, note="Disetujui")
    assert plan.state == PlanState.APPROVED


def test_threads_on_a_plan_a_result_and_an_indicator(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    result = make_result(plan=plan)
    indicator = result.indicators.get()
    plan_comment_add(actor=personas.appraiser_superior, plan=plan, body="Lanjutkan")
    result_comment_add(actor=personas.employee, result=result, body="Apakah sudah tepat?")
    indicator_comment_add(actor=personas.supervisor, indicator=indicator, body="Naikkan target")
    threads = comments_for([plan, result, indicator])
    assert [c.body for c in threads[("planning.PlannedResult", result.pk)]] == [
        "Apakah sudah tepat?"
    ]
    assert [c.author for c in threads[("planning.Indicator", indicator.pk)]] == [
        personas.supervisor
    ]
    assert AuditEvent.objects.filter(action="comment.added").count() == 3


def test_every_planning_action_reads_in_indonesian_in_the_audit_trail() -> None:
    labels = {
        "plan.started": "SKP dimulai",
        "plan.submitted": "SKP diajukan",
        "plan.returned": "SKP dikembalikan",
        "plan.approved": "SKP disetujui",
        "plan.revision_started": "Revisi SKP dimulai",
        "result.cascaded": "RHK diturunkan kepada bawahan",
        "indicator.removed": "IKI dihapus",
    }
    assert {action: audit_action_label(action) for action in labels} == labels
