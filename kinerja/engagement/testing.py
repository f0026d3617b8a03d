"""Builders for tests of engagement (and the apps above it). They write rows directly (no
audit, no notification). One section per part; a part adds its builders in its own section."""

from __future__ import annotations

from datetime import timedelta
from itertools import count
from typing import Any

from django.utils import timezone

from kinerja.accounts.models import User
from kinerja.accounts.testing import make_user
from kinerja.engagement.models import (
    Announcement,
    AnnouncementRead,
    Audience,
    Guide,
    Suggestion,
    SuggestionState,
    TourSeen,
)
from kinerja.organization.models import Agency, Position, Unit
from kinerja.people.testing import assign, make_employee, make_position

_numbers = count(1)


# --- announcements -----------------------------------------------------------------------


def make_announcement(**fields: Any) -> Announcement:
    """A published city-wide announcement unless told (`published=False` for a draft)."""
    published = fields.pop("published", True)
    n = next(_numbers)
    values: dict[str, Any] = {
        "title": f"Pengumuman uji {n}",
        "body": "Isi **pengumuman** uji.",
        "audience": Audience.CITY,
        "published_at": timezone.now() - timedelta(minutes=5) if published else None,
    }
    values.update(fields)
    if values.get("unit") is not None and values.get("agency") is None:
        values["agency"] = values["unit"].agency
    return Announcement.objects.create(**values)


def make_member(
    *, agency: Agency, unit: Unit | None = None, supervisor: Position | None = None
) -> User:
    """An active user whose employee holds, since 2024, a pelaksana post in `agency`."""
    employee = make_employee()
    user = make_user(username=employee.nip, full_name=employee.name)
    employee.user = user
    employee.save(update_fields=["user"])
    assign(employee, make_position(agency=agency, unit=unit, supervisor=supervisor))
    return user


def make_read(announcement: Announcement, user: Any) -> AnnouncementRead:
    return AnnouncementRead.objects.create(announcement=announcement, user=user)


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


def make_suggestion(**fields: Any) -> Suggestion:
    """A waiting suggestion unless told; `state=ANSWERED` gets an answer and its time."""
    n = next(_numbers)
    values: dict[str, Any] = {
        "title": f"Saran uji {n}",
        "body": "Mohon tombol simpan dibuat lebih jelas.",
        "state": SuggestionState.SUBMITTED,
    }
    values.update(fields)
    if values["state"] != SuggestionState.SUBMITTED:
        values.setdefault("answer", "Terima kasih, sudah kami perbaiki.")
        values.setdefault("answered_at", timezone.now())
    return Suggestion.objects.create(**values)


# --- trial periods -----------------------------------------------------------------------
