"""Who may import employees: Admin BKPSDM for any agency, Admin OPD for their own."""

from __future__ import annotations

from typing import Any

from kinerja.accounts.permissions import is_agency_admin, is_hr_admin

IMPORT_REFUSED = "Hanya Admin BKPSDM dan Admin OPD yang dapat mengimpor pegawai."


def can_import_employees(user: Any) -> bool:
    """Admin BKPSDM imports for any agency, Admin OPD for their own (rows are checked)."""
    return is_hr_admin(user) or is_agency_admin(user)
