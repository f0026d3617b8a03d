"""Perception survey pages: the questionnaire (/survei-persepsi/), the results
(/survei-persepsi/hasil/), the rounds for Admin BKPSDM (/survei-persepsi/putaran/) and closing
one (GET confirms, POST closes)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.core.charts import line_chart_svg
from kinerja.core.params import id_param
from kinerja.engagement.models import RoundState
from kinerja.engagement.perception_forms import QuestionnaireForm, RoundForm
from kinerja.engagement.perception_items import (
    DIMENSIONS,
    K_MIN,
    LOW_ACCEPTANCE,
    SUPPRESSED_TEXT,
)
from kinerja.engagement.permissions import can_manage_perception
from kinerja.engagement.selectors.perception import (
    has_answered,
    may_read_results,
    perception_results_for_actor,
    results_round_for_actor,
    round_list_for_actor,
    round_managed_get_for_actor,
    round_open_now,
)
from kinerja.engagement.services import perception as services
from kinerja.engagement.services.perception import round_open_refusal
from kinerja.people.holdings import employee_id_for_user

ROUND_PARAM = "putaran"
AGENCY_PARAM = "perangkat_daerah"


@require_http_methods(["GET", "POST"])
def perception_index(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    current = round_open_now()
    is_employee = employee_id_for_user(actor) is not None
    answered = (
        current is not None and is_employee and has_answered(actor=actor, perception_round=current)
    )
    refusal = round_open_refusal(current) if current is not None else None
    form: QuestionnaireForm | None = None
    status = 200
    if current is not None and is_employee and not answered and refusal is None:
        form = QuestionnaireForm(request.POST or None)
        if request.method == "POST":
            if form.is_valid():
                try:
                    services.perception_response_submit(
                        actor=actor,
                        round=current,
                        answers=form.answers(),
                        remark=form.cleaned_data["remark"],
                    )
                except ValidationError as error:
                    form.add_service_errors(error)
                else:
                    messages.success(
                        request, "Terima kasih, jawaban Anda tersimpan tanpa nama Anda."
                    )
                    return redirect("engagement:perception_index")
            status = 400
    elif request.method == "POST":
        raise PermissionDenied("Tidak ada survei persepsi yang dapat Anda isi saat ini.")
    context = {
        "current": current,
        "is_employee": is_employee,
        "answered": answered,
        "refusal": refusal,
        "form": form,
        "may_read": may_read_results(actor),
        "may_manage": can_manage_perception(actor),
        "k_min": K_MIN,
    }
    return render(request, "engagement/perception/index.html", context, status=status)


def _trend_charts(results: Any) -> list[dict[str, Any]]:
    points = [p for p in results.trend if not p.figures.suppressed]
    labels = [p.title for p in points]
    charts = []
    for dimension in DIMENSIONS:
        values = [p.figures.indices[dimension.code] for p in points]
        charts.append(
            {
                "title": f"Indeks {dimension.label.lower()} per putaran",
                "svg": line_chart_svg(
                    title=f"Indeks {dimension.label.lower()}",
                    labels=labels,
                    values=values,
                    series_name=dimension.label,
                    width=480,
                    height=220,
                    value_range=(0, 100),
                ),
                "data": list(zip(labels, values, strict=True)),
            }
        )
    return charts


@require_GET
def perception_results(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    try:
        round_id = id_param(request.GET.get(ROUND_PARAM), label="Putaran")
        agency_id = id_param(request.GET.get(AGENCY_PARAM), label="Perangkat daerah")
    except ValidationError:
        raise Http404 from None
    perception_round = results_round_for_actor(actor=actor, round_id=round_id)
    results = None
    if perception_round is not None:
        results = perception_results_for_actor(
            actor=actor, perception_round=perception_round, agency_id=agency_id
        )
    context = {
        "results": results,
        "rounds": list(round_list_for_actor(actor=actor)),
        "dimensions": DIMENSIONS,
        "suppressed_text": SUPPRESSED_TEXT,
        "low_acceptance": LOW_ACCEPTANCE,
        "k_min": K_MIN,
        "trend_charts": _trend_charts(results) if results and results.closed else [],
    }
    return render(request, "engagement/perception/results.html", context)


@require_http_methods(["GET", "POST"])
def perception_rounds(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    if not can_manage_perception(actor):
        raise PermissionDenied("Hanya Admin BKPSDM yang mengelola putaran survei persepsi.")
    form = RoundForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                created = services.perception_round_open(
                    actor=actor,
                    period=data["period"],
                    title=data["title"],
                    opens_on=data["opens_on"],
                    closes_on=data["closes_on"],
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, f"Putaran “{created.title}” dibuka.")
                return redirect("engagement:perception_rounds")
        status = 400
    context = {"rounds": list(round_list_for_actor(actor=actor)), "form": form}
    return render(request, "engagement/perception/rounds.html", context, status=status)


@require_http_methods(["GET", "POST"])
def perception_round_close(request: HttpRequest, round_id: int) -> HttpResponse:
    actor = request_actor(request)
    perception_round = round_managed_get_for_actor(actor=actor, round_id=round_id)
    list_url = reverse("engagement:perception_rounds")
    if perception_round.state != RoundState.OPEN:
        messages.info(request, f"Putaran “{perception_round.title}” sudah ditutup.")
        return redirect(list_url)
    if request.method == "POST":
        try:
            services.perception_round_close(actor=actor, round=perception_round)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(list_url)
        messages.success(request, f"Putaran “{perception_round.title}” ditutup.")
        return redirect(
            f"{reverse('engagement:perception_results')}?{ROUND_PARAM}={perception_round.pk}"
        )
    context = {"round": perception_round, "cancel_url": list_url}
    return render(request, "engagement/perception/round_close.html", context)
