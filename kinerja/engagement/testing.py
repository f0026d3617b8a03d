"""Builders for tests of engagement (and the apps above it). They write rows directly (no
audit, no notification). One section per part; a part adds its builders in its own section."""

from __future__ import annotations

from itertools import count
from typing import Any

from kinerja.engagement.models import Guide, TourSeen

_numbers = count(1)


# --- announcements -----------------------------------------------------------------------


# --- guides and tour ---------------------------------------------------------------------


def make_guide(
    *,
    title: str = "",
    slug: str = "",
    kind: str = "GUIDE",
    role: str = "",
    summary: str = "",
    body: str = "Isi panduan.",
    pages: str = "",
    order: int = 100,
    is_published: bool = True,
) -> Guide:
    """A guide (or FAQ entry, kind="FAQ") written directly, without the page-name check."""
    number = next(_numbers)
    return Guide.objects.create(
        title=title or f"Panduan {number}", slug=slug or f"panduan-{number}", kind=kind,
        role=role, summary=summary, body=body, pages=pages, order=order,
        is_published=is_published,
    )  # fmt: skip


def make_tour_seen(*, user: Any, role: str = "PEGAWAI", outcome: str = "STARTED") -> TourSeen:
    return TourSeen.objects.create(user=user, role=role, outcome=outcome)


# --- perception survey -------------------------------------------------------------------


# --- suggestion box ----------------------------------------------------------------------


# --- trial periods -----------------------------------------------------------------------
