"""The demo identities, defined once: logins, names, NIPs, roles and the shared password.

Read by every app's demo seed (accounts creates the logins, organization attaches the Admin OPD
to its agency, people gives the NIP logins their Employee record and post), by the printout of
`manage.py seed_demo` / `make run`, by the README check and by the tests' personas. The NIPs are
synthetic and valid (birth date and gender encoded, kinerja.scoring.nip); they belong to nobody.
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.accounts.models import Role

DEMO_PASSWORD = "demo-kinerja-surakarta"  # noqa: S105 - published demo password, demo data only


@dataclass(frozen=True)
class DemoLogin:
    username: str
    full_name: str
    """As written on official documents: name, then academic titles after a comma."""
    role: str = ""
    role_label: str = "Pegawai"
    agency_code: str = ""
    """For an Admin OPD: the code of their agency (organization/data/surakarta.json)."""

    @property
    def is_nip_login(self) -> bool:
        return len(self.username) == 18 and self.username.isdigit()

    @property
    def name(self) -> str:
        """The name without titles ("Agus Wibowo")."""
        return self.full_name.partition(", ")[0]

    @property
    def title_suffix(self) -> str:
        return self.full_name.partition(", ")[2]


DUKCAPIL_CODE = "dinas-kependudukan-dan-pencatatan-sipil"

DEMO_HR_ADMIN = DemoLogin(
    "admin.bkpsdm", "Rina Kusumawati, S.Psi.", Role.ADMIN_BKPSDM, "Admin BKPSDM"
)
DEMO_AGENCY_ADMIN = DemoLogin(
    "admin.dukcapil", "Bayu Prasetyo, S.Kom.", Role.ADMIN_OPD, "Admin OPD", DUKCAPIL_CODE
)
DEMO_LEADER = DemoLogin("pimpinan", "Ir. Hadi Santoso, M.T.", Role.PIMPINAN, "Pimpinan")
DEMO_AUDITOR = DemoLogin("inspektorat", "Dewi Lestari, S.E., Ak.", Role.INSPEKTORAT, "Inspektorat")
DEMO_EMPLOYEE = DemoLogin("199001152015031002", "Agus Wibowo, S.Sos.")
"""A pelaksana in Dukcapil (Pengolah Data dan Informasi, Seksi Identitas Penduduk)."""
DEMO_SUPERVISOR = DemoLogin(
    "198204122008012003", "Sri Handayani, S.E., M.M.", role_label="Atasan (pengawas)"
)
"""Kepala Seksi Identitas Penduduk: the employee's supervisor and appraiser; also Plt of the
vacant Seksi Pindah Datang Penduduk."""

DEMO_APPRAISER_SUPERIOR = DemoLogin(
    "197503082000032001", "Retno Wulandari, S.H., M.Si.", role_label="Atasan penilai"
)
"""Kepala Bidang Pelayanan Pendaftaran Penduduk: the demo supervisor's own supervisor, so the
appraiser's superior of the demo employee, who decides their objections."""

DEMO_LOGINS: tuple[DemoLogin, ...] = (
    DEMO_HR_ADMIN,
    DEMO_AGENCY_ADMIN,
    DEMO_LEADER,
    DEMO_AUDITOR,
    DEMO_EMPLOYEE,
    DEMO_SUPERVISOR,
    DEMO_APPRAISER_SUPERIOR,
)


def nip_spaced(nip: str) -> str:
    """A NIP as people write it: "19900115 201503 1 002" (the login accepts both)."""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def demo_logins_text() -> list[str]:
    """The lines `seed_demo` prints: every demo login and the shared password."""
    lines = [f"Login demo (kata sandi semua akun: {DEMO_PASSWORD}):"]
    for login in DEMO_LOGINS:
        lines.append(f"  {login.role_label:<18} {login.username:<22} {login.full_name}")
    return lines


def demo_email(username: str) -> str:
    """A demo login's email address, under the reserved domain `.invalid` (RFC 2606): mail to it
    is never delivered; with the default console backend `make run` prints it."""
    return f"{username.replace(' ', '')}@demo.invalid"
