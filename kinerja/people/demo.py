"""The demo city: Surakarta's agencies, units, position trees, service units and employees.

`demo_city_seed(employees=N, seed=S)` is deterministic for a given N and S (one
`random.Random(seed)`, fixed iteration order) and idempotent: when the city already has
employees it only makes sure the demo logins exist. Rows are written with `bulk_create`, and
one audit event (`demo_city.seeded`) records the whole seed rather than one per row.

Structure per agency (our choices for demo data [I]):
- dinas, badan, sekretariat, inspektorat, RSUD: head of agency (JPT Pratama, no supervising
  post: rated by the Wali Kota); a sekretariat with a secretary (administrator) and two
  subbagian (pengawas); three bidang (administrator) with two seksi each (pengawas).
  Dinas Kesehatan adds one UPT Puskesmas per kecamatan (pengawas-level head).
- kecamatan: the camat is head of agency at administrator level (rated by the Wali Kota);
  a sekretaris kecamatan (administrator) and three seksi (pengawas).
- kelurahan: the lurah is head of agency at pengawas level, and the camat of the parent
  kecamatan is the lurah's supervising post (so the camat rates the lurah).
- staff (pelaksana, fungsional) fill the rest, weighted by agency size, under the pengawas
  posts (and some fungsional directly under a bidang); about 3% of posts stay vacant and
  about half of the vacant structural posts get a Plt.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from kinerja.accounts.demo_identities import DEMO_APPRAISER_SUPERIOR as DEMO_KABID_LOGIN
from kinerja.accounts.demo_identities import DEMO_EMPLOYEE as DEMO_EMPLOYEE_LOGIN
from kinerja.accounts.demo_identities import DEMO_SUPERVISOR as DEMO_SUPERVISOR_LOGIN
from kinerja.accounts.demo_identities import DemoLogin
from kinerja.accounts.models import User
from kinerja.audit.services import audit_record
from kinerja.core.demo import DemoOptions
from kinerja.organization.demo import STRUCTURE_YEARS
from kinerja.organization.models import (
    Agency,
    AgencyKind,
    Position,
    PositionKind,
    ServiceUnit,
    Unit,
)
from kinerja.people import names
from kinerja.people.holdings import employee_homes_refresh
from kinerja.people.models import Assignment, Employee, EmploymentType
from kinerja.scoring.nip import parse_nip

DUKCAPIL = "dinas-kependudukan-dan-pencatatan-sipil"
KESEHATAN = "dinas-kesehatan"
DPMPTSP = "dinas-penanaman-modal-dan-pelayanan-terpadu-satu-pintu"
PENDIDIKAN = "dinas-pendidikan"
VACANCY_SHARE = 0.03
PPPK_SHARE = 0.15
PPPK_FIRST_YEAR = 2019  # first PPPK appointments (PP 49/2018); a fact, not a demo date


@dataclass(frozen=True)
class DemoPerson:
    """A demo login's Employee record: identity from demo_identities, post and grade here."""

    login: DemoLogin
    grade: str
    post_key: str

    @property
    def nip(self) -> str:
        return self.login.username

    def employee(self) -> Employee:
        info = parse_nip(self.nip, EmploymentType.PNS)
        return Employee(
            nip=self.nip, employment_type=EmploymentType.PNS, name=self.login.name,
            title_suffix=self.login.title_suffix, gender=info.gender.value,
            birth_date=info.birth_date, grade=self.grade,
        )  # fmt: skip


DEMO_EMPLOYEE = DemoPerson(DEMO_EMPLOYEE_LOGIN, grade="III/b", post_key="dukcapil:demo-staff")
DEMO_SUPERVISOR = DemoPerson(
    DEMO_SUPERVISOR_LOGIN, grade="III/d", post_key="dukcapil:seksi-identitas"
)
DEMO_KABID = DemoPerson(DEMO_KABID_LOGIN, grade="IV/b", post_key=f"{DUKCAPIL}:bidang-1")
DEMO_PEOPLE = [DEMO_KABID, DEMO_SUPERVISOR, DEMO_EMPLOYEE]

BIDANG: dict[str, list[tuple[str, list[str]]]] = {
    DUKCAPIL: [
        ("Pelayanan Pendaftaran Penduduk", ["Identitas Penduduk", "Pindah Datang Penduduk"]),
        ("Pelayanan Pencatatan Sipil", ["Kelahiran dan Kematian", "Perkawinan dan Perceraian"]),
        (
            "Pengelolaan Informasi Administrasi Kependudukan",
            ["Sistem Informasi", "Pengolahan dan Penyajian Data"],
        ),
    ],
    KESEHATAN: [
        ("Kesehatan Masyarakat", ["Kesehatan Keluarga dan Gizi", "Promosi Kesehatan"]),
        ("Pencegahan dan Pengendalian Penyakit", ["Surveilans dan Imunisasi", "Penyakit Menular"]),
        (
            "Pelayanan dan Sumber Daya Kesehatan",
            ["Pelayanan Kesehatan", "Farmasi dan Alat Kesehatan"],
        ),
    ],
    PENDIDIKAN: [
        ("Pembinaan Sekolah Dasar", ["Kurikulum SD", "Peserta Didik SD"]),
        ("Pembinaan Sekolah Menengah Pertama", ["Kurikulum SMP", "Peserta Didik SMP"]),
        ("Pendidikan Anak Usia Dini dan Nonformal", ["PAUD", "Pendidikan Nonformal"]),
    ],
    DPMPTSP: [
        ("Pelayanan Perizinan", ["Perizinan Usaha", "Perizinan Nonusaha"]),
        ("Penanaman Modal", ["Promosi Penanaman Modal", "Pengendalian Penanaman Modal"]),
        ("Pengaduan dan Informasi", ["Pengaduan", "Data dan Informasi"]),
    ],
}
DEFAULT_BIDANG = [
    ("Program dan Evaluasi", ["Perencanaan", "Evaluasi dan Pelaporan"]),
    ("Pelayanan", ["Pelayanan Teknis", "Pembinaan dan Pengawasan"]),
    ("Pengembangan", ["Pengembangan Kapasitas", "Kerja Sama"]),
]
WEIGHTS = {PENDIDIKAN: 20.0, KESEHATAN: 12.0, DUKCAPIL: 3.0, "sekretariat-daerah": 3.0}
KIND_WEIGHTS: dict[str, float] = {
    AgencyKind.RSUD: 8.0,
    AgencyKind.KECAMATAN: 1.0,
    AgencyKind.KELURAHAN: 0.4,
}
PELAKSANA = [
    ("Pengadministrasi Perkantoran", "Klerek"),
    ("Pengolah Data dan Informasi", "Operator"),
    ("Penata Layanan Operasional", "Operator"),
    ("Operator Layanan Operasional", "Operator"),
    ("Pengelola Umum Operasional", "Teknisi"),
]
FUNGSIONAL_HEALTH: list[tuple[str, str, str]] = [
    ("Dokter", PositionKind.FUNGSIONAL_KEAHLIAN, "Ahli Pertama"),
    ("Perawat", PositionKind.FUNGSIONAL_KEAHLIAN, "Ahli Pertama"),
    ("Bidan", PositionKind.FUNGSIONAL_KETERAMPILAN, "Terampil"),
    ("Apoteker", PositionKind.FUNGSIONAL_KEAHLIAN, "Ahli Muda"),
]
FUNGSIONAL_EDUCATION: list[tuple[str, str, str]] = [
    ("Guru", PositionKind.FUNGSIONAL_KEAHLIAN, "Ahli Pertama"),
    ("Guru", PositionKind.FUNGSIONAL_KEAHLIAN, "Ahli Muda"),
    ("Pengawas Sekolah", PositionKind.FUNGSIONAL_KEAHLIAN, "Ahli Madya"),
]
FUNGSIONAL_GENERAL: list[tuple[str, str, str]] = [
    ("Analis Kebijakan", PositionKind.FUNGSIONAL_KEAHLIAN, "Ahli Muda"),
    ("Pranata Komputer", PositionKind.FUNGSIONAL_KEAHLIAN, "Ahli Pertama"),
    ("Perencana", PositionKind.FUNGSIONAL_KEAHLIAN, "Ahli Pertama"),
    ("Arsiparis", PositionKind.FUNGSIONAL_KETERAMPILAN, "Terampil"),
    ("Pranata Keuangan", PositionKind.FUNGSIONAL_KETERAMPILAN, "Mahir"),
]
# Grades that fit a post: (PNS grades, PPPK grades). Structural posts are PNS only.
GRADES: dict[tuple[str, str], tuple[list[str], list[str]]] = {
    (PositionKind.JPT, ""): (["IV/c", "IV/d"], []),
    (PositionKind.ADMINISTRATOR, ""): (["IV/a", "IV/b"], []),
    (PositionKind.PENGAWAS, ""): (["III/c", "III/d", "IV/a"], []),
    (PositionKind.PELAKSANA, ""): (
        ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b"],
        ["V", "VI", "VII"],
    ),
    (PositionKind.FUNGSIONAL_KEAHLIAN, "Ahli Pertama"): (["III/a", "III/b"], ["IX"]),
    (PositionKind.FUNGSIONAL_KEAHLIAN, "Ahli Muda"): (["III/c", "III/d"], ["X", "XI"]),
    (PositionKind.FUNGSIONAL_KEAHLIAN, "Ahli Madya"): (["IV/a", "IV/b", "IV/c"], ["XII", "XIII"]),
    (PositionKind.FUNGSIONAL_KETERAMPILAN, "Terampil"): (["II/c", "II/d"], ["VII"]),
    (PositionKind.FUNGSIONAL_KETERAMPILAN, "Mahir"): (["III/a", "III/b"], ["VIII"]),
}
AGES: dict[str, tuple[int, int]] = {
    PositionKind.JPT: (46, 58),
    PositionKind.ADMINISTRATOR: (40, 56),
    PositionKind.PENGAWAS: (34, 56),
}


@dataclass
class UnitSpec:
    key: str
    agency: Agency
    name: str
    parent: str | None = None
    service: str = ""
    obj: Unit | None = None


@dataclass
class PostSpec:
    key: str
    agency: Agency
    unit: str | None
    name: str
    kind: str
    level: str = ""
    supervisor: str | None = None
    is_head: bool = False
    staff_slots: bool = False
    obj: Position | None = None


@dataclass
class CityPlan:
    units: dict[str, UnitSpec] = field(default_factory=dict)
    posts: dict[str, PostSpec] = field(default_factory=dict)

    def unit(self, spec: UnitSpec) -> str:
        self.units[spec.key] = spec
        return spec.key

    def post(self, spec: PostSpec) -> str:
        self.posts[spec.key] = spec
        return spec.key


def _head_title(agency: Agency) -> str:
    if agency.code == "sekretariat-daerah":
        return "Sekretaris Daerah"
    if agency.code == "sekretariat-dprd":
        return "Sekretaris DPRD"
    if agency.kind == AgencyKind.INSPEKTORAT:
        return "Inspektur"
    if agency.kind == AgencyKind.RSUD:
        return f"Direktur {agency.name}"
    return f"Kepala {agency.name}"


def _plan_regular(plan: CityPlan, agency: Agency, kecamatan: list[Agency]) -> None:
    a = agency.code
    head = plan.post(
        PostSpec(
            f"{a}:head",
            agency,
            None,
            _head_title(agency),
            PositionKind.JPT,
            "Pratama",
            is_head=True,
        )
    )
    sek = plan.unit(UnitSpec(f"{a}:sekretariat", agency, "Sekretariat"))
    sekretaris = plan.post(
        PostSpec(
            f"{a}:sekretaris",
            agency,
            sek,
            "Sekretaris",
            PositionKind.ADMINISTRATOR,
            supervisor=head,
        )
    )
    for sub in ["Umum dan Kepegawaian", "Keuangan"]:
        u = plan.unit(
            UnitSpec(f"{a}:subbag-{slugify(sub)}", agency, f"Subbagian {sub}", parent=sek)
        )
        plan.post(
            PostSpec(f"{a}:subbag-{slugify(sub)}", agency, u, f"Kepala Subbagian {sub}",
                     PositionKind.PENGAWAS, supervisor=sekretaris, staff_slots=True)
        )  # fmt: skip
    bidang_list = BIDANG.get(a, DEFAULT_BIDANG)
    if agency.kind == AgencyKind.RSUD:
        bidang_list = [
            ("Pelayanan Medik", ["Pelayanan Rawat Jalan", "Pelayanan Rawat Inap"]),
            ("Keperawatan", ["Asuhan Keperawatan", "Mutu Keperawatan"]),
            ("Penunjang", ["Penunjang Medik", "Penunjang Nonmedik"]),
        ]
    for i, (bidang, seksi_list) in enumerate(bidang_list, start=1):
        label = (
            f"Inspektur Pembantu Wilayah {'I' * i}" if agency.kind == AgencyKind.INSPEKTORAT else ""
        )
        u = plan.unit(
            UnitSpec(
                f"{a}:bidang-{i}",
                agency,
                label.replace("Inspektur", "Inspektorat") or f"Bidang {bidang}",
            )
        )
        kabid = plan.post(
            PostSpec(f"{a}:bidang-{i}", agency, u, label or f"Kepala Bidang {bidang}",
                     PositionKind.ADMINISTRATOR, supervisor=head, staff_slots=True)
        )  # fmt: skip
        for j, seksi in enumerate(seksi_list, start=1):
            key = f"{a}:seksi-{i}-{j}"
            if a == DUKCAPIL and seksi == "Identitas Penduduk":
                key = "dukcapil:seksi-identitas"
            elif a == DUKCAPIL and seksi == "Pindah Datang Penduduk":
                key = "dukcapil:seksi-pindah"
            service = "Loket Pelayanan Adminduk" if key == "dukcapil:seksi-identitas" else ""
            if a == DPMPTSP and i == 1 and j == 1:
                service = "Mal Pelayanan Publik"
            su = plan.unit(UnitSpec(key, agency, f"Seksi {seksi}", parent=u, service=service))
            plan.post(
                PostSpec(key, agency, su, f"Kepala Seksi {seksi}", PositionKind.PENGAWAS,
                         supervisor=kabid, staff_slots=True)
            )  # fmt: skip
        if a == KESEHATAN and i == 3:
            for kec in kecamatan:
                place = kec.name.removeprefix("Kecamatan ")
                key = f"{a}:puskesmas-{slugify(place)}"
                pu = plan.unit(
                    UnitSpec(
                        key,
                        agency,
                        f"UPT Puskesmas {place}",
                        parent=u,
                        service=f"Puskesmas {place}",
                    )
                )
                head_name = f"Kepala UPT Puskesmas {place}"
                plan.post(
                    PostSpec(key, agency, pu, head_name, PositionKind.PENGAWAS,
                             supervisor=kabid, staff_slots=True)
                )  # fmt: skip
    if a == DUKCAPIL:
        plan.post(
            PostSpec(DEMO_EMPLOYEE.post_key, agency, "dukcapil:seksi-identitas",
                     "Pengolah Data dan Informasi", PositionKind.PELAKSANA, "Operator",
                     supervisor="dukcapil:seksi-identitas")
        )  # fmt: skip


def _plan_kecamatan(plan: CityPlan, agency: Agency) -> None:
    a = agency.code
    place = agency.name.removeprefix("Kecamatan ")
    camat = plan.post(
        PostSpec(
            f"{a}:head", agency, None, f"Camat {place}", PositionKind.ADMINISTRATOR, is_head=True
        )
    )
    sek = plan.unit(UnitSpec(f"{a}:sekretariat", agency, "Sekretariat Kecamatan"))
    sekcam = plan.post(
        PostSpec(f"{a}:sekretaris", agency, sek, "Sekretaris Kecamatan", PositionKind.ADMINISTRATOR,
                 supervisor=camat)
    )  # fmt: skip
    u = plan.unit(
        UnitSpec(f"{a}:subbag-umum", agency, "Subbagian Umum dan Kepegawaian", parent=sek)
    )
    plan.post(
        PostSpec(f"{a}:subbag-umum", agency, u, "Kepala Subbagian Umum dan Kepegawaian",
                 PositionKind.PENGAWAS, supervisor=sekcam, staff_slots=True)
    )  # fmt: skip
    for seksi in ["Pemerintahan", "Pelayanan Umum", "Pemberdayaan Masyarakat"]:
        service = f"PATEN Kecamatan {place}" if seksi == "Pelayanan Umum" else ""
        key = f"{a}:seksi-{slugify(seksi)}"
        su = plan.unit(UnitSpec(key, agency, f"Seksi {seksi}", service=service))
        plan.post(
            PostSpec(key, agency, su, f"Kepala Seksi {seksi}", PositionKind.PENGAWAS,
                     supervisor=camat, staff_slots=True)
        )  # fmt: skip


def _plan_kelurahan(plan: CityPlan, agency: Agency, parent: Agency) -> None:
    a = agency.code
    place = agency.name.removeprefix("Kelurahan ")
    u = plan.unit(
        UnitSpec(
            f"{a}:kantor",
            agency,
            f"Kantor Kelurahan {place}",
            service=f"Pelayanan Kelurahan {place}",
        )
    )
    plan.post(
        PostSpec(f"{a}:head", agency, u, f"Lurah {place}", PositionKind.PENGAWAS, is_head=True,
                 supervisor=f"{parent.code}:head", staff_slots=True)
    )  # fmt: skip


def _weight(agency: Agency) -> float:
    return WEIGHTS.get(agency.code, KIND_WEIGHTS.get(agency.kind, 1.5))


def _fungsional_for(agency: Agency) -> list[tuple[str, str, str]]:
    if agency.code == KESEHATAN or agency.kind == AgencyKind.RSUD:
        return FUNGSIONAL_HEALTH
    if agency.code == PENDIDIKAN:
        return FUNGSIONAL_EDUCATION
    return FUNGSIONAL_GENERAL


def _plan_staff(plan: CityPlan, agencies: list[Agency], count: int, rng: random.Random) -> None:
    """Spread `count` staff posts over agencies by weight, then over their slot posts."""
    total_weight = sum(_weight(a) for a in agencies)
    slots: dict[int, list[PostSpec]] = {}
    for spec in plan.posts.values():
        if spec.staff_slots:
            slots.setdefault(spec.agency.pk, []).append(spec)
    shares = [(a, count * _weight(a) / total_weight) for a in agencies]
    allotted = {a.pk: int(share) for a, share in shares}
    rest = count - sum(allotted.values())
    for a, _share in sorted(shares, key=lambda s: (-(s[1] - int(s[1])), s[0].code))[:rest]:
        allotted[a.pk] += 1
    n = 0
    for agency in agencies:
        parents = slots.get(agency.pk, [])
        if not parents:
            continue
        fungsional = _fungsional_for(agency)
        for i in range(allotted[agency.pk]):
            parent = parents[i % len(parents)]
            n += 1
            if agency.kind != AgencyKind.KELURAHAN and rng.random() < 0.3:
                base, kind, level = fungsional[rng.randrange(len(fungsional))]
                name = f"{base} {level}"
            else:
                name, level = PELAKSANA[rng.randrange(len(PELAKSANA))]
                kind = PositionKind.PELAKSANA
            plan.post(
                PostSpec(
                    f"staff-{n}", agency, parent.unit, name, kind, level, supervisor=parent.key
                )
            )


@dataclass
class SeedResult:
    created: bool
    agencies: int = 0
    units: int = 0
    positions: int = 0
    employees: int = 0
    vacancies: int = 0
    acting: int = 0


class NipMaker:
    """Synthetic, valid, unique NIPs consistent with gender and birth date."""

    def __init__(self, reserved: set[str], *, today: date) -> None:
        self.used = set(reserved)
        self.year, self.month = today.year, today.month

    def make(self, *, birth: date, gender: str, pns: bool, rng: random.Random) -> str:
        g = "1" if gender == "L" else "2"
        if pns:
            year = min(birth.year + rng.randint(21, 30), self.year)
            month = rng.randint(1, 12)
            if (year, month) > (self.year, self.month):  # appointed later this year: last year
                year -= 1
            middle = f"{year:04d}{month:02d}"
        else:
            year = rng.randint(max(PPPK_FIRST_YEAR, birth.year + 19), self.year)
            middle = f"{year:04d}21"  # a PPPK code (digits 13-14) is never a month
        seq = rng.randint(1, 9)
        while True:
            nip = f"{birth:%Y%m%d}{middle}{g}{seq:03d}"
            if nip not in self.used:
                self.used.add(nip)
                return nip
            seq += 1


def _person(
    spec: PostSpec, rng: random.Random, nips: NipMaker, today: date
) -> tuple[Employee, str]:
    gender = "L" if rng.random() < 0.55 else "P"
    low, high = AGES.get(spec.kind, (23, 57))
    age = rng.randint(low, high)
    birth = date(today.year - age, 1, 1) + timedelta(days=rng.randrange(365))
    structural = spec.kind in AGES
    pns = structural or rng.random() >= PPPK_SHARE
    pns_grades, pppk_grades = GRADES.get(
        (spec.kind, spec.level), GRADES.get((spec.kind, ""), GRADES[(PositionKind.PELAKSANA, "")])
    )
    if not pppk_grades:
        pns = True
    grade = rng.choice(pns_grades if pns else pppk_grades)
    if gender == "L":
        given, family = names.MALE_GIVEN, names.MALE_FAMILY
    else:
        given, family = names.FEMALE_GIVEN, names.FEMALE_FAMILY
    parts = [rng.choice(given)]
    if rng.random() < 0.25:
        parts.append(rng.choice(given))
    if rng.random() < 0.75:
        parts.append(rng.choice(family))
    prefix, suffix = "", ""
    base = spec.name.split(" ")[0]
    if base in names.HEALTH:
        prefix, suffix = names.HEALTH[base]
        if rng.random() < 0.2 and prefix:
            suffix = names.HEALTH_MASTER
    elif spec.kind == PositionKind.PELAKSANA:
        suffix = rng.choice(["", "", rng.choice(names.DIPLOMA), rng.choice(names.BACHELOR)])
    else:
        suffix = rng.choice(names.BACHELOR)
        if structural and rng.random() < 0.6:
            suffix = f"{suffix}, {rng.choice(names.MASTER)}"
        if spec.kind == PositionKind.JPT and rng.random() < 0.2:
            prefix = names.DOCTOR_PREFIX
        elif suffix.startswith("S.T.") and rng.random() < 0.3:
            prefix, suffix = names.ENGINEER_PREFIX, suffix.removeprefix("S.T.").strip(", ")
    nip = nips.make(birth=birth, gender=gender, pns=pns, rng=rng)
    employee = Employee(
        nip=nip,
        employment_type=EmploymentType.PNS if pns else EmploymentType.PPPK,
        name=" ".join(dict.fromkeys(parts)),
        title_prefix=prefix,
        title_suffix=suffix,
        gender=gender,
        birth_date=birth,
        grade=grade,
    )
    return employee, spec.key


def _batches(items: list[Any], size: int = 2000) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _plan_city(employees: int, rng: random.Random) -> tuple[CityPlan, list[Agency]]:
    agencies = list(Agency.objects.order_by("code"))
    kecamatan = [a for a in agencies if a.kind == AgencyKind.KECAMATAN]
    by_pk = {a.pk: a for a in agencies}
    plan = CityPlan()
    for agency in agencies:
        if agency.kind == AgencyKind.KECAMATAN:
            _plan_kecamatan(plan, agency)
        elif agency.kind == AgencyKind.KELURAHAN:
            assert agency.parent_id is not None
            _plan_kelurahan(plan, agency, by_pk[agency.parent_id])
        else:
            _plan_regular(plan, agency, kecamatan)
    wanted = math.ceil(employees / (1 - VACANCY_SHARE))
    _plan_staff(plan, agencies, max(0, wanted - len(plan.posts)), rng)
    return plan, agencies


def _create_units(plan: CityPlan, since: date) -> list[ServiceUnit]:
    pending = list(plan.units.values())
    while pending:
        ready = [u for u in pending if u.parent is None or plan.units[u.parent].obj is not None]
        objs = [
            Unit(
                agency=u.agency,
                parent=plan.units[u.parent].obj if u.parent else None,
                code=u.key.split(":", 1)[1],
                name=u.name,
                valid_from=since,
            )
            for u in ready
        ]
        for spec, obj in zip(ready, Unit.objects.bulk_create(objs, batch_size=2000), strict=True):
            spec.obj = obj
        pending = [u for u in pending if u.obj is None]
    services = [
        ServiceUnit(unit=u.obj, name=u.service, slug=slugify(u.service))
        for u in plan.units.values()
        if u.service
    ]
    return ServiceUnit.objects.bulk_create(services)


def _create_posts(plan: CityPlan, since: date) -> None:
    pending = list(plan.posts.values())
    while pending:
        ready = [
            p for p in pending if p.supervisor is None or plan.posts[p.supervisor].obj is not None
        ]
        objs = [
            Position(
                agency=p.agency,
                unit=plan.units[p.unit].obj if p.unit else None,
                name=p.name,
                kind=p.kind,
                level=p.level,
                supervisor=plan.posts[p.supervisor].obj if p.supervisor else None,
                is_head_of_agency=p.is_head,
                valid_from=since,
            )
            for p in ready
        ]
        for batch_specs, batch in zip(_batches(ready), _batches(objs), strict=True):
            for spec, obj in zip(batch_specs, Position.objects.bulk_create(batch), strict=True):
                spec.obj = obj
        pending = [p for p in pending if p.obj is None]


def demo_city_seed(*, employees: int, seed: int, today: date | None = None) -> SeedResult:
    """Build the demo city with `employees` employees, unless it already has employees.

    Needs the agencies and logins of the seeds below (run by `seed_demo` in layer order).
    Every date counts back from `today` (the real date by default).
    """
    today = today or timezone.localdate()
    since = date(today.year - STRUCTURE_YEARS, 1, 1)
    if Employee.objects.exists():
        _link_demo_logins()
        return SeedResult(created=False)
    rng = random.Random(seed)  # noqa: S311 - demo data, deterministic on purpose
    plan, agencies = _plan_city(employees, rng)
    posts = list(plan.posts.values())
    reserved = {p.post_key for p in DEMO_PEOPLE} | {"dukcapil:seksi-pindah"}
    heads = {p.key for p in posts if p.is_head}
    candidates = [p.key for p in posts if p.key not in heads and p.key not in reserved]
    vacancy_count = max(len(posts) - employees, 0)
    vacant = (
        set(rng.sample(candidates, min(vacancy_count - 1, len(candidates))))
        if vacancy_count > 1
        else set()
    )
    vacant.add("dukcapil:seksi-pindah")
    with transaction.atomic():
        service_units = _create_units(plan, since)
        _create_posts(plan, since)
        nips = NipMaker({p.nip for p in DEMO_PEOPLE}, today=today)
        people: list[Employee] = []
        holds: list[str] = []
        fixed = {p.post_key: p for p in DEMO_PEOPLE}
        for spec in posts:
            if spec.key in vacant:
                continue
            demo = fixed.get(spec.key)
            if demo is not None:
                people.append(demo.employee())
                holds.append(spec.key)
                continue
            person, key = _person(spec, rng, nips, today)
            people.append(person)
            holds.append(key)
        created: list[Employee] = []
        for batch in _batches(people):
            created.extend(Employee.objects.bulk_create(batch))
        holder_of = dict(zip(holds, created, strict=True))
        assignments = []
        for key, employee in holder_of.items():
            year = max(rng.randint(since.year, today.year - 1), employee.birth_date.year + 21)
            start = date(min(year, today.year - 1), rng.randint(1, 12), 1)
            if key == DEMO_EMPLOYEE.post_key:
                start = date(today.year - 3, 1, 2)
            post = plan.posts[key].obj
            assert post is not None
            assignments.append(Assignment(employee=employee, position=post, start_date=start))
        acting = 0
        for key in sorted(vacant):
            spec = plan.posts[key]
            if spec.kind not in (PositionKind.ADMINISTRATOR, PositionKind.PENGAWAS):
                continue
            if key != "dukcapil:seksi-pindah" and rng.random() < 0.5:
                continue
            siblings = [
                p.key for p in posts
                if p.supervisor == spec.supervisor and p.kind == spec.kind and p.key in holder_of
            ] if key != "dukcapil:seksi-pindah" else ["dukcapil:seksi-identitas"]  # fmt: skip
            if not siblings:
                continue
            post = spec.obj
            assert post is not None
            assignments.append(
                Assignment(
                    employee=holder_of[siblings[0]], position=post,
                    start_date=date(today.year - 1, 1, 2), is_acting=True,
                    acting_kind=Assignment.ActingKind.PLT,
                    note="Plt selama jabatan lowong",
                )
            )  # fmt: skip
            acting += 1
        for batch in _batches(assignments):
            Assignment.objects.bulk_create(batch)
        employee_homes_refresh(employee_ids=[employee.pk for employee in created])
        result = SeedResult(
            created=True,
            agencies=len(agencies),
            units=len(plan.units),
            positions=len(posts),
            employees=len(created),
            vacancies=len(vacant),
            acting=acting,
        )
        audit_record(
            actor=None,
            action="demo_city.seeded",
            after={
                "seed": seed,
                "agencies": result.agencies,
                "units": result.units,
                "service_units": len(service_units),
                "positions": result.positions,
                "employees": result.employees,
                "vacancies": result.vacancies,
                "acting": result.acting,
            },
        )
    _link_demo_logins()
    return result


def _link_demo_logins() -> None:
    """Give each NIP login of the demo its Employee record."""
    for person in DEMO_PEOPLE:
        user = User.objects.filter(username=person.nip).first()
        if user is not None:
            Employee.objects.filter(nip=person.nip, user__isnull=True).update(user=user)


def demo_seed(options: DemoOptions) -> list[str]:
    """The people seed of `seed_demo`: the city's posts and employees, then the demo logins'
    Employee records."""
    result = demo_city_seed(employees=options.employees, seed=options.seed, today=options.today)
    if not result.created:
        return ["Kota demo sudah berisi pegawai; hanya memastikan akun demo."]
    return [
        f"Kota demo dibuat: {result.agencies} perangkat daerah, {result.units} unit kerja, "
        f"{result.positions} jabatan, {result.employees} pegawai, {result.vacancies} jabatan "
        f"lowong, {result.acting} Plt."
    ]
