"""Pages of realisations: a plan's realisations by window, the form of one realisation (the
employee's), the appraiser's decision on it, and the appraiser's team view. Thin: the
selectors read and authorise, the services write and refuse."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.core.params import id_param
from kinerja.core.rendering import render_page_or_fragment
from kinerja.monitoring.charts import (
    achievement_trend_data,
    achievement_trend_summary,
    achievement_trend_svg,
)
from kinerja.monitoring.models import RealizationState
from kinerja.monitoring.permissions import (
    NOT_DECIDER,
    can_decide_realization,
    realization_decide_refusal,
    realization_write_refusal,
)
from kinerja.monitoring.realization_forms import SUBMIT, RealizationForm, ReturnForm
from kinerja.monitoring.realization_rules import is_late, is_missing, is_self_filled
from kinerja.monitoring.selectors.realizations import (
    RealizationDetail,
    realization_get_for_actor,
    realization_page_for_actor,
    realization_team_for_actor,
    window_label,
)
from kinerja.monitoring.services import evidence as evidence_services
from kinerja.monitoring.services.realizations import (
    realization_accept,
    realization_return,
    realization_save,
    realization_submit,
)
from kinerja.people.holdings import today
from kinerja.planning.selectors import indicator_target_text


def _list_url(plan_id: int, window_id: int) -> str:
    return reverse("monitoring:realizations", kwargs={"plan_id": plan_id}) + f"?jendela={window_id}"


@require_GET
def realizations(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = request_actor(request)
    try:
        window_id = id_param(request.GET.get("jendela"), label="Evaluasi periodik")
    except ValidationError as error:
        raise Http404("Evaluasi periodik tidak ditemukan.") from error
    page = realization_page_for_actor(actor=actor, plan_id=plan_id, window_id=window_id)
    charts = []
    for row in page.rows:
        labels = [point.label for point in row.trend]
        values = [point.achievement for point in row.trend]
        title = f"Capaian IKI {row.indicator.text}"
        charts.append(
            {
                "title": title,
                "svg": achievement_trend_svg(title=title, labels=labels, values=values)
                if labels
                else "",
                "summary": achievement_trend_summary(labels, values),
                "data": achievement_trend_data(labels, values),
            }
        )
    context = {
        "plan": page.plan,
        "page": page,
        "rows": list(zip(page.rows, charts, strict=True)),
        "window_label": window_label(page.window, page.plan.period.year) if page.window else "",
    }
    return render_page_or_fragment(
        request,
        page="monitoring/realizations/realizations.html",
        fragment="monitoring/realizations/_realizations_part.html",
        context=context,
    )


def _detail_context(detail: RealizationDetail, actor: Any) -> dict[str, Any]:
    realization = detail.realization
    plan, window = detail.plan, detail.window
    may_write = realization_write_refusal(actor, plan, window, realization) is None
    return {
        "plan": plan,
        "window": window,
        "window_label": window_label(window, plan.period.year),
        "indicator": detail.indicator,
        "target_text": indicator_target_text(detail.indicator),
        "realization": realization,
        "evidence_items": detail.evidence_items,
        "evidence_may_edit": may_write,
        "history": detail.history,
        "may_write": may_write,
        "write_refusal": realization_write_refusal(actor, plan, window, realization),
        "may_decide": realization is not None and can_decide_realization(actor, realization),
        "self_filled": is_self_filled(detail.indicator),
        "late": is_late(realization, window),
        "missing": is_missing(realization, window, today()),
        "list_url": _list_url(plan.pk, window.pk),
    }


def _initial(detail: RealizationDetail) -> dict[str, Any]:
    realization = detail.realization
    if realization is None:
        return {}
    return {
        "value": realization.value,
        "description": realization.description,
        "note": realization.note,
    }


@require_http_methods(["GET", "POST"])
def realization_edit(
    request: HttpRequest, plan_id: int, window_id: int, indicator_id: int
) -> HttpResponse:
    actor = request_actor(request)
    detail = realization_get_for_actor(
        actor=actor, plan_id=plan_id, window_id=window_id, indicator_id=indicator_id
    )
    form = RealizationForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial=_initial(detail),
        indicator=detail.indicator,
    )
    if request.method == "POST":
        refusal = realization_write_refusal(actor, detail.plan, detail.window, detail.realization)
        require(refusal is None, refusal or "")
        if form.is_valid() and _save(request, actor, detail, form):
            submitted = request.POST.get("aksi") == SUBMIT
            messages.success(
                request,
                "Realisasi diajukan ke pejabat penilai."
                if submitted
                else "Draf realisasi disimpan.",
            )
            return redirect(_list_url(detail.plan.pk, detail.window.pk))
        detail = realization_get_for_actor(
            actor=actor, plan_id=plan_id, window_id=window_id, indicator_id=indicator_id
        )
    context = {**_detail_context(detail, actor), "form": form}
    return render(request, "monitoring/realizations/realization_edit.html", context)


def _save(request: HttpRequest, actor: Any, detail: RealizationDetail, form: Any) -> bool:
    """Save, attach what was given, submit when asked; False (errors on the form) when a
    service refused. What was saved before a refusal stays saved."""
    data = form.cleaned_data
    try:
        realization = realization_save(
            actor=actor,
            plan=detail.plan,
            indicator=detail.indicator,
            window=detail.window,
            value=data.get("value"),
            description=data.get("description", ""),
            note=data.get("note", ""),
        )
    except ValidationError as error:
        form.add_service_errors(error)
        return False
    realization.plan = detail.plan
    realization.indicator = detail.indicator
    realization.window = detail.window
    try:
        if data.get("file"):
            evidence_services.evidence_add_file(
                actor=actor, realization=realization, upload=data["file"]
            )
        if data.get("link"):
            evidence_services.evidence_add_link(
                actor=actor, realization=realization, link=data["link"].strip()
            )
    except ValidationError as error:
        form.add_service_errors(error)
        messages.warning(request, "Realisasi disimpan, tetapi bukti dukung ditolak.")
        return False
    if request.POST.get("aksi") == SUBMIT:
        try:
            realization_submit(actor=actor, realization=realization)
        except ValidationError as error:
            form.add_service_errors(error)
            messages.warning(request, "Realisasi disimpan sebagai draf, tetapi belum diajukan.")
            return False
    return True


ACCEPT = "terima"
RETURN = "kembalikan"


@require_http_methods(["GET", "POST"])
def realization_decide(
    request: HttpRequest, plan_id: int, window_id: int, indicator_id: int
) -> HttpResponse:
    actor = request_actor(request)
    detail = realization_get_for_actor(
        actor=actor, plan_id=plan_id, window_id=window_id, indicator_id=indicator_id
    )
    realization = detail.realization
    if realization is None:
        raise Http404("Realisasi belum diisi.")
    refusal = realization_decide_refusal(actor, realization)
    require(refusal is None, refusal or NOT_DECIDER)
    form = ReturnForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                if request.POST.get("aksi") == RETURN:
                    realization_return(
                        actor=actor, realization=realization, reason=form.cleaned_data["reason"]
                    )
                    done = "Realisasi dikembalikan kepada pegawai."
                else:
                    realization_accept(actor=actor, realization=realization)
                    done = "Realisasi diterima."
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, done)
            return redirect(_list_url(detail.plan.pk, detail.window.pk))
    context = {
        **_detail_context(detail, actor),
        "form": form,
        "accept": ACCEPT,
        "return_action": RETURN,
        "submitted": realization.state == RealizationState.SUBMITTED,
    }
    return render(request, "monitoring/realizations/realization_decide.html", context)


@require_GET
def realization_team(request: HttpRequest) -> HttpResponse:
    team = realization_team_for_actor(actor=request_actor(request))
    return render(request, "monitoring/realizations/team.html", {"team": team})
