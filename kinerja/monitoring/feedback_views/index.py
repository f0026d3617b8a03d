"""My feedback (`/umpan-balik/`): the tabs received, given, requests waiting for me and my
requests (`?bagian=`), paged, each row with its links (answer, decline, withdraw, the
feedback given); the competency counts on the received tab and, for an appraiser, the team.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.core.rendering import render_page_or_fragment
from kinerja.discussions.selectors import comments_for
from kinerja.discussions.subjects import subject_label
from kinerja.monitoring.feedback_views.common import topic_text
from kinerja.monitoring.models import Feedback, FeedbackRequest, FeedbackRequestState
from kinerja.monitoring.selectors.feedback import (
    feedback_competency_counts,
    feedback_list_for_actor,
    feedback_request_list_for_actor,
    feedback_team_for_actor,
)
from kinerja.people.holdings import employee_id_for_user
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
