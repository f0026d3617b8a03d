"""Suggestion box pages: the public answers with the submission form (/kotak-saran/), mine,
one suggestion, the BKPSDM inbox and the answer form. Thin: the selectors read and authorise,
the services write and refuse."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.engagement.models import Suggestion, SuggestionState
from kinerja.engagement.permissions import can_answer_suggestions
from kinerja.engagement.selectors.suggestions import (
    suggestion_get_for_actor,
    suggestion_inbox_for_actor,
    suggestion_list_mine,
    suggestion_public_list,
)
from kinerja.engagement.services import suggestions as services
from kinerja.people.forms import bootstrap_widgets

PAGE_SIZE = 20
STATE_TONES = {
    SuggestionState.SUBMITTED: "info",
    SuggestionState.ANSWERED: "success",
    SuggestionState.DECLINED: "neutral",
}


class _ServiceErrorsForm(forms.Form):
    def add_service_errors(self, error: ValidationError) -> None:
        for field, found in error.message_dict.items():
            target = field if field in self.fields else None
            for message in found:
                self.add_error(target, message)


class SuggestionForm(_ServiceErrorsForm):
    title = forms.CharField(label="Judul", max_length=150)
    body = forms.CharField(
        label="Saran", widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Apa yang sebaiknya diubah atau ditambah di Kinerja, dan mengapa.",
    )  # fmt: skip
    page = forms.CharField(
        label="Halaman terkait", required=False, max_length=200,
        help_text="Tidak wajib: nama atau alamat halaman yang Anda maksud.",
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bootstrap_widgets(self)


class AnswerForm(_ServiceErrorsForm):
    answer = forms.CharField(label="Jawaban", widget=forms.Textarea(attrs={"rows": 6}))
    publish = forms.TypedChoiceField(
        label="Tayangkan",
        coerce=lambda value: value == "ya",
        choices=[
            ("ya", "Tayangkan di kotak saran (tanpa nama pengirim)"),
            ("tidak", "Jawab kepada pengirim saja, tidak ditayangkan"),
        ],
        widget=forms.RadioSelect,
        initial="ya",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["answer"].widget.attrs["class"] = "form-control"


def _row(item: Suggestion) -> dict[str, Any]:
    return {
        "title": item.title,
        "url": reverse("engagement:suggestion_detail", kwargs={"suggestion_id": item.pk}),
        "state": item.get_state_display(),
        "tone": STATE_TONES.get(SuggestionState(item.state), "neutral"),
        "created_at": item.created_at,
        "answered_at": item.answered_at,
        "answer": item.answer,
        "body": item.body,
    }


@require_http_methods(["GET", "POST"])
def suggestion_list(request: HttpRequest) -> HttpResponse:
    """GET: the answered suggestions, newest answer first, and the form; POST: send one."""
    actor = request_actor(request)
    form = SuggestionForm(
        request.POST or None, initial={"page": request.GET.get("halaman_terkait", "")[:200]}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.suggestion_submit(
                actor=actor, title=data["title"], body=data["body"], page=data["page"]
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request, "Terima kasih, saran Anda terkirim. BKPSDM akan menjawabnya di sini."
            )
            return redirect("engagement:suggestion_mine")
    page = Paginator(suggestion_public_list(actor=actor), PAGE_SIZE).get_page(
        request.GET.get("halaman")
    )
    context = {
        "form": form,
        "page": page,
        "rows": [_row(item) for item in page.object_list],
        "query": "",
        "may_answer": can_answer_suggestions(actor),
    }
    status = 400 if form.errors else 200
    return render(request, "engagement/suggestions/list.html", context, status=status)


@require_GET
def suggestion_mine(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    page = Paginator(suggestion_list_mine(actor=actor), PAGE_SIZE).get_page(
        request.GET.get("halaman")
    )
    context = {"page": page, "rows": [_row(item) for item in page.object_list], "query": ""}
    return render(request, "engagement/suggestions/mine.html", context)


@require_GET
def suggestion_detail(request: HttpRequest, suggestion_id: int) -> HttpResponse:
    actor = request_actor(request)
    suggestion = suggestion_get_for_actor(actor=actor, suggestion_id=suggestion_id)
    may_answer = can_answer_suggestions(actor)
    context = {
        "suggestion": suggestion,
        "row": _row(suggestion),
        "is_mine": actor is not None and suggestion.author_id == actor.pk,
        "may_answer": may_answer and suggestion.state == SuggestionState.SUBMITTED,
        "author_name": suggestion.author.full_name if may_answer and suggestion.author else "",
    }
    return render(request, "engagement/suggestions/detail.html", context)


@require_GET
def suggestion_manage(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    state = request.GET.get("status", SuggestionState.SUBMITTED)
    rows = suggestion_inbox_for_actor(actor=actor, state=state)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("halaman"))
    context = {
        "page": page,
        "rows": [_row(item) for item in page.object_list],
        "state": state if state in SuggestionState.values else "",
        "states": [("", "Semua"), *SuggestionState.choices],
        "query": f"status={state}",
    }
    return render(request, "engagement/suggestions/manage.html", context)


@require_http_methods(["GET", "POST"])
def suggestion_answer(request: HttpRequest, suggestion_id: int) -> HttpResponse:
    actor = request_actor(request)
    suggestion = suggestion_get_for_actor(actor=actor, suggestion_id=suggestion_id)
    require(can_answer_suggestions(actor), services.NOT_ANSWERER)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.suggestion_answer(
                actor=actor,
                suggestion=suggestion,
                answer=form.cleaned_data["answer"],
                publish=form.cleaned_data["publish"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Jawaban tersimpan; pengirim diberi tahu.")
            return redirect(f"{reverse('engagement:suggestion_manage')}?status=SUBMITTED")
    context = {"form": form, "suggestion": suggestion, "row": _row(suggestion)}
    status = 400 if form.errors else 200
    return render(request, "engagement/suggestions/answer.html", context, status=status)
