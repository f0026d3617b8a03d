"""Reading guides and FAQ: the published ones for everyone logged in (Admin BKPSDM also sees the
unpublished), the search with its excerpts, and the guide that explains a page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.engagement.markdown import markdown_to_text
from kinerja.engagement.models import AudienceRole, Guide
from kinerja.engagement.permissions import can_write_guides

EXCERPT_CHARS = 90
SEARCH_MAX = 100
"""The longest search text accepted (the form and the API cut at this length)."""


def _visible(actor: Actor) -> QuerySet[Guide]:
    guides = Guide.objects.all()
    if not can_write_guides(actor):
        guides = guides.filter(is_published=True)
    return guides


def guide_list_for_actor(*, actor: Actor, kind: str = "") -> list[Guide]:
    """Guides (or FAQ entries with kind=FAQ) in their order; one query."""
    guides = _visible(actor)
    if kind:
        guides = guides.filter(kind=kind)
    return list(guides.order_by("kind", "order", "title"))


def guide_get_for_actor(*, actor: Actor, slug: str) -> Guide:
    """One guide by its slug; 404 when it does not exist or is not published (but for BKPSDM)."""
    guide = _visible(actor).filter(slug=slug).first()
    if guide is None:
        raise Http404("Panduan tidak ditemukan.")
    return guide


@dataclass(frozen=True)
class GuideHit:
    guide: Guide
    excerpt: str


def excerpt_around(text: str, query: str, *, width: int = EXCERPT_CHARS) -> str:
    """Some words of `text` around the first hit of `query` (the start when none)."""
    text = " ".join(text.split())
    at = text.lower().find(query.lower()) if query else -1
    if at < 0:
        return text[: width * 2] + ("…" if len(text) > width * 2 else "")
    start = max(0, at - width)
    end = min(len(text), at + len(query) + width)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    if end < len(text):
        space = text.rfind(" ", at + len(query), end)
        end = space if space > 0 else end
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")


def guide_search(*, actor: Actor, q: str) -> list[GuideHit]:
    """Guides and FAQ whose title, summary or body contain `q` (case-insensitive), title hits
    first, each with an excerpt of its text around the hit; one query."""
    q = " ".join(q.split())[:SEARCH_MAX]
    if not q:
        return []
    guides = (
        _visible(actor)
        .filter(Q(title__icontains=q) | Q(summary__icontains=q) | Q(body__icontains=q))
        .annotate(
            title_hit=Case(
                When(title__icontains=q, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("title_hit", "kind", "order", "title")
    )
    hits: list[GuideHit] = []
    for guide in guides:
        words = markdown_to_text(guide.body)
        source = words if q.lower() in words.lower() else (guide.summary or words)
        hits.append(GuideHit(guide=guide, excerpt=excerpt_around(source, q)))
    return hits


def guide_for_page(*, view_name: str, roles: Sequence[AudienceRole | str]) -> Guide | None:
    """The published guide whose pages list `view_name`: the one for the first of `roles` that
    has one (roles in `roles.audience_roles_of` order), else one for everyone; None otherwise
    (the help link then falls back to a search); one query."""
    if not view_name:
        return None
    candidates = [
        guide
        for guide in Guide.objects.filter(is_published=True, pages__contains=view_name).order_by(
            "order", "title"
        )
        if view_name in guide.page_names
    ]
    for role in [*(str(r) for r in roles), ""]:
        for guide in candidates:
            if guide.role == role:
                return guide
    return None
