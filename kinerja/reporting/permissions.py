"""Who may see which dashboard. Pages, exports, the API and the refresh ask here.

- the city dashboard: whoever reads every agency (Admin BKPSDM, Pimpinan, Inspektorat);
- an agency's dashboard, its units and their people's figures: whoever reads that agency
  (the above, and the Admin OPD of that agency only);
- refresh the summary on demand: Admin BKPSDM and Pimpinan.

Each `*_refusal` returns the refusing sentence (or None).
"""

from __future__ import annotations

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import (
    can_read_agency,
    can_read_all_agencies,
    is_hr_admin,
    is_leader,
)

NOT_CITY_READER = "Dasbor kota hanya untuk Pimpinan, Admin BKPSDM dan Inspektorat."
NOT_AGENCY_READER = "Anda tidak berwenang melihat dasbor perangkat daerah ini."
NOT_REFRESHER = "Hanya Admin BKPSDM dan Pimpinan yang dapat memperbarui ringkasan dasbor."


def city_dashboard_refusal(actor: Actor) -> str | None:
    return None if can_read_all_agencies(actor) else NOT_CITY_READER


def agency_dashboard_refusal(actor: Actor, agency_id: int | None) -> str | None:
    return None if can_read_agency(actor, agency_id) else NOT_AGENCY_READER


def summary_refresh_refusal(actor: Actor) -> str | None:
    if actor is None or is_hr_admin(actor) or is_leader(actor):
        return None
    return NOT_REFRESHER
