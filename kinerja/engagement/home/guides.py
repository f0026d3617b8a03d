"""Home page notice of the guides part: the invitation to the first-login tour, until the user
has started or skipped it (one query)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.urls import reverse

from kinerja.core.my_tasks import HomeNotice, TaskItem
from kinerja.engagement.models import AudienceRole, TourSeen
from kinerja.organization.models import Position
from kinerja.people.holdings import covering, employee_id_for_user, today
from kinerja.people.models import Assignment

_STORED_ROLES = {
    AudienceRole.ADMIN_BKPSDM,
    AudienceRole.ADMIN_OPD,
    AudienceRole.PIMPINAN,
    AudienceRole.INSPEKTORAT,
}
"""The stored account roles (`accounts.Role` values) that are also audience roles."""


def _role_if_tour_unseen(user: Any) -> AudienceRole | None:
    """The user's main role (as `roles.main_role_of`) when they have not met the tour yet;
    None once they have, or for an account without a role. One query."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    role = str(getattr(user, "role", "") or "")
    stored = AudienceRole(role) if role in _STORED_ROLES else None
    employee_id = employee_id_for_user(user)
    if stored is None and employee_id is None:
        return None
    seen = Exists(TourSeen.objects.filter(user_id=OuterRef("pk")))
    query = get_user_model().objects.filter(pk=user.pk).annotate(seen=seen)
    if stored is None and employee_id is not None:
        held = Assignment.objects.filter(covering(today()), employee_id=employee_id).values(
            "position_id"
        )
        query = query.annotate(supervises=Exists(Position.objects.filter(supervisor_id__in=held)))
        row = query.values("seen", "supervises").first()
    else:
        row = query.values("seen").first()
    if row is None or row["seen"]:
        return None
    if stored is not None:
        return stored
    return AudienceRole.ATASAN if row["supervises"] else AudienceRole.PEGAWAI


def notices_for(user: Any) -> list[HomeNotice]:
    role = _role_if_tour_unseen(user)
    if role is None:
        return []
    return [
        HomeNotice(
            key="tour",
            title=f"Baru di Kinerja? Ikuti tur singkat untuk peran {role.label}",
            url=reverse("engagement:tour"),
            action_label="Mulai tur",
            dismiss_url=reverse("engagement:tour_skip"),
            dismiss_label="Lewati",
        )
    ]


def cards_for(user: Any) -> list[TaskItem]:
    return []
