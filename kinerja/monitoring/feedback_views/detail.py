"""One feedback (`<id>/`) with its reply thread, and a reply in that thread (`<id>/tanggapi/`):
without JavaScript the page reloads at the thread, with htmx only the thread is swapped.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.discussions.selectors import comments_for
from kinerja.discussions.subjects import subject_label
from kinerja.monitoring.feedback_forms import ReplyForm
from kinerja.monitoring.feedback_permissions import can_reply_feedback
from kinerja.monitoring.feedback_views.common import topic_text
from kinerja.monitoring.models import Feedback
from kinerja.monitoring.selectors.feedback import feedback_get_for_actor
from kinerja.monitoring.services.feedback import feedback_reply


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
