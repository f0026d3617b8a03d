"""Demo survey responses, services and populations of every demo service unit.

For each `ServiceUnit` the people demo created (Loket Pelayanan Adminduk, Mal Pelayanan Publik,
the Puskesmas, PATEN and Kelurahan offices) that has no response yet: 2-4 services named for its
kind, the population of service users for this year's and last year's survey, and responses
over the last 12 months counted back from `DemoOptions.today` (30-120 a month per unit, mostly
online, some at the kiosk, some typed in from paper forms), with profiles and a few polite
suggestions, two of them hidden with a reason. Idempotent: a unit that already has responses
is skipped, and services or populations that exist are kept.

Units get different quality levels so that grades A, B, C and D all occur among them for the
year; the demo supervisor's unit (Loket Pelayanan Adminduk) is grade B this year with at least
the respondents its population requires (Krejcie & Morgan); one Puskesmas improves visibly
month after month. Deterministic: one `random.Random` per unit, seeded by the demo seed and the
unit's address.

Rows are written with `bulk_create` in batches straight into the tables, not one service call
per row: acceptable for demo volume (about 40,000 responses), and citizens' answers are never
audited anyway; one audit event (`demo_surveys.seeded`) records the whole seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from kinerja.audit.services import audit_record
from kinerja.core.demo import DemoOptions
from kinerja.organization.models import ServiceUnit
from kinerja.scoring.formatting import format_decimal
from kinerja.scoring.ikm import sample_size
from kinerja.surveys.models import (
    ELEMENT_FIELDS,
    Channel,
    Education,
    Occupation,
    RespondentGender,
    Service,
    ServicePopulation,
    SurveyResponse,
)

BATCH_SIZE = 2000
DAYS = 365
MONTHS = 12
MIN_THIS_YEAR = 40
"""Respondents each unit has at least in the current year (topped up early in January)."""

GRADE_MEANS = {"A": 3.68, "B": 3.28, "C": 2.85, "D": 2.35}
"""Mean answer of a unit of each grade (IKM about 25 times it), far from the thresholds."""
ELEMENT_OFFSETS = (0.05, 0.0, -0.25, 0.35, 0.05, 0.05, 0.1, -0.3, -0.05)
"""U1-U9 around the unit's mean: waiting time and complaint handling score lowest, the (free)
cost highest, as in most published SKM reports. They sum to zero."""
TREND = (2.7, 3.6)
"""Mean answer of the improving unit twelve months ago and now."""


@dataclass(frozen=True)
class Kind:
    services: tuple[str, ...]
    monthly: tuple[int, int]  # responses a month, lowest and highest
    population: tuple[int, int]  # service users a year, lowest and highest


KINDS = {
    "adminduk": Kind(
        ("Perekaman KTP-el", "Kartu Keluarga", "Akta Kelahiran", "Surat Pindah"),
        (100, 120),
        (22_000, 26_000),
    ),
    "mpp": Kind(
        ("Perizinan Berusaha", "Paspor", "SIM Perpanjangan", "Pajak Kendaraan Bermotor"),
        (100, 120),
        (30_000, 40_000),
    ),
    "puskesmas": Kind(
        ("Poli Umum", "Poli Gigi", "KIA/KB", "Laboratorium"), (80, 110), (9_000, 15_000)
    ),
    "paten": Kind(("Surat Pengantar", "Legalisasi", "Izin Usaha Mikro"), (50, 80), (2_500, 4_000)),
    "kelurahan": Kind(
        ("Surat Pengantar", "Legalisasi", "Izin Usaha Mikro"), (30, 50), (1_200, 3_000)
    ),
    "other": Kind(("Pelayanan Umum", "Konsultasi"), (30, 60), (1_000, 3_000)),
}
GRADE_PATTERNS = {
    "adminduk": "B",
    "mpp": "A",
    "puskesmas": "TABCB",  # T: the improving unit
    "paten": "BDACB",
    "kelurahan": "BABCBBABCD",
    "other": "B",
}
"""Grade of each unit of a kind, in order of address, repeated as needed."""

PROFILE_WEIGHTS: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "education": (
        tuple(Education.values),
        (8, 12, 42, 10, 24, 3.5, 0.5),
    ),
    "occupation": (tuple(Occupation.values), (8, 2, 30, 28, 12, 20)),
}
CHANNEL_WEIGHTS = ((Channel.ONLINE, Channel.KIOSK, Channel.PAPER), (70, 18, 12))

PRAISE = (
    "Pelayanan cepat dan petugasnya ramah. Terima kasih.",
    "Antrean daring sangat membantu, tidak perlu menunggu lama.",
    "Ruang tunggu bersih dan nyaman.",
    "Petugas menjelaskan persyaratan dengan jelas.",
)
COMPLAINTS = (
    "Mohon jumlah petugas loket ditambah pada jam sibuk pagi hari.",
    "Papan informasi persyaratan sebaiknya diperbarui, ada yang berbeda dengan situs web.",
    "Waktu tunggu cukup lama; mohon ada nomor antrean daring.",
    "Tempat parkir sempit, mohon ditata ulang.",
    "Pengaduan lewat WhatsApp belum dibalas; mohon ditindaklanjuti.",
    "Mohon disediakan kursi prioritas untuk lansia dan ibu hamil.",
)
HIDDEN = (
    (
        "Petugas sudah membantu. Bila ada kekurangan berkas mohon hubungi saya di "
        "0812-3456-7890 atas nama Bu Rini.",
        "Memuat data pribadi (nomor telepon dan nama responden).",
    ),
    (
        "Mohon kabari perkembangan berkas saya ke alamat Jl. Slamet Riyadi No. 12, terima kasih.",
        "Memuat data pribadi (alamat rumah responden).",
    ),
)


def unit_kind(unit: ServiceUnit) -> str:
    name = unit.name
    if name == "Loket Pelayanan Adminduk":
        return "adminduk"
    if name == "Mal Pelayanan Publik":
        return "mpp"
    for prefix, kind in (
        ("Puskesmas ", "puskesmas"),
        ("PATEN ", "paten"),
        ("Pelayanan Kelurahan ", "kelurahan"),
    ):
        if name.startswith(prefix):
            return kind
    return "other"


def _weighted(rng: random.Random, values: tuple[str, ...], weights: tuple[float, ...]) -> str:
    return rng.choices(values, weights)[0]


def _answer(rng: random.Random, mean: float) -> int:
    """An answer 1-4 whose expected value is `mean` (two neighbouring answers)."""
    mean = min(3.97, max(1.1, mean))
    low = int(mean)
    return low + (rng.random() < mean - low)


@dataclass
class _UnitPlan:
    unit: ServiceUnit
    kind: str
    grade: str  # "A"-"D", or "T" for the improving unit

    def mean(self, days_ago: int, rng: random.Random) -> float:
        if self.grade == "T":
            start, end = TREND
            return start + (end - start) * (DAYS - days_ago) / DAYS + rng.uniform(-0.04, 0.04)
        return GRADE_MEANS[self.grade] + rng.uniform(-0.06, 0.06)


def _plans(units: list[ServiceUnit]) -> list[_UnitPlan]:
    seen: dict[str, int] = {}
    plans = []
    for unit in sorted(units, key=lambda u: u.slug):
        kind = unit_kind(unit)
        pattern = GRADE_PATTERNS[kind]
        index = seen.get(kind, 0)
        seen[kind] = index + 1
        plans.append(_UnitPlan(unit=unit, kind=kind, grade=pattern[index % len(pattern)]))
    return plans


class _Writer:
    """Builds the response rows of one unit."""

    def __init__(self, plan: _UnitPlan, services: list[int], today: date, seed: int) -> None:
        self.plan = plan
        self.services = services
        self.today = today
        self.rng = random.Random(f"{seed}:{plan.unit.slug}")  # noqa: S311 (demo data)
        self.service_weights = [1.0 / (i + 1) for i in range(len(services))]
        self.rows: list[SurveyResponse] = []

    def response(self, day: date, mean: float) -> SurveyResponse:
        rng = self.rng
        answers: dict[str, int | None] = {
            field: _answer(rng, mean + offset)
            for field, offset in zip(ELEMENT_FIELDS, ELEMENT_OFFSETS, strict=True)
        }
        channel = _weighted(rng, *CHANNEL_WEIGHTS)
        if channel == Channel.PAPER and rng.random() < 0.05:
            answers[rng.choice(ELEMENT_FIELDS)] = None  # a question left blank on paper
        at = datetime.combine(day, time(rng.randint(8, 14), rng.randint(0, 59)))
        submitted = timezone.make_aware(at)
        if channel == Channel.PAPER:
            submitted = min(submitted + timedelta(days=rng.randint(1, 5)), timezone.now())
        profile_kept = channel != Channel.PAPER or rng.random() > 0.1
        suggestion = ""
        if rng.random() < 0.06:
            average = sum(a for a in answers.values() if a) / 9
            suggestion = rng.choice(COMPLAINTS if average < 3.2 else PRAISE)
        return SurveyResponse(
            service_unit=self.plan.unit,
            service_id=(
                rng.choices(self.services, self.service_weights)[0] if self.services else None
            ),
            survey_date=day,
            submitted_at=submitted,
            channel=channel,
            gender=rng.choice(RespondentGender.values) if profile_kept else "",
            age=int(rng.triangular(17, 78, 38)) if profile_kept else None,
            education=_weighted(rng, *PROFILE_WEIGHTS["education"]) if profile_kept else "",
            occupation=_weighted(rng, *PROFILE_WEIGHTS["occupation"]) if profile_kept else "",
            suggestion=suggestion,
            **answers,
        )

    def twelve_months(self) -> None:
        low, high = KINDS[self.plan.kind].monthly
        window = DAYS / MONTHS
        for month in range(MONTHS):
            count = self.rng.randint(low, high)
            for _ in range(count):
                days_ago = int(month * window + self.rng.random() * window)
                mean = self.plan.mean(days_ago, self.rng)
                self.rows.append(self.response(self.today - timedelta(days=days_ago), mean))

    def this_year_at_least(self, wanted: int) -> None:
        """Early in January a unit has few answers for the year: add some since 1 January."""
        first = date(self.today.year, 1, 1)
        have = sum(1 for row in self.rows if row.survey_date >= first)
        span = (self.today - first).days
        for _ in range(wanted - have):
            day = first + timedelta(days=self.rng.randint(0, span))
            self.rows.append(self.response(day, self.plan.mean((self.today - day).days, self.rng)))


def _services_ensure(plans: list[_UnitPlan]) -> dict[int, list[int]]:
    """The active services of each unit; units without any get their kind's."""
    existing: dict[int, list[int]] = {}
    for unit_id, pk in (
        Service.objects.filter(service_unit__in=[p.unit for p in plans], is_active=True)
        .order_by("position", "name")
        .values_list("service_unit_id", "pk")
    ):
        existing.setdefault(unit_id, []).append(pk)
    missing = [
        Service(service_unit=plan.unit, name=name, position=position)
        for plan in plans
        if plan.unit.pk not in existing
        for position, name in enumerate(KINDS[plan.kind].services, start=1)
    ]
    for service in Service.objects.bulk_create(missing, batch_size=BATCH_SIZE):
        existing.setdefault(service.service_unit_id, []).append(service.pk)
    return existing


def _populations_ensure(plans: list[_UnitPlan], year: int, seed: int) -> dict[int, int]:
    """This year's population of each unit (created for this and last year when missing)."""
    stored = {
        (unit_id, y): n
        for unit_id, y, n in ServicePopulation.objects.filter(
            service_unit__in=[p.unit for p in plans], year__in=[year - 1, year]
        ).values_list("service_unit_id", "year", "population")
    }
    missing = []
    for plan in plans:
        rng = random.Random(f"{seed}:{plan.unit.slug}:populasi")  # noqa: S311 (demo data)
        low, high = KINDS[plan.kind].population
        size = rng.randint(low, high) // 10 * 10
        for y, share in ((year - 1, 0.94), (year, 1.0)):
            if (plan.unit.pk, y) not in stored:
                population = int(size * share) // 10 * 10
                stored[plan.unit.pk, y] = population
                missing.append(
                    ServicePopulation(
                        service_unit=plan.unit,
                        year=y,
                        population=population,
                        note=f"Jumlah pengguna layanan tahun {y - 1} (data demo)",
                    )
                )
    ServicePopulation.objects.bulk_create(missing, batch_size=BATCH_SIZE)
    return {plan.unit.pk: stored[plan.unit.pk, year] for plan in plans}


def _hide_two(rows: list[SurveyResponse]) -> None:
    """Two suggestions with personal data, hidden from the public with the reason."""
    candidates = [row for row in rows if row.suggestion][: len(HIDDEN)]
    for row, (text, reason) in zip(candidates, HIDDEN, strict=False):
        row.suggestion = text
        row.suggestion_hidden = True
        row.suggestion_hidden_reason = reason


def responses_demo_seed(options: DemoOptions) -> list[str]:
    units = list(ServiceUnit.objects.exclude(survey_responses__isnull=False).order_by("slug"))
    if not units:
        if ServiceUnit.objects.exists():
            return ["Survei demo: setiap unit layanan sudah punya jawaban."]
        return []
    plans = _plans(units)
    today = options.today
    with transaction.atomic():
        services = _services_ensure(plans)
        populations = _populations_ensure(plans, today.year, options.seed)
        total = 0
        for plan in plans:
            writer = _Writer(plan, services.get(plan.unit.pk, []), today, options.seed)
            writer.twelve_months()
            wanted = MIN_THIS_YEAR
            if plan.kind == "adminduk":
                wanted = sample_size(populations[plan.unit.pk]) + 25
                _hide_two(writer.rows)
            writer.this_year_at_least(wanted)
            SurveyResponse.objects.bulk_create(writer.rows, batch_size=BATCH_SIZE)
            total += len(writer.rows)
        audit_record(
            actor=None,
            action="demo_surveys.seeded",
            after={"service_units": len(plans), "responses": total},
        )
    return [
        f"Survei demo: {format_decimal(total, 0)} jawaban untuk {len(plans)} unit layanan "
        f"(12 bulan terakhir), dengan jenis layanan dan populasi pengguna layanan."
    ]
