"""Ajukan, Kembalikan, Setujui, Revisi: each a confirmation page (what will happen, a note,
one POST button and a way back) whose POST calls the service of the same name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.planning.forms import NoteForm
from kinerja.planning.models import PerformancePlan
from kinerja.planning.page_rights import PlanRights, plan_rights
from kinerja.planning.selectors import plan_get_for_actor
from kinerja.planning.services import plan_approve, plan_return, plan_revise, plan_submit


def _posted(request: HttpRequest) -> QueryDict | None:
    """The submitted data, even when every field was left empty (all optional)."""
    return request.POST if request.method == "POST" else None


@dataclass(frozen=True)
class Decision:
    title: str
    text: str
    confirm_label: str
    note_label: str
    note_required: bool
    allowed: Callable[[PlanRights], bool]
    refusal: str
    done: str
    danger: bool = False


SUBMIT = Decision(
    title="Ajukan SKP ke pejabat penilai?",
    text=(
        "SKP dikunci sebagai versi baru dan dikirim ke pejabat penilai. Selama diajukan, SKP "
        "tidak dapat diubah sampai dikembalikan atau disetujui."
    ),
    confirm_label="Ajukan",
    note_label="Catatan untuk pejabat penilai (tidak wajib)",
    note_required=False,
    allowed=lambda rights: rights.submit,
    refusal="Hanya pegawai pemilik SKP yang mengajukan SKP berstatus Draf atau Dikembalikan.",
    done="SKP diajukan ke pejabat penilai.",
)
RETURN = Decision(
    title="Kembalikan SKP untuk diperbaiki?",
    text="Pegawai menerima SKP kembali dengan catatan Anda dan dapat memperbaikinya.",
    confirm_label="Kembalikan",
    note_label="Catatan perbaikan",
    note_required=True,
    allowed=lambda rights: rights.decide,
    refusal="Hanya pejabat penilai yang mengembalikan SKP yang sedang diajukan.",
    done="SKP dikembalikan kepada pegawai.",
    danger=True,
)
APPROVE = Decision(
    title="Setujui SKP ini?",
    text="Versi yang diajukan menjadi SKP yang berlaku.",
    confirm_label="Setujui",
    note_label="Catatan (tidak wajib)",
    note_required=False,
    allowed=lambda rights: rights.decide,
    refusal="Hanya pejabat penilai yang menyetujui SKP yang sedang diajukan.",
    done="SKP disetujui.",
)
REVISE = Decision(
    title="Mulai revisi SKP?",
    text=(
        "SKP kembali menjadi draf untuk diubah. Versi yang sudah disetujui tetap berlaku sampai "
        "versi baru disetujui lagi."
    ),
    confirm_label="Mulai revisi",
    note_label="Alasan revisi",
    note_required=True,
    allowed=lambda rights: rights.revise,
    refusal="Hanya pegawai atau pejabat penilainya yang merevisi SKP yang sudah disetujui.",
    done="Revisi SKP dimulai; SKP kembali menjadi draf.",
)


def _decision_page(
    request: HttpRequest,
    plan_id: int,
    decision: Decision,
    act: Callable[[Any, PerformancePlan, str], object],
) -> HttpResponse:
    actor = request_actor(request)
    plan = plan_get_for_actor(actor=actor, plan_id=plan_id)
    require(decision.allowed(plan_rights(actor, plan)), decision.refusal)
    form = NoteForm(_posted(request), required=decision.note_required, label=decision.note_label)
    if request.method == "POST" and form.is_valid():
        try:
            act(actor, plan, form.cleaned_data["note"].strip())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, decision.done)
            return redirect("planning:plan_detail", plan_id=plan.pk)
    context = {
        "plan": plan,
        "decision": decision,
        "form": form,
        "cancel_url": reverse("planning:plan_detail", kwargs={"plan_id": plan.pk}),
    }
    return render(request, "planning/plan_decision.html", context)


@require_http_methods(["GET", "POST"])
def plan_submit_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _decision_page(
        request,
        plan_id,
        SUBMIT,
        lambda actor, plan, note: plan_submit(actor=actor, plan=plan, note=note),
    )


@require_http_methods(["GET", "POST"])
def plan_return_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _decision_page(
        request,
        plan_id,
        RETURN,
        lambda actor, plan, note: plan_return(actor=actor, plan=plan, note=note),
    )


@require_http_methods(["GET", "POST"])
def plan_approve_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _decision_page(
        request,
        plan_id,
        APPROVE,
        lambda actor, plan, note: plan_approve(actor=actor, plan=plan, note=note),
    )


@require_http_methods(["GET", "POST"])
def plan_revise_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _decision_page(
        request,
        plan_id,
        REVISE,
        lambda actor, plan, note: plan_revise(actor=actor, plan=plan, reason=note),
    )
