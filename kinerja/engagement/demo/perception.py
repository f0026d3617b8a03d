"""Demo data of the perception part: two CLOSED rounds, last year's and this year's real
period, with about 150 to 250 anonymous responses each across the demo agencies.

Anonymous responses cannot go through `perception_response_submit` without an account per
respondent, so the rows are written directly (bulk_create, no participation rows, no audit
events), from a seeded random generator: the same demo every time. What it shows: one agency
under 5 respondents (suppressed everywhere), one agency with low acceptance (flagged), the
second round slightly better on clarity and fairness (the trend), and remarks that hit every
theme. Idempotent: a period that already has a round is left alone.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction

from kinerja.core.demo import DemoOptions
from kinerja.engagement.models import (
    PerceptionAnswer,
    PerceptionResponse,
    PerceptionRound,
    RoundState,
)
from kinerja.engagement.perception_items import ITEMS
from kinerja.organization.models import Agency
from kinerja.periods.models import PerformancePeriod

AGENCIES = 8
SMALL = 3  # respondents of the first agency: under 5, so suppressed
LOW_ACCEPTANCE_AGENCY = 1  # index in the agency list of the one with low acceptance
REMARK_SHARE = 0.35

BASE = {
    "KEJELASAN": 3.5,
    "KEADILAN": 3.3,
    "UMPAN_BALIK": 3.4,
    "KEPERCAYAAN": 3.8,
    "PENERIMAAN": 3.8,
}
BETTER = {
    "KEJELASAN": 0.35,
    "KEADILAN": 0.3,
    "UMPAN_BALIK": 0.1,
    "KEPERCAYAAN": 0.05,
    "PENERIMAAN": 0.1,
}

REMARKS = (
    "Penilaian masih terasa subjektif, kadang pilih kasih.",
    "Mohon penilaian lebih adil antarbidang.",
    "Terlalu banyak isian administrasi setiap bulan, menyita waktu pelayanan.",
    "Beban pengisian realisasi cukup repot di akhir bulan.",
    "Indikator kinerja jabatan fungsional belum jelas cara mengukurnya.",
    "Target di SKP sebaiknya disusun bersama agar terukur.",
    "Atasan jarang memberi umpan balik sebelum penilaian akhir.",
    "Bimbingan dari atasan sangat membantu saya memperbaiki hasil kerja.",
    "Aplikasi kadang lambat saat unggah bukti dukung.",
    "Tampilan aplikasi sudah baik, tetapi login sering gagal di jam sibuk.",
    "Perlu sosialisasi lagi untuk pegawai baru.",
    "Mohon ada pelatihan atau bimtek tentang penyusunan rencana kinerja.",
    "Panduan di aplikasi membantu, terima kasih.",
    "Semoga sistem ini terus dikembangkan.",
    "Secara umum sudah cukup baik.",
)


def _agencies() -> list[Agency]:
    staffed = list(
        Agency.objects.filter(positions__isnull=False).distinct().order_by("name")[:AGENCIES]
    )
    return staffed or list(Agency.objects.order_by("name")[:AGENCIES])


def _answer(rng: random.Random, mean: float) -> int:
    return max(1, min(5, round(rng.gauss(mean, 0.8))))


def _round_rows(
    perception_round: PerceptionRound, agencies: list[Agency], rng: random.Random, *, later: bool
) -> int:
    responses: list[PerceptionResponse] = []
    means: list[dict[str, float]] = []
    for index, agency in enumerate(agencies):
        count = SMALL if index == 0 else rng.randint(18, 32)
        for _ in range(count):
            mean = {k: v + (BETTER[k] if later else 0) for k, v in BASE.items()}
            if index == LOW_ACCEPTANCE_AGENCY:
                mean["PENERIMAAN"] = 2.2
                mean["UMPAN_BALIK"] -= 0.4
            appraiser = rng.random() < 0.25
            remark = rng.choice(REMARKS) if rng.random() < REMARK_SHARE else ""
            responses.append(
                PerceptionResponse(
                    round=perception_round, agency=agency, is_appraiser=appraiser, remark=remark
                )
            )
            means.append(mean)
    pairs = list(zip(responses, means, strict=True))
    rng.shuffle(pairs)  # no order by agency either; the keys are random UUIDs anyway
    responses = [response for response, _ in pairs]
    means = [mean for _, mean in pairs]
    PerceptionResponse.objects.bulk_create(responses)
    PerceptionAnswer.objects.bulk_create(
        PerceptionAnswer(
            response=response, item=item.code, value=_answer(rng, mean[item.dimension])
        )
        for response, mean in zip(responses, means, strict=True)
        for item in ITEMS
    )
    return len(responses)


def _dates(year: int, today: date) -> tuple[date, date]:
    opens_on = date(year, 11, 1)
    closes_on = date(year, 11, 30)
    if closes_on >= today:  # this year's round: a month that already ended
        closes_on = max(date(year, 1, 1), today - timedelta(days=7))
        opens_on = max(date(year, 1, 1), closes_on - timedelta(days=29))
    return opens_on, closes_on


def seed(options: DemoOptions) -> list[str]:
    """Create what is missing, change nothing that exists; return lines to print."""
    agencies = _agencies()
    if not agencies:
        return ["Survei persepsi: belum ada perangkat daerah, dilewati."]
    rng = random.Random(options.seed * 1017)  # noqa: S311 - demo data, not secrets
    lines: list[str] = []
    for later, year in ((False, options.today.year - 1), (True, options.today.year)):
        period = PerformancePeriod.objects.filter(year=year, is_trial=False).first()
        if period is None:
            lines.append(f"Survei persepsi {year}: periode penilaian {year} belum ada, dilewati.")
            continue
        if PerceptionRound.objects.filter(period=period).exists():
            lines.append(f"Survei persepsi {year} sudah ada.")
            continue
        opens_on, closes_on = _dates(year, options.today)
        with transaction.atomic():
            perception_round = PerceptionRound.objects.create(
                period=period,
                title=f"Survei Persepsi {year}",
                opens_on=opens_on,
                closes_on=closes_on,
                state=RoundState.CLOSED,
            )
            count = _round_rows(perception_round, agencies, rng, later=later)
        lines.append(f"Survei persepsi {year} (ditutup): {count} jawaban tanpa nama.")
    return lines
