"""Navigation by role: each link appears only for those who may follow it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from kinerja.accounts import permissions


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool


def _has_employee(user: Any) -> bool:
    """The account is linked to an employee record (the reverse side of Employee.user; the
    people app sits above accounts, so it is reached through the relation, not imported)."""
    if not getattr(user, "is_authenticated", False):
        return False
    try:
        return user.employee is not None
    except ObjectDoesNotExist:
        return False


def _links_for(user: Any) -> list[tuple[str, str]]:
    links = [("Tugas saya", "core:home"), ("SKP", "planning:plan_list")]
    if _has_employee(user) or permissions.is_leader(user):
        links.append(("Penilaian", "evaluation:evaluation_list"))
    if _has_employee(user) or permissions.can_read_all_agencies(user):
        links.append(("Keberatan", "appeals:objection_list"))
    if permissions.can_read_all_agencies(user) or permissions.is_agency_admin(user):
        links += [
            ("Perangkat daerah", "organization:agency_list"),
            ("Pegawai", "people:employee_list"),
            ("Kemajuan SKP", "planning:completion"),
            ("Survei kepuasan", "surveys:index"),
            ("Kurva distribusi", "evaluation:curve_index"),
        ]
    if permissions.is_hr_admin(user) or permissions.is_agency_admin(user):
        links.append(("Impor pegawai", "people_import:upload"))
        links.append(("TPP", "evaluation:allowance_index"))
    if _has_employee(user):
        links += [
            ("Umpan balik", "monitoring:feedback_index"),
            ("360°", "assessment:index"),
            ("Pengembangan", "learning:index"),
            ("Dialog", "monitoring:dialogue_index"),
            ("Profil saya", "people:my_profile"),
        ]
    links.append(("Kotak masuk", "notifications:inbox"))
    if not _has_employee(user) and (
        permissions.is_hr_admin(user) or permissions.is_agency_admin(user)
    ):
        links.append(("360°", "assessment:index"))
    if not _has_employee(user) and permissions.can_read_all_agencies(user):
        links.append(("Pengembangan", "learning:needs_index"))
    if permissions.is_hr_admin(user):
        links.append(("Periode", "periods:period_list"))
        links.append(("Kunci masuk", "accounts:lock_list"))
    if permissions.can_read_audit_trail(user):
        links.append(("Jejak audit", "audit:event_list"))
    if permissions.can_read_all_agencies(user) or permissions.is_agency_admin(user):
        links.append(("Dasbor", "reporting:city"))
    if permissions.is_hr_admin(user) or permissions.is_agency_admin(user):
        links.append(("Sosialisasi", "engagement:hub"))
    links.append(("Bantuan", "engagement:guide_index"))
    return links


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    links: list[tuple[str, str]] = []
    for label, name in _links_for(user):
        try:
            links.append((label, reverse(name)))
        except NoReverseMatch:  # an app that is not installed yet offers no link
            continue
    # The longest link that the current path starts with is the active one
    # (/pegawai/impor/ is "Impor pegawai", not also "Pegawai").
    matching = [
        url
        for _, url in links
        if request.path == url or (url != "/" and request.path.startswith(url))
    ]
    active_url = max(matching, key=len, default=None)
    items = [NavItem(label=label, url=url, active=url == active_url) for label, url in links]
    role_label = user.get_role_display() if getattr(user, "role", "") else "Pegawai"
    return {"nav_items": items, "role_label": role_label}
