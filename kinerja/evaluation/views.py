"""Rating pages: /penilaian/ (my evaluations and my team's to rate), starting an evaluation, one
evaluation (the appraiser's form on a draft, read-only for everyone else), saving or setting
it, and the employee's receipt. Thin: the selectors read and authorise, the services write and
refuse."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.core.params import id_param
from kinerja.core.rendering import render_page_or_fragment
from kinerja.evaluation.forms import SET, EvaluationForm, ScopeForm
from kinerja.evaluation.permissions import NOT_APPRAISER
from kinerja.evaluation.rules import ANNUAL_PARAM, Scope
from kinerja.evaluation.selectors.common import (
    PERIOD_PARAM,
    SCOPE_PARAM,
    scope_choices,
    scope_from_query,
)
from kinerja.evaluation.selectors.evaluations import (
    EvaluationPage,
    evaluation_list_for_actor,
    evaluation_page_for_actor,
)
from kinerja.evaluation.services import evaluations as services
from kinerja.periods.models import EvaluationWindow, PerformancePeriod
from kinerja.planning.selectors import plan_get_for_actor

NOT_SAVED = "Draf belum disimpan; periksa isian yang ditandai."
NOT_SET = "Draf disimpan, tetapi penilaian belum dapat ditetapkan; periksa isian yang ditandai."


def _scope(request: HttpRequest) -> tuple[Scope | None, str]:
    """The group of the query string, or the default group with the sentence that refused
    the query (bad parameters are a message on the page, never an error page)."""
    try:
        return scope_from_query(request.GET), ""
    except ValidationError as error:
        return scope_from_query({}), " ".join(error.messages)


def list_url(scope: Scope) -> str:
    return (
        reverse("evaluation:evaluation_list")
        + f"?{PERIOD_PARAM}={scope.period.pk}&{SCOPE_PARAM}={scope.param}"
    )


@require_GET
def evaluation_list(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    scope, scope_error = _scope(request)
    if scope is None:
        return render(request, "evaluation/rate/list.html", {"scope": None})
    periods = [(str(p.pk), p.name) for p in PerformancePeriod.objects.order_by("-year", "pk")]
    form = ScopeForm(
        {PERIOD_PARAM: str(scope.period.pk), SCOPE_PARAM: scope.param},
        periods=periods,
        scopes=scope_choices(scope.period),
    )
    form.is_valid()
    listing = evaluation_list_for_actor(actor=actor, scope=scope)
    context = {
        "scope": scope,
        "listing": listing,
        "form": form,
        "list_url": reverse("evaluation:evaluation_list"),
        "scope_error": scope_error,
    }
    return render_page_or_fragment(
        request,
        page="evaluation/rate/list.html",
        fragment="evaluation/rate/_list_part.html",
        context=context,
    )


@require_POST
def evaluation_start(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    try:
        plan_id = id_param(request.POST.get("plan"), label="SKP")
    except ValidationError as error:
        raise Http404("SKP tidak ditemukan.") from error
    if plan_id is None:
        raise Http404("SKP tidak ditemukan.")
    plan = plan_get_for_actor(actor=actor, plan_id=plan_id)
    raw = (request.POST.get(SCOPE_PARAM) or "").strip()
    window: EvaluationWindow | None = None
    if raw != ANNUAL_PARAM:
        try:
            window_id = id_param(raw, label="Evaluasi")
        except ValidationError as error:
            raise Http404("Evaluasi periodik tidak ditemukan.") from error
        window = EvaluationWindow.objects.filter(pk=window_id).first() if window_id else None
        if window is None:
            raise Http404("Evaluasi periodik tidak ditemukan.")
    try:
        evaluation = services.evaluation_start(actor=actor, plan=plan, window=window)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        same_period = window is None or window.period_id == plan.period_id
        return redirect(
            list_url(Scope(plan.period, window))
            if same_period
            else reverse("evaluation:evaluation_list")
        )
    return redirect(services.evaluation_url(evaluation))


def _detail(
    request: HttpRequest, page: EvaluationPage, form: EvaluationForm | None, status: int = 200
) -> HttpResponse:
    def fields(name: str, other: str) -> tuple[Any, Any]:
        if form is None or name not in form.fields:
            return None, None
        return form[name], form[other]

    main = [
        (
            row,
            *fields(
                services.result_field(row.result.pk), services.result_reason_field(row.result.pk)
            ),
        )
        for row in page.main
    ]
    additional = [
        (
            row,
            *fields(
                services.result_field(row.result.pk), services.result_reason_field(row.result.pk)
            ),
        )
        for row in page.additional
    ]
    behaviors = [
        (
            row,
            *fields(
                services.behavior_field(row.value.code),
                services.behavior_note_field(row.value.code),
            ),
        )
        for row in page.behaviors
    ]
    context: dict[str, Any] = {
        "page": page,
        "main_blocks": main,
        "additional_blocks": additional,
        "behavior_blocks": behaviors,
        "evaluation": page.evaluation,
        "plan": page.evaluation.plan,
        "scope": page.scope,
        "form": form,
        "set_action": SET,
        "list_url": list_url(page.scope),
    }
    return render(request, "evaluation/rate/detail.html", context, status=status)


@require_GET
def evaluation_detail(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    actor = request_actor(request)
    page = evaluation_page_for_actor(actor=actor, evaluation_id=evaluation_id)
    form = EvaluationForm(page=page) if page.may_rate else None
    return _detail(request, page, form)


@require_POST
def evaluation_save(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    """Save the draft ("Simpan draf") or save and set it ("Tetapkan"). What was saved before
    a refusal to set stays saved; the form re-renders with every value kept."""
    actor = request_actor(request)
    page = evaluation_page_for_actor(actor=actor, evaluation_id=evaluation_id)
    require(page.may_rate, page.change_refusal or NOT_APPRAISER)
    form = EvaluationForm(request.POST, page=page)
    if not form.is_valid():
        messages.error(request, NOT_SAVED)
        return _detail(request, page, form)
    evaluation = page.evaluation
    values = form.values()
    try:
        services.evaluation_save(
            actor=actor,
            evaluation=evaluation,
            results=form.result_inputs(),
            behaviors=form.behavior_inputs(),
            **values,
        )
    except ValidationError as error:
        form.add_service_errors(error)
        messages.error(request, NOT_SAVED)
        return _detail(request, page, form)
    if request.POST.get("aksi") == SET:
        try:
            services.evaluation_set(actor=actor, evaluation=evaluation)
        except ValidationError as error:
            page = evaluation_page_for_actor(actor=actor, evaluation_id=evaluation_id)
            form = EvaluationForm(request.POST, page=page)
            form.is_valid()
            form.add_service_errors(error)
            messages.warning(request, NOT_SET)
            return _detail(request, page, form)
        messages.success(
            request,
            f"Hasil penilaian ditetapkan: predikat {evaluation.get_predikat_display()}. "
            "Pegawai diberi tahu.",
        )
    else:
        messages.success(request, "Draf penilaian disimpan.")
    return redirect(services.evaluation_url(evaluation))


@require_POST
def evaluation_acknowledge(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    actor = request_actor(request)
    page = evaluation_page_for_actor(actor=actor, evaluation_id=evaluation_id)
    try:
        services.evaluation_acknowledge(actor=actor, evaluation=page.evaluation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Terima kasih; Anda telah menerima hasil penilaian ini.")
    return redirect(services.evaluation_url(page.evaluation))
