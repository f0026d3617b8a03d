"""Forms that change a plan's content: results (RHK), indicators (IKI), the annex and the
leader expectations. Each is a page of its own (works without JavaScript); a refused form
comes back with the service's sentence under its field and what was typed kept."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.organization.models import ServiceUnit
from kinerja.planning.form_choices import goals_for, parent_results_for
from kinerja.planning.forms import AnnexForm, ExpectationsForm, IndicatorForm, ResultForm
from kinerja.planning.models import Indicator, PerformancePlan, PlannedResult
from kinerja.planning.page_rights import plan_rights
from kinerja.planning.selectors import plan_document_build, plan_get_for_actor
from kinerja.planning.services import (
    expectation_set,
    indicator_add,
    indicator_remove,
    indicator_update,
    plan_update_annex,
    result_add,
    result_remove,
    result_update,
)

NOT_EDITABLE = (
    "SKP ini tidak dapat Anda ubah: hanya pegawai dan pejabat penilainya yang mengubah SKP "
    "berstatus Draf atau Dikembalikan, selama periodenya terbuka."
)


def _posted(request: HttpRequest) -> QueryDict | None:
    """The submitted data, even when every field was left empty (all optional)."""
    return request.POST if request.method == "POST" else None


def _editable_plan(request: HttpRequest, plan_id: int) -> PerformancePlan:
    """The plan, if the actor may see it (else 404) and change it now (else 403)."""
    actor = request_actor(request)
    plan = plan_get_for_actor(actor=actor, plan_id=plan_id)
    require(plan_rights(actor, plan).edit, NOT_EDITABLE)
    return plan


def _detail(plan: PerformancePlan, anchor: str = "") -> str:
    url = reverse("planning:plan_detail", kwargs={"plan_id": plan.pk})
    return f"{url}#{anchor}" if anchor else url


def _form_page(
    request: HttpRequest, plan: PerformancePlan, form: Any, *, title: str, submit: str, **extra: Any
) -> HttpResponse:
    context = {"plan": plan, "form": form, "title": title, "submit": submit, **extra}
    return render(request, "planning/plan_form.html", context)


def _result_form(request: HttpRequest, plan: PerformancePlan, **kwargs: Any) -> ResultForm:
    return ResultForm(
        _posted(request),
        parents=parent_results_for(plan=plan),
        goals=goals_for(plan=plan),
        **kwargs,
    )


@require_http_methods(["GET", "POST"])
def result_add_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _editable_plan(request, plan_id)
    form = _result_form(request, plan, initial={"kind": request.GET.get("jenis", "UTAMA")})
    if request.method == "POST" and form.is_valid():
        try:
            result = result_add(actor=request_actor(request), plan=plan, **form.service_kwargs())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"RHK “{result.text}” ditambahkan.")
            return redirect(_detail(plan, f"rhk-{result.pk}"))
    return _form_page(request, plan, form, title="Tambah RHK", submit="Simpan RHK")


def _result_of(plan: PerformancePlan, result_id: int) -> PlannedResult:
    return get_object_or_404(PlannedResult, pk=result_id, plan=plan)


@require_http_methods(["GET", "POST"])
def result_edit_page(request: HttpRequest, plan_id: int, result_id: int) -> HttpResponse:
    plan = _editable_plan(request, plan_id)
    result = _result_of(plan, result_id)
    initial = {
        "kind": result.kind,
        "text": result.text,
        "parent": result.parent_id,
        "goal": result.goal_id,
        "perspective": result.perspective,
    }
    form = _result_form(request, plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            result_update(actor=request_actor(request), result=result, **form.service_kwargs())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "RHK diperbarui.")
            return redirect(_detail(plan, f"rhk-{result.pk}"))
    return _form_page(request, plan, form, title="Ubah RHK", submit="Simpan perubahan")


def _remove_page(
    request: HttpRequest, plan: PerformancePlan, *, title: str, text: str
) -> HttpResponse:
    context = {"plan": plan, "title": title, "text": text, "cancel_url": _detail(plan)}
    return render(request, "planning/plan_remove.html", context)


@require_http_methods(["GET", "POST"])
def result_remove_page(request: HttpRequest, plan_id: int, result_id: int) -> HttpResponse:
    plan = _editable_plan(request, plan_id)
    result = _result_of(plan, result_id)
    if request.method == "POST":
        try:
            result_remove(actor=request_actor(request), result=result)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"RHK “{result.text}” dihapus.")
        return redirect(_detail(plan))
    return _remove_page(
        request,
        plan,
        title="Hapus RHK ini?",
        text=f"RHK “{result.text}” dan semua indikatornya dihapus dari SKP.",
    )


def _indicator_form(request: HttpRequest, plan: PerformancePlan, **kwargs: Any) -> IndicatorForm:
    units = ServiceUnit.objects.filter(unit__agency_id=plan.position.agency_id, is_active=True)
    return IndicatorForm(_posted(request), service_units=units, **kwargs)


@require_http_methods(["GET", "POST"])
def indicator_add_page(request: HttpRequest, plan_id: int, result_id: int) -> HttpResponse:
    plan = _editable_plan(request, plan_id)
    result = _result_of(plan, result_id)
    form = _indicator_form(request, plan)
    if request.method == "POST" and form.is_valid():
        try:
            indicator_add(actor=request_actor(request), result=result, **form.service_kwargs())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Indikator ditambahkan pada RHK “{result.text}”.")
            return redirect(_detail(plan, f"rhk-{result.pk}"))
    return _form_page(
        request, plan, form, title="Tambah indikator", submit="Simpan indikator", result=result
    )


def _indicator_of(plan: PerformancePlan, indicator_id: int) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("result"), pk=indicator_id, result__plan=plan
    )


@require_http_methods(["GET", "POST"])
def indicator_edit_page(request: HttpRequest, plan_id: int, indicator_id: int) -> HttpResponse:
    plan = _editable_plan(request, plan_id)
    indicator = _indicator_of(plan, indicator_id)
    fields = IndicatorForm.base_fields
    initial = {name: getattr(indicator, name) for name in fields if name != "service_unit"}
    initial["service_unit"] = indicator.service_unit_id
    form = _indicator_form(request, plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            indicator_update(
                actor=request_actor(request), indicator=indicator, **form.service_kwargs()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Indikator diperbarui.")
            return redirect(_detail(plan, f"rhk-{indicator.result_id}"))
    return _form_page(
        request,
        plan,
        form,
        title="Ubah indikator",
        submit="Simpan perubahan",
        result=indicator.result,
    )


@require_http_methods(["GET", "POST"])
def indicator_remove_page(request: HttpRequest, plan_id: int, indicator_id: int) -> HttpResponse:
    plan = _editable_plan(request, plan_id)
    indicator = _indicator_of(plan, indicator_id)
    if request.method == "POST":
        try:
            indicator_remove(actor=request_actor(request), indicator=indicator)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"Indikator “{indicator.text}” dihapus.")
        return redirect(_detail(plan, f"rhk-{indicator.result_id}"))
    return _remove_page(
        request,
        plan,
        title="Hapus indikator ini?",
        text=f"Indikator “{indicator.text}” dihapus dari RHK “{indicator.result.text}”.",
    )


@require_http_methods(["GET", "POST"])
def annex_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _editable_plan(request, plan_id)
    names = ("approach", "resource_support", "accountability_scheme", "consequences")
    form = AnnexForm(_posted(request), initial={n: getattr(plan, n) for n in names})
    if request.method == "POST" and form.is_valid():
        try:
            plan_update_annex(
                actor=request_actor(request), plan=plan, **{n: form.cleaned_data[n] for n in names}
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Lampiran SKP disimpan.")
            return redirect(_detail(plan, "lampiran"))
    return _form_page(request, plan, form, title="Lampiran SKP", submit="Simpan lampiran")


@require_http_methods(["GET", "POST"])
def expectations_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The appraiser writes an expectation per core value (Ekspektasi khusus pimpinan)."""
    actor = request_actor(request)
    plan = plan_get_for_actor(actor=actor, plan_id=plan_id)
    require(
        plan_rights(actor, plan).expectations,
        "Ekspektasi khusus pimpinan hanya diisi oleh pejabat penilai selama SKP berstatus Draf "
        "atau Dikembalikan.",
    )
    values = [(e.code, e.name, e.text) for e in plan_document_build(plan=plan).expectations]
    form = ExpectationsForm(_posted(request), values=values)
    if request.method == "POST" and form.is_valid():
        try:
            for code, text in form.changed_values():
                expectation_set(actor=actor, plan=plan, core_value=code, text=text)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Ekspektasi khusus pimpinan disimpan.")
            return redirect(_detail(plan, "perilaku"))
    return _form_page(
        request, plan, form, title="Ekspektasi khusus pimpinan", submit="Simpan ekspektasi"
    )
