"""Pages about performance periods: the list (every signed-in user), and for Admin BKPSDM the
forms to open a period, change its deadlines and move it to another stage (confirmed first)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import can_manage_city, require
from kinerja.core.rendering import render_page_or_fragment
from kinerja.core.status_tones import state_tone
from kinerja.people.holdings import today
from kinerja.periods.forms import (
    PeriodDeadlinesForm,
    PeriodOpenForm,
    PeriodShapeForm,
    PeriodTrialShapeForm,
    open_initial,
    period_initial,
)
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.periods.rules import period_moves, period_state_refusal
from kinerja.periods.selectors import (
    period_current,
    period_get_for_actor,
    period_list_for_actor,
)
from kinerja.periods.services import (
    MANAGE_REFUSAL,
    period_advance,
    period_open,
    period_update,
)
from kinerja.scoring.formatting import format_date_id as date_id

STAGE_PARAM = "ke"


@dataclass(frozen=True)
class Move:
    """A button that leads to the confirmation of a stage change."""

    label: str
    url: str
    backwards: bool


@dataclass(frozen=True)
class PeriodRow:
    period: PerformancePeriod
    url: str
    tone: str
    is_current: bool
    moves: list[Move]


def _moves(period: PerformancePeriod, *, may_manage: bool) -> list[Move]:
    if not may_manage:
        return []
    base = reverse("periods:period_stage", kwargs={"period_id": period.pk})
    current = list(PeriodState).index(PeriodState(period.state))
    moves = []
    for state in period_moves(period):
        backwards = list(PeriodState).index(state) < current
        verb = "Kembalikan ke" if backwards else "Maju ke"
        moves.append(Move(f"{verb} {state.label}", f"{base}?{STAGE_PARAM}={state}", backwards))
    return moves


def _row(period: PerformancePeriod, *, may_manage: bool, current_id: int | None) -> PeriodRow:
    return PeriodRow(
        period=period,
        url=reverse("periods:period_detail", kwargs={"period_id": period.pk}),
        tone=state_tone(period.state)[0].css,
        is_current=period.pk == current_id,
        moves=_moves(period, may_manage=may_manage),
    )


@require_GET
def period_list(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    periods = period_list_for_actor(actor=actor)
    current = period_current()
    may_manage = can_manage_city(actor)
    rows = [
        _row(p, may_manage=may_manage, current_id=current.pk if current else None) for p in periods
    ]
    context = {"rows": rows, "may_manage": may_manage, "current": current}
    return render_page_or_fragment(
        request,
        page="periods/period_list.html",
        fragment="periods/_period_table_part.html",
        context=context,
    )


@require_GET
def period_detail(request: HttpRequest, period_id: int) -> HttpResponse:
    actor = request_actor(request)
    period = period_get_for_actor(actor=actor, period_id=period_id)
    may_manage = can_manage_city(actor)
    current = period_current()
    context = {
        "row": _row(period, may_manage=may_manage, current_id=current.pk if current else None),
        "period": period,
        "windows": list(period.windows.all()),
        "today": today(),
        "dates_text": f"{date_id(period.start_date)} sampai {date_id(period.end_date)}",
        "realization_text": f"tanggal {period.realization_due_day} bulan berikutnya",
        "may_manage": may_manage,
        "may_edit": may_manage and period.state != PeriodState.CLOSED,
    }
    return render(request, "periods/period_detail.html", context)


def _service_kwargs(data: dict[str, Any]) -> dict[str, Any]:
    return {
        key: data[key]
        for key in (
            "name", "start_date", "end_date", "window_kind", "plan_due_date",
            "realization_due_day", "evaluation_due_date", "trial_agency",
        )
        if key in data
    }  # fmt: skip


@require_http_methods(["GET", "POST"])
def period_open_page(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    require(can_manage_city(actor), MANAGE_REFUSAL)
    current = period_current()
    suggested = (current.year + 1) if current and not current.is_trial else today().year
    form = PeriodOpenForm(request.POST or None, initial=open_initial(year=suggested))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            period = period_open(
                actor=actor, year=data["year"], is_trial=data["is_trial"], **_service_kwargs(data)
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                f"{period.name} dibuka pada tahap Perencanaan dengan "
                f"{period.windows.count()} evaluasi periodik.",
            )
            return redirect("periods:period_detail", period_id=period.pk)
    context = {"form": form, "title": "Buka periode penilaian", "submit": "Buka periode"}
    return render(request, "periods/period_form.html", context)


@require_http_methods(["GET", "POST"])
def period_edit_page(request: HttpRequest, period_id: int) -> HttpResponse:
    """The deadlines in every stage but Ditutup; the name, dates and windows in Perencanaan."""
    actor = request_actor(request)
    period = period_get_for_actor(actor=actor, period_id=period_id)
    require(can_manage_city(actor), MANAGE_REFUSAL)
    form_class: type[PeriodDeadlinesForm] = PeriodDeadlinesForm
    if period.state == PeriodState.PLANNING:
        form_class = PeriodTrialShapeForm if period.is_trial else PeriodShapeForm
    form = form_class(request.POST or None, initial=period_initial(period))
    if period.state == PeriodState.CLOSED:
        form.add_error(None, f"{period.name} sudah Ditutup; batas waktunya tidak dapat diubah.")
    elif request.method == "POST" and form.is_valid():
        try:
            period = period_update(actor=actor, period=period, **_service_kwargs(form.cleaned_data))
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Batas waktu {period.name} disimpan.")
            return redirect("periods:period_detail", period_id=period.pk)
    context = {
        "form": form,
        "period": period,
        "title": f"Ubah batas waktu {period.name}",
        "submit": "Simpan",
        "closed": period.state == PeriodState.CLOSED,
    }
    return render(request, "periods/period_form.html", context)


@require_http_methods(["GET", "POST"])
def period_stage_page(request: HttpRequest, period_id: int) -> HttpResponse:
    """Move a period to the stage named in `?ke=`: GET asks for confirmation, POST moves."""
    actor = request_actor(request)
    period = period_get_for_actor(actor=actor, period_id=period_id)
    require(can_manage_city(actor), MANAGE_REFUSAL)
    to_state = request.GET.get(STAGE_PARAM, "")[:40]
    detail_url = reverse("periods:period_detail", kwargs={"period_id": period.pk})
    if not to_state and request.method == "GET":
        # No stage chosen yet: offer the moves the rules allow.
        moves = _moves(period, may_manage=True)
        choice = {"period": period, "detail_url": detail_url, "moves": moves, "choosing": True,
                  "tone": state_tone(period.state)[0].css}  # fmt: skip
        return render(request, "periods/period_stage.html", choice)
    refusal = period_state_refusal(period, to_state)
    if request.method == "POST" and refusal is None:
        try:
            period = period_advance(actor=actor, period=period, to_state=to_state)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            messages.success(
                request, f"{period.name} kini pada tahap {period.get_state_display()}."
            )
            return redirect("periods:period_detail", period_id=period.pk)
    context: dict[str, Any] = {
        "period": period,
        "refusal": refusal,
        "detail_url": detail_url,
        "tone": state_tone(period.state)[0].css,
    }
    if refusal is None:
        target = PeriodState(to_state)
        context.update(
            target=target,
            danger=target in {PeriodState.EVALUATION, PeriodState.CLOSED},
            confirm_url=f"{request.path}?{STAGE_PARAM}={target}",
            consequence=_consequence(period, target),
        )
    return render(request, "periods/period_stage.html", context, status=400 if refusal else 200)


def _consequence(period: PerformancePeriod, target: PeriodState) -> str:
    """What the move means for people, in one sentence."""
    if target == PeriodState.PLANNING:
        return (
            f"{period.name} kembali ke tahap Perencanaan. SKP tetap dapat disusun dan diubah; "
            "tanggal periode dan jenis evaluasi periodik dapat diubah lagi."
        )
    if target == PeriodState.EXECUTION:
        return (
            f"{period.name} masuk tahap Pelaksanaan: pegawai mulai mengisi realisasi; SKP masih "
            "dapat disusun (misalnya oleh pegawai yang pindah jabatan)."
        )
    if target == PeriodState.EVALUATION:
        return (
            f"{period.name} masuk tahap Evaluasi: SKP tidak dapat lagi dibuat atau diubah, dan "
            "tahap tidak dapat dikembalikan lagi."
        )
    return (
        f"{period.name} ditutup: tidak ada lagi yang dapat diubah pada periode ini, termasuk "
        "batas waktunya."
    )
