"""Who may do what in engagement. Stored roles are asked of accounts.permissions only."""

from __future__ import annotations

from typing import Any

from kinerja.accounts import permissions


def can_write_guides(user: Any) -> bool:
    """Guides and FAQ are written by Admin BKPSDM."""
    return permissions.is_hr_admin(user)


def can_announce(user: Any, agency_id: int | None) -> bool:
    """BKPSDM to anyone; Admin OPD to their own agency or one of its units (agency_id set)."""
    if permissions.is_hr_admin(user):
        return True
    return agency_id is not None and permissions.can_manage_agency(user, agency_id)


def can_manage_announcements(user: Any) -> bool:
    return permissions.is_hr_admin(user) or permissions.is_agency_admin(user)


def can_read_rates(user: Any, agency_id: int | None) -> bool:
    """Read rates: BKPSDM and Pimpinan for the city, Admin OPD for their agency."""
    return permissions.can_read_agency(user, agency_id) and not permissions.is_auditor(user)


def can_manage_perception(user: Any) -> bool:
    """Open and close rounds of the perception survey: Admin BKPSDM."""
    return permissions.is_hr_admin(user)


def can_read_perception(user: Any, agency_id: int | None = None) -> bool:
    """Results: BKPSDM, Pimpinan and Inspektorat for the city; Admin OPD for their agency
    (agency_id) only."""
    if agency_id is None:
        return permissions.can_read_all_agencies(user)
    return permissions.can_read_agency(user, agency_id)


def can_answer_suggestions(user: Any) -> bool:
    return permissions.is_hr_admin(user)


def can_manage_trials(user: Any) -> bool:
    """Clear a trial period or switch it to real: Admin BKPSDM."""
    return permissions.can_manage_city(user)
