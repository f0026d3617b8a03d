"""The questionnaire: /360/isi/<review_id>/ (autosave with htmx, works without JavaScript).

Only the rater opens it (`review_get_for_rater`: 404 for anyone else, admins included). A full
POST saves the draft ("Simpan draf") or sends ("Kirim") and redirects; with errors the page is
shown again with everything posted kept. htmx posts the same form with `aksi=autosave` after
each change and gets back one sentence for the live region."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.assessment.answer_forms import AUTOSAVE, SAVE, SEND, AnswerForm
from kinerja.assessment.models import AnswerSheet, BehaviorReview
from kinerja.assessment.questionnaire import COMMENT_MAX, GUIDANCE
from kinerja.assessment.rules import answer_refusal
from kinerja.assessment.selectors.tasks import own_sheet, review_get_for_rater
from kinerja.assessment.services.answers import answers_save
from kinerja.people.holdings import today

NOT_SAVED = "Jawaban belum disimpan; periksa isian yang ditandai."
NOT_SENT = "Draf disimpan, tetapi jawaban belum dapat dikirim; periksa isian yang ditandai."
AUTOSAVED = "Draf tersimpan otomatis."
SAVED = "Draf jawaban disimpan. Anda dapat melanjutkannya nanti sebelum batas pengisian."
SENT = "Terima kasih; jawaban Anda terkirim."
CHANGED = "Perubahan jawaban Anda tersimpan."


def answer_url(review: BehaviorReview) -> str:
    return reverse("assessment:answer", kwargs={"review_id": review.pk})


def _page(
    request: HttpRequest,
    review: BehaviorReview,
    sheet: AnswerSheet | None,
    form: AnswerForm | None = None,
    status: int = 200,
) -> HttpResponse:
    cycle = review.reviewer_list.cycle
    refusal = answer_refusal(cycle, today())
    if form is None:
        form = AnswerForm(sheet=sheet, disabled=refusal is not None)
    context: dict[str, Any] = {
        "review": review,
        "cycle": cycle,
        "ratee": review.reviewer_list.employee,
        "sheet": sheet,
        "sent": review.submitted_on is not None,
        "refusal": refusal,
        "form": form,
        "blocks": form.blocks(),
        "guidance": GUIDANCE,
        "guidance_open": sheet is None,
        "comment_max": COMMENT_MAX,
        "autosave": AUTOSAVE,
        "save": SAVE,
        "send": SEND,
    }
    return render(request, "assessment/answer/page.html", context, status=status)


def _autosave(request: HttpRequest, review: BehaviorReview) -> HttpResponse:
    form = AnswerForm(request.POST, sheet=None)
    form.is_valid()
    scores, comments = form.answers()
    try:
        answers_save(
            actor=request_actor(request), review=review, scores=scores, comments=comments,
            submit=False,
        )  # fmt: skip
    except ValidationError as error:
        return render(
            request,
            "assessment/answer/_autosave_part.html",
            {"ok": False, "errors": error.messages},
        )
    return render(request, "assessment/answer/_autosave_part.html", {"ok": True, "text": AUTOSAVED})


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, review_id: int) -> HttpResponse:
    actor = request_actor(request)
    review = review_get_for_rater(actor=actor, review_id=review_id)
    if request.method == "GET":
        return _page(request, review, own_sheet(review=review))
    action = request.POST.get("aksi", SAVE)
    if action == AUTOSAVE:
        return _autosave(request, review)
    was_sent = review.submitted_on is not None
    form = AnswerForm(request.POST, sheet=None)
    form.is_valid()
    scores, comments = form.answers()
    try:
        answers_save(actor=actor, review=review, scores=scores, comments=comments, submit=False)
    except ValidationError as error:
        form.add_service_errors(error)
        messages.error(request, NOT_SAVED)
        return _page(request, review, own_sheet(review=review), form)
    if action == SEND and not was_sent:
        try:
            answers_save(actor=actor, review=review, scores={}, comments={}, submit=True)
        except ValidationError as error:
            form.add_service_errors(error)
            messages.warning(request, NOT_SENT)
            return _page(request, review, own_sheet(review=review), form)
        messages.success(request, SENT)
    elif was_sent:
        messages.success(request, CHANGED)
    else:
        messages.success(request, SAVED)
    return redirect(answer_url(review))
