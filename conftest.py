"""The shared cast of test users. Every app's tests use these personas.

Who may see what:
- employee        a plain ASN (NIP login, no stored role): only their own records.
- agency_admin    Admin OPD of `agency`: people and structure of `agency` only.
- other_admin     Admin OPD of `other_agency`: must see nothing of `agency`.
- hr_admin        Admin BKPSDM: everything, read and write.
- leader          Pimpinan (Wali Kota/Sekda): reads everything.
- auditor         Inspektorat: reads everything, writes nothing, reads the audit trail.
- outsider        an active account with no role and no relation: must see none of this.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.cache import cache

from kinerja.accounts.models import Role, User
from kinerja.accounts.testing import make_user
from kinerja.organization.models import Agency
from kinerja.organization.testing import make_agency


@dataclass
class Personas:
    agency: Agency
    other_agency: Agency
    employee: User
    agency_admin: User
    other_admin: User
    hr_admin: User
    leader: User
    auditor: User
    outsider: User

    def all(self) -> dict[str, User]:
        return {
            "employee": self.employee,
            "agency_admin": self.agency_admin,
            "other_admin": self.other_admin,
            "hr_admin": self.hr_admin,
            "leader": self.leader,
            "auditor": self.auditor,
            "outsider": self.outsider,
        }


@pytest.fixture
def personas(db: None) -> Personas:
    agency = make_agency(name="Dinas Kependudukan dan Pencatatan Sipil")
    other_agency = make_agency(name="Dinas Perhubungan")
    return Personas(
        agency=agency,
        other_agency=other_agency,
        employee=make_user(username="199001152015031002", full_name="Agus Wibowo"),
        agency_admin=make_user(username="admin.opd", role=Role.ADMIN_OPD, agency=agency),
        other_admin=make_user(username="admin.lain", role=Role.ADMIN_OPD, agency=other_agency),
        hr_admin=make_user(username="admin.bkpsdm", role=Role.ADMIN_BKPSDM),
        leader=make_user(username="pimpinan", role=Role.PIMPINAN),
        auditor=make_user(username="inspektorat", role=Role.INSPEKTORAT),
        outsider=make_user(username="orang.luar", full_name="Orang Luar"),
    )


@pytest.fixture(autouse=True)
def _cache_cleared() -> None:
    """Each test starts with an empty cache: login failure counters live there."""
    cache.clear()
