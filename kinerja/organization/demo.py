"""Demo data: Surakarta's agencies (from data/surakarta.json) and one login per role.

Idempotent: running it twice creates nothing the second time. Demo NIPs are synthetic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.utils.text import slugify

from kinerja.accounts.models import Role, User
from kinerja.accounts.services import user_create
from kinerja.organization.models import Agency, AgencyKind
from kinerja.organization.services import agency_create

DATA_DIR = Path(__file__).resolve().parent / "data"
DEMO_PASSWORD = "kinerja-demo-2026"  # noqa: S105 - published demo password, demo data only
TERRITORY_SINCE = date(2018, 1, 1)  # the 2018 split into 54 kelurahan


@dataclass(frozen=True)
class DemoLogin:
    role_label: str
    username: str
    full_name: str


def surakarta_reference() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA_DIR / "surakarta.json").read_text(encoding="utf-8"))
    return data


def demo_agencies_ensure() -> int:
    """Create every agency, kecamatan and kelurahan that does not exist yet; return how many."""
    data = surakarta_reference()
    existing = set(Agency.objects.values_list("code", flat=True))
    created = 0
    for item in data["agencies"]:
        if slugify(item["name"]) not in existing:
            agency_create(
                actor=None, name=item["name"], kind=item["kind"], valid_from=TERRITORY_SINCE
            )
            created += 1
    for kecamatan_name, kelurahan_names in data["kecamatan"].items():
        code = slugify(f"kecamatan {kecamatan_name}")
        kecamatan = Agency.objects.filter(code=code).first()
        if kecamatan is None:
            kecamatan = agency_create(
                actor=None,
                name=f"Kecamatan {kecamatan_name}",
                kind=AgencyKind.KECAMATAN,
                code=code,
                valid_from=TERRITORY_SINCE,
            )
            created += 1
        for kelurahan_name in kelurahan_names:
            code = slugify(f"kelurahan {kelurahan_name}")
            if code not in existing:
                agency_create(
                    actor=None,
                    name=f"Kelurahan {kelurahan_name}",
                    kind=AgencyKind.KELURAHAN,
                    parent=kecamatan,
                    code=code,
                    valid_from=TERRITORY_SINCE,
                )
                created += 1
    return created


DEMO_USERS: list[tuple[str, str, str, str | None]] = [
    # username, full name, role, agency code for Admin OPD
    ("admin.bkpsdm", "Rina Kusumawati, S.Psi.", Role.ADMIN_BKPSDM, None),
    (
        "admin.dukcapil",
        "Bayu Prasetyo, S.Kom.",
        Role.ADMIN_OPD,
        "dinas-kependudukan-dan-pencatatan-sipil",
    ),
    ("pimpinan", "Ir. Hadi Santoso, M.T.", Role.PIMPINAN, None),
    ("inspektorat", "Dewi Lestari, S.E., Ak.", Role.INSPEKTORAT, None),
    ("199001152015031002", "Agus Wibowo, S.Sos.", "", None),
    # A pengawas with subordinates (Kepala Seksi Identitas Penduduk, Dukcapil); the people
    # app's demo gives both NIP logins their Employee record and post.
    ("198204122008012003", "Sri Handayani, S.E., M.M.", "", None),
]


def demo_users_ensure() -> list[DemoLogin]:
    logins = []
    for username, full_name, role, agency_code in DEMO_USERS:
        if not User.objects.filter(username=username).exists():
            agency_id = (
                Agency.objects.values_list("pk", flat=True).get(code=agency_code)
                if agency_code
                else None
            )
            user_create(
                actor=None,
                username=username,
                full_name=full_name,
                role=role,
                agency_id=agency_id,
                password=DEMO_PASSWORD,
                must_change_password=False,
            )
        label = Role(role).label if role else "Pegawai"
        if username == "198204122008012003":
            label = "Atasan (pengawas)"
        logins.append(DemoLogin(role_label=str(label), username=username, full_name=full_name))
    return logins
