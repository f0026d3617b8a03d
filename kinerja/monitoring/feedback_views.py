"""Continuous feedback pages: my feedback (`/umpan-balik/`, received, given, requests waiting for
me, my requests; for an appraiser also their team), giving feedback (`beri/?pegawai=` or
`?permintaan=`), asking for it (`minta/`), one feedback with its reply thread, and declining or
withdrawing a request. Every view fetches through the feedback selectors (404 for those who may
not know a record) and lets the services decide and explain refusals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.core.params import id_param
from kinerja.core.rendering import render_page_or_fragment
from kinerja.discussions.selectors import comments_for
from kinerja.discussions.subjects import subject_label
from kinerja.monitoring.feedback_forms import (
    DeclineForm,
    FeedbackGiveForm,
    FeedbackRequestForm,
    ReplyForm,
)
from kinerja.monitoring.feedback_permissions import (
    can_reply_feedback,
    feedback_give_refusal,
    feedback_request_answer_refusal,
    feedback_request_withdraw_refusal,
)
from kinerja.monitoring.models import (
    Feedback,
    FeedbackRequest,
    FeedbackRequestState,
    FeedbackSubject,
)
from kinerja.monitoring.selectors.feedback import (
    feedback_colleagues_for,
    feedback_competency_counts,
    feedback_get_for_actor,
    feedback_list_for_actor,
    feedback_request_get_for_actor,
    feedback_request_list_for_actor,
    feedback_results_for,
    feedback_team_for_actor,
)
from kinerja.monitoring.services.feedback import (
    feedback_give as feedback_give_service,
)
from kinerja.monitoring.services.feedback import (
    feedback_reply,
    feedback_request_create,
    feedback_request_withdraw,
)
from kinerja.monitoring.services.feedback import (
    feedback_request_decline as feedback_request_decline_service,
)
from kinerja.people.holdings import employee_id_for_user
from kinerja.people.models import Employee
from kinerja.planning.selectors import core_values
from kinerja.scoring.formatting import format_decimal

PAGE_SIZE = 25

SECTIONS = {
    "diterima": "Diterima",
    "diberikan": "Diberikan",
    "permintaan-masuk": "Permintaan untuk saya",
    "permintaan-saya": "Permintaan saya",
}

REQUEST_TONES: dict[str, str] = {
    FeedbackRequestState.OPEN: "info",
    FeedbackRequestState.ANSWERED: "success",
    FeedbackRequestState.DECLINED: "warning",
    FeedbackRequestState.WITHDRAWN: "neutral",
}


def topic_text(obj: Feedback | FeedbackRequest) -> str:
    """What a feedback or a request is about, in words: "Hasil kerja: RHK 2 …", a core value's
    name, or "Umum"."""
    if obj.subject == FeedbackSubject.RESULT and obj.result is not None:
        return f"Hasil kerja: RHK {obj.result.number} {obj.result.text}"
    if obj.subject == FeedbackSubject.CORE_VALUE:
        names = {v.code: v.name for v in core_values()}
        return f"Nilai dasar: {names.get(obj.core_value, obj.core_value)}"
    return str(FeedbackSubject.GENERAL.label)


def _excerpt(text: str, size: int = 140) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


@dataclass(frozen=True)
class FeedbackRow:
    id: int
    url: str
    created_at: Any
    person: str
    from_appraiser: bool
    topic: str
    excerpt: str
    competencies: list[str]


@dataclass(frozen=True)
class RequestRow:
    id: int
    created_at: Any
    person: str
    topic: str
    message: str
    state_label: str
    state_tone: str
    answer_url: str
    decline_url: str
    withdraw_url: str
    feedback_url: str
    decline_reason: str


def _feedback_rows(page: Page[Feedback], *, received: bool) -> list[FeedbackRow]:
    return [
        FeedbackRow(
            id=f.pk,
            url=reverse("monitoring:feedback_detail", kwargs={"feedback_id": f.pk}),
            created_at=f.created_at,
            person=(f.author if received else f.employee).full_name,
            from_appraiser=f.author_is_appraiser,
            topic=topic_text(f),
            excerpt=_excerpt(f.text),
            competencies=[tag.get_competency_display() for tag in f.tags.all()],
        )
        for f in page
    ]


def _request_rows(page: Page[FeedbackRequest], *, waiting: bool) -> list[RequestRow]:
    """Rows of requests waiting for me (all open and asked of me: each may be answered or
    declined) or of my requests (an open one may be withdrawn), without a query per row."""
    rows = []
    declined = [r for r in page if r.state == FeedbackRequestState.DECLINED]
    threads = comments_for(declined) if declined else {}
    for r in page:
        answered = list(r.feedback.all())
        reason = threads.get(subject_label(r), [])
        is_open = r.state == FeedbackRequestState.OPEN
        rows.append(
            RequestRow(
                id=r.pk,
                created_at=r.created_at,
                person=(r.employee if waiting else r.asked).full_name,
                topic=topic_text(r),
                message=_excerpt(r.message),
                state_label=r.get_state_display(),
                state_tone=REQUEST_TONES.get(r.state, "neutral"),
                answer_url=(
                    f"{reverse('monitoring:feedback_give')}?permintaan={r.pk}"
                    if waiting and is_open
                    else ""
                ),
                decline_url=(
                    reverse("monitoring:feedback_request_decline", kwargs={"request_id": r.pk})
                    if waiting and is_open
                    else ""
                ),
                withdraw_url=(
                    reverse("monitoring:feedback_request_withdraw", kwargs={"request_id": r.pk})
                    if not waiting and is_open
                    else ""
                ),
                feedback_url=(
                    reverse("monitoring:feedback_detail", kwargs={"feedback_id": answered[0].pk})
                    if answered
                    else ""
                ),
                decline_reason=reason[0].body if reason else "",
            )
        )
    return rows


@require_GET
def feedback_index(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    me = employee_id_for_user(actor)
    section = request.GET.get("bagian", "diterima")
    if section not in SECTIONS:
        section = "diterima"
    given = {
        "diterima": feedback_list_for_actor(actor=actor, direction="received"),
        "diberikan": feedback_list_for_actor(actor=actor, direction="given"),
    }
    asked = {
        "permintaan-masuk": feedback_request_list_for_actor(actor=actor, direction="waiting"),
        "permintaan-saya": feedback_request_list_for_actor(actor=actor, direction="mine"),
    }
    counts = {key: rows.count() for key, rows in [*given.items(), *asked.items()]}
    number = request.GET.get("halaman")
    page: Page[Any]
    rows: list[Any]
    if section in given:
        feedback_page = Paginator(given[section], PAGE_SIZE).get_page(number)
        page, rows = feedback_page, _feedback_rows(feedback_page, received=section == "diterima")
    else:
        request_page = Paginator(asked[section], PAGE_SIZE).get_page(number)
        page, rows = (
            request_page,
            _request_rows(request_page, waiting=section == "permintaan-masuk"),
        )
    tabs = [
        {
            "key": key,
            "label": label,
            "count": counts[key],
            "url": f"{reverse('monitoring:feedback_index')}?bagian={key}",
            "current": key == section,
        }
        for key, label in SECTIONS.items()
    ]
    context = {
        "me": me,
        "section": section,
        "section_label": SECTIONS[section],
        "tabs": tabs,
        "page": page,
        "rows": rows,
        "query": f"bagian={section}",
        "competency_counts": (
            [
                f"{row.label}: {format_decimal(row.count, 0)}"
                for row in feedback_competency_counts(employee_id=me)
            ]
            if me is not None and section == "diterima" and page.paginator.count
            else []
        ),
        "team": feedback_team_for_actor(actor=actor),
    }
    return render_page_or_fragment(
        request,
        page="monitoring/feedback/index.html",
        fragment="monitoring/feedback/_list_part.html",
        context=context,
    )


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


def _thread_context(feedback: Feedback, actor: Any, **extra: Any) -> dict[str, Any]:
    return {
        "comments": comments_for([feedback]).get(subject_label(feedback), []),
        "post_url": reverse("monitoring:feedback_reply", kwargs={"feedback_id": feedback.pk}),
        "may_comment": can_reply_feedback(actor, feedback),
        "form_id": "tanggapan",
        "label": "Tanggapan baru",
        **extra,
    }


@require_GET
def feedback_detail(request: HttpRequest, feedback_id: int) -> HttpResponse:
    actor = request_actor(request)
    feedback = feedback_get_for_actor(actor=actor, feedback_id=feedback_id)
    context = {
        "feedback": feedback,
        "topic": topic_text(feedback),
        "competencies": [tag.get_competency_display() for tag in feedback.tags.all()],
        **_thread_context(feedback, actor),
    }
    return render(request, "monitoring/feedback/detail.html", context)


@require_POST
def feedback_reply_page(request: HttpRequest, feedback_id: int) -> HttpResponse:
    """A reply in the feedback's thread: without JavaScript the page reloads at the thread;
    with htmx only the thread is swapped; a refusal comes back under the field."""
    actor = request_actor(request)
    feedback = feedback_get_for_actor(actor=actor, feedback_id=feedback_id)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            feedback_reply(actor=actor, feedback=feedback, text=form.cleaned_data["body"])
        except ValidationError as error:
            form.add_service_errors(error)
    refused = not form.is_valid()
    extra = {
        "errors": form.errors.get("body", []) + form.non_field_errors() if refused else [],
        "body": request.POST.get("body", "") if refused else "",
    }
    if getattr(request, "htmx", False):
        return render(
            request, "discussions/_thread.html", _thread_context(feedback, actor, **extra)
        )
    if not refused:
        url = reverse("monitoring:feedback_detail", kwargs={"feedback_id": feedback.pk})
        return redirect(f"{url}#tanggapan")
    context = {
        "feedback": feedback,
        "topic": topic_text(feedback),
        "competencies": [tag.get_competency_display() for tag in feedback.tags.all()],
        **_thread_context(feedback, actor, **extra),
    }
    return render(request, "monitoring/feedback/detail.html", context, status=400)


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
