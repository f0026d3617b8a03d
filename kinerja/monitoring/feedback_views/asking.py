"""Requests for feedback: asking for it (`minta/`), and declining (`permintaan/<id>/tolak/`,
by the person asked, with a reason) or withdrawing (`permintaan/<id>/batalkan/`, by the
employee) one that is still open. Answering a request is the give page (giving).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.monitoring.feedback_forms import DeclineForm, FeedbackRequestForm
from kinerja.monitoring.feedback_permissions import (
    feedback_request_answer_refusal,
    feedback_request_withdraw_refusal,
)
from kinerja.monitoring.feedback_views.common import topic_text
from kinerja.monitoring.selectors.feedback import (
    feedback_colleagues_for,
    feedback_request_get_for_actor,
    feedback_results_for,
)
from kinerja.monitoring.services.feedback import feedback_request_create, feedback_request_withdraw
from kinerja.monitoring.services.feedback import (
    feedback_request_decline as feedback_request_decline_service,
)
from kinerja.people.holdings import employee_id_for_user


@require_http_methods(["GET", "POST"])
def feedback_request(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    me = employee_id_for_user(actor)
    if me is None:
        raise PermissionDenied(
            "Akun Anda tidak terhubung dengan data pegawai; umpan balik diminta oleh pegawai."
        )
    form = FeedbackRequestForm(
        request.POST if request.method == "POST" else None,
        results=feedback_results_for(employee_id=me),
        colleagues=feedback_colleagues_for(employee_id=me),
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = feedback_request_create(actor=actor, **form.service_kwargs())
        except PermissionDenied as error:
            form.add_error("colleague", str(error))
        except ValidationError as error:
            # The service names the person asked "asked"; on this form that is "colleague".
            if hasattr(error, "error_dict") and "asked" in error.error_dict:
                error = ValidationError(
                    {("colleague" if k == "asked" else k): v for k, v in error.error_dict.items()}
                )
            form.add_service_errors(error)
        else:
            messages.success(
                request, f"Permintaan umpan balik dikirim kepada {created.asked.full_name}."
            )
            return redirect(f"{reverse('monitoring:feedback_index')}?bagian=permintaan-saya")
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/feedback/request.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def feedback_request_decline(request: HttpRequest, request_id: int) -> HttpResponse:
    actor = request_actor(request)
    feedback_request = feedback_request_get_for_actor(actor=actor, request_id=request_id)
    refusal = feedback_request_answer_refusal(actor, feedback_request)
    if refusal:
        raise PermissionDenied(refusal)
    form = DeclineForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            feedback_request_decline_service(
                actor=actor, request=feedback_request, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                f"Permintaan umpan balik dari {feedback_request.employee.full_name} ditolak.",
            )
            return redirect(f"{reverse('monitoring:feedback_index')}?bagian=permintaan-masuk")
    context = {
        "feedback_request": feedback_request,
        "request_topic": topic_text(feedback_request),
        "form": form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/feedback/decline.html", context, status=status)


@require_http_methods(["GET", "POST"])
def feedback_request_withdraw_page(request: HttpRequest, request_id: int) -> HttpResponse:
    actor = request_actor(request)
    feedback_request = feedback_request_get_for_actor(actor=actor, request_id=request_id)
    refusal = feedback_request_withdraw_refusal(actor, feedback_request)
    if refusal:
        raise PermissionDenied(refusal)
    back = f"{reverse('monitoring:feedback_index')}?bagian=permintaan-saya"
    if request.method == "POST":
        feedback_request_withdraw(actor=actor, request=feedback_request)
        messages.success(
            request,
            f"Permintaan umpan balik kepada {feedback_request.asked.full_name} dibatalkan.",
        )
        return redirect(back)
    context = {
        "feedback_request": feedback_request,
        "request_topic": topic_text(feedback_request),
        "cancel_url": back,
    }
    return render(request, "monitoring/feedback/withdraw.html", context)
