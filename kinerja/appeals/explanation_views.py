"""How an evaluation's result was reached, and its timeline from the audit chain. Thin: the
selectors read and authorise (404 for whoever may not see the evaluation)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.appeals.selectors.explanation import explanation_for_actor
from kinerja.appeals.selectors.timeline import timeline_for_actor


@require_GET
def evaluation_explanation(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    explanation = explanation_for_actor(actor=request_actor(request), evaluation_id=evaluation_id)
    evaluation = explanation.evaluation
    context = {
        "explanation": explanation,
        "page": explanation.page,
        "evaluation": evaluation,
        "plan": evaluation.plan,
        "scope": explanation.page.scope,
        "evaluation_url": reverse("evaluation:evaluation_detail", args=[evaluation.pk]),
    }
    return render(request, "appeals/explanation/detail.html", context)


@require_GET
def evaluation_timeline(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    timeline = timeline_for_actor(actor=request_actor(request), evaluation_id=evaluation_id)
    evaluation = timeline.evaluation
    context = {
        "timeline": timeline,
        "evaluation": evaluation,
        "plan": evaluation.plan,
        "evaluation_url": reverse("evaluation:evaluation_detail", args=[evaluation.pk]),
    }
    return render(request, "appeals/timeline/detail.html", context)
