"""Giving feedback (`beri/?pegawai=`, or `?permintaan=` answering a request): the target is
found (404) and checked (403) before the form is shown; the service decides and explains.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.core.params import id_param
from kinerja.monitoring.feedback_forms import FeedbackGiveForm
from kinerja.monitoring.feedback_permissions import (
    feedback_give_refusal,
    feedback_request_answer_refusal,
)
from kinerja.monitoring.feedback_views.common import topic_text
from kinerja.monitoring.models import FeedbackRequest
from kinerja.monitoring.selectors.feedback import (
    feedback_request_get_for_actor,
    feedback_results_for,
)
from kinerja.monitoring.services.feedback import feedback_give as feedback_give_service
from kinerja.people.models import Employee


def _query_id(request: HttpRequest, name: str, label: str) -> int | None:
    """An id from the query string; a value that is no id finds nothing (404)."""
    try:
        return id_param(request.GET.get(name), label=label)
    except ValidationError as error:
        raise Http404(error.messages[0]) from error


def _give_target(request: HttpRequest) -> tuple[Employee, FeedbackRequest | None]:
    """The employee and, answering a request, the request: `?permintaan=` (404 unless it is
    mine or asked of me) or `?pegawai=`; refused (403) when the actor may not give."""
    actor = request_actor(request)
    request_id = _query_id(request, "permintaan", "Permintaan")
    feedback_request: FeedbackRequest | None = None
    if request_id is not None:
        feedback_request = feedback_request_get_for_actor(actor=actor, request_id=request_id)
        employee = feedback_request.employee
        refusal = feedback_request_answer_refusal(actor, feedback_request)
    else:
        employee_id = _query_id(request, "pegawai", "Pegawai")
        if employee_id is None:
            raise Http404("Pilih pegawai yang diberi umpan balik.")
        employee = get_object_or_404(Employee, pk=employee_id)
        refusal = feedback_give_refusal(actor, employee)
    if refusal:
        raise PermissionDenied(refusal)
    return employee, feedback_request


@require_http_methods(["GET", "POST"])
def feedback_give(request: HttpRequest) -> HttpResponse:
    employee, feedback_request = _give_target(request)
    initial: dict[str, Any] = {}
    if feedback_request is not None:
        initial = {
            "subject": feedback_request.subject,
            "result": feedback_request.result_id,
            "core_value": feedback_request.core_value,
        }
    form = FeedbackGiveForm(
        request.POST if request.method == "POST" else None,
        results=feedback_results_for(employee_id=employee.pk),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            feedback = feedback_give_service(
                actor=request_actor(request),
                employee=employee,
                request=feedback_request,
                **form.service_kwargs(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Umpan balik untuk {employee.full_name} terkirim.")
            return redirect("monitoring:feedback_detail", feedback_id=feedback.pk)
    context = {
        "employee": employee,
        "feedback_request": feedback_request,
        "request_topic": topic_text(feedback_request) if feedback_request else "",
        "form": form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/feedback/give.html", context, status=status)
