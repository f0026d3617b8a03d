"""Home page notices of the announcements part: my unread announcements (at most three,
important first, and a link to the others), each until I read it."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from kinerja.core.my_tasks import HomeNotice, TaskItem
from kinerja.engagement.markdown import markdown_to_text
from kinerja.engagement.selectors.announcements import announcement_unread_for_actor

SHOWN = 3
EXCERPT_WORDS = 40


def notices_for(user: Any) -> list[HomeNotice]:
    """One query for the announcements (and at most one for the user's roles)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    unread = announcement_unread_for_actor(actor=user, limit=SHOWN)
    notices = []
    for item in unread:
        excerpt = Truncator(markdown_to_text(item.body)).words(EXCERPT_WORDS)
        notices.append(
            HomeNotice(
                key=f"announcement-{item.pk}",
                title=("Penting: " if item.is_important else "Pengumuman: ") + item.title,
                body_html=mark_safe(escape(excerpt)),  # noqa: S308 - escaped just above
                url=reverse("engagement:announcement_detail", kwargs={"announcement_id": item.pk}),
                action_label="Baca",
                dismiss_url=reverse(
                    "engagement:announcement_read", kwargs={"announcement_id": item.pk}
                ),
                dismiss_label="Tandai sudah dibaca",
                tone="warning" if item.is_important else "info",
            )
        )
    more = (getattr(unread[0], "unread_total", 0) - len(unread)) if unread else 0
    if more > 0:
        notices.append(
            HomeNotice(
                key="announcements-more",
                title=f"{more} pengumuman lain belum dibaca",
                url=reverse("engagement:announcement_list"),
                action_label=f"{more} pengumuman lain",
            )
        )
    return notices


def cards_for(user: Any) -> list[TaskItem]:
    return []
