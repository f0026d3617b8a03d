"""Comments on a plan, a result or an indicator: the thread forms of the plan page POST here.

Without JavaScript the page reloads at the thread; with htmx only the thread is swapped. A
refused comment (empty, too long) comes back on a page of its own with the sentence under
the field and the typed text kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinerja.accounts.actors import request_actor
from kinerja.discussions.selectors import comments_for
from kinerja.discussions.subjects import subject_label
from kinerja.planning.forms import CommentForm
from kinerja.planning.models import Indicator, PerformancePlan, PlannedResult
from kinerja.planning.selectors import plan_get_for_actor
from kinerja.planning.services import (
    indicator_comment_add,
    plan_comment_add,
    result_comment_add,
)


def _comment(
    request: HttpRequest,
    plan: PerformancePlan,
    subject: Model,
    *,
    anchor: str,
    form_id: str,
    subject_text: str,
    add: Callable[[Any, str], object],
) -> HttpResponse:
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            add(request_actor(request), form.cleaned_data["body"])
        except ValidationError as error:
            form.add_service_errors(error)
    if getattr(request, "htmx", False):
        # The thread fragment, refreshed, or with the refusal under the field and the text kept.
        refused = not form.is_valid()
        context = {
            "comments": comments_for([subject]).get(subject_label(subject), []),
            "post_url": request.path,
            "may_comment": True,
            "form_id": form_id,
            "errors": form.errors.get("body", []) + form.non_field_errors() if refused else [],
            "body": request.POST.get("body", "") if refused else "",
        }
        return render(request, "discussions/_thread.html", context)
    if form.is_valid():
        url = reverse("planning:plan_detail", kwargs={"plan_id": plan.pk})
        return redirect(f"{url}#{anchor}")
    context = {
        "plan": plan,
        "form": form,
        "subject_text": subject_text,
        "cancel_url": reverse("planning:plan_detail", kwargs={"plan_id": plan.pk}),
    }
    return render(request, "planning/plan_comment.html", context, status=400)


@require_POST
def plan_comment(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_get_for_actor(actor=request_actor(request), plan_id=plan_id)
    return _comment(
        request,
        plan,
        plan,
        anchor="diskusi-skp",
        form_id="komentar-skp",
        subject_text="SKP ini",
        add=lambda actor, body: plan_comment_add(actor=actor, plan=plan, body=body),
    )


@require_POST
def result_comment(request: HttpRequest, plan_id: int, result_id: int) -> HttpResponse:
    plan = plan_get_for_actor(actor=request_actor(request), plan_id=plan_id)
    result = get_object_or_404(PlannedResult, pk=result_id, plan=plan)
    return _comment(
        request,
        plan,
        result,
        anchor=f"diskusi-rhk-{result.pk}",
        form_id=f"komentar-rhk-{result.pk}",
        subject_text=f"RHK “{result.text}”",
        add=lambda actor, body: result_comment_add(actor=actor, result=result, body=body),
    )


@require_POST
def indicator_comment(request: HttpRequest, plan_id: int, indicator_id: int) -> HttpResponse:
    plan = plan_get_for_actor(actor=request_actor(request), plan_id=plan_id)
    indicator = get_object_or_404(Indicator, pk=indicator_id, result__plan=plan)
    return _comment(
        request,
        plan,
        indicator,
        anchor=f"diskusi-iki-{indicator.pk}",
        form_id=f"komentar-iki-{indicator.pk}",
        subject_text=f"indikator “{indicator.text}”",
        add=lambda actor, body: indicator_comment_add(actor=actor, indicator=indicator, body=body),
    )
