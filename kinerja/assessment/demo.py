"""Demo 360° rounds (README.md, "Demo"): a finished round with full and suppressed groups, and
a round in Pengisian with tasks for the demo logins. Seeded through the services.

(a) "Umpan balik 360 <window> <year> — Dinas Dukcapil": the latest window of this year whose
    realisations have closed (the group evaluation opens on), created, roster synced from the
    chain of command, opened, answered by almost every rater with varied scores, a few
    "tidak dapat menilai" and a few comments, then closed. One peer in three and one
    subordinate in two leave their questionnaire unanswered, so the Dukcapil units show both
    full groups (a unit with 3 or more peers who answered) and "kurang dari 3 penilai" (a unit
    with 2 peers, a head with 1-2 subordinates). The services ask the real clock, so the round
    is made due today and, once closed, its dates are moved back to the window's close.
(b) "Umpan balik 360 Tahunan <year> — Dinas Dukcapil": in Pengisian, due today + 14 days; Sri
    Handayani's list approved; some raters have sent their answers, the demo logins (Agus
    Wibowo and Sri Handayani) have not: their home shows "Isi umpan balik 360".

Idempotent: a round that exists is carried on from its state, never made twice.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE, DEMO_SUPERVISOR, DUKCAPIL_CODE
from kinerja.accounts.models import User
from kinerja.assessment.models import BehaviorReview, CycleState, RelationChoice, ReviewCycle
from kinerja.assessment.questionnaire import question_codes
from kinerja.assessment.services.answers import answers_save
from kinerja.assessment.services.cycles import cycle_close, cycle_create, cycle_open
from kinerja.assessment.services.lists import reviewer_list_approve
from kinerja.assessment.services.roster import cycle_roster_sync
from kinerja.core.demo import DemoOptions
from kinerja.organization.models import Agency
from kinerja.periods.models import EvaluationWindow, PerformancePeriod
from kinerja.periods.rules import window_close_date

DUE_DAYS = 14
"""Round (b) is due this many days after today."""

COMMENTS: dict[str, tuple[str, ...]] = {
    "BERORIENTASI_PELAYANAN": (
        "Saat antrean KTP-el panjang pada hari Senin, beliau membuka loket tambahan tanpa "
        "diminta dan menjelaskan persyaratan dengan sabar kepada warga lanjut usia.",
        "Pertanyaan warga lewat WhatsApp layanan kadang baru dijawab keesokan harinya; "
        "balasan di hari yang sama akan sangat membantu.",
    ),
    "AKUNTABEL": (
        "Laporan rekap perekaman bulanan selalu dikirim sebelum tanggal 5 dan angkanya cocok "
        "dengan data SIAK.",
        "Bila ada berkas yang tertunda, beliau mencatat alasannya di buku kendali sehingga "
        "mudah ditelusuri.",
    ),
    "KOMPETEN": (
        "Beliau menguasai aturan perubahan elemen data dan sering menjadi tempat bertanya "
        "rekan-rekan di seksi lain.",
        "Akan lebih baik bila pengetahuan tentang aplikasi baru dibagikan lewat catatan "
        "singkat, bukan hanya secara lisan.",
    ),
    "HARMONIS": (
        "Menghargai pendapat anggota tim dalam rapat koordinasi, termasuk dari staf yang "
        "paling baru.",
    ),
    "LOYAL": (
        "Menjaga kerahasiaan data kependudukan dengan disiplin, termasuk saat ditanya "
        "oleh pihak yang tidak berwenang.",
    ),
    "ADAPTIF": (
        "Cepat menyesuaikan alur kerja ketika layanan Identitas Kependudukan Digital mulai "
        "diterapkan di kelurahan.",
    ),
    "KOLABORATIF": (
        "Aktif berkoordinasi dengan kelurahan untuk jemput bola perekaman di panti wreda.",
        "Pembagian tugas saat pelayanan keliling bisa dibicarakan lebih awal agar tidak ada "
        "yang merangkap terlalu banyak.",
    ),
}

SELF_COMMENTS: dict[str, str] = {
    "KOMPETEN": "Tahun ini saya ingin belajar analisis data kependudukan agar rekap bulanan "
    "tidak lagi disusun manual.",
    "KOLABORATIF": "Saya masih sering menyelesaikan berkas sendiri; ke depan saya akan lebih "
    "cepat meminta bantuan rekan saat antrean menumpuk.",
}
"""Self-assessments speak in the first person."""


def _dukcapil() -> Agency | None:
    return Agency.objects.filter(code=DUKCAPIL_CODE).first()


def _period(day: date) -> PerformancePeriod | None:
    return PerformancePeriod.objects.filter(year=day.year, is_trial=False).order_by("pk").first()


def _closed_window(period: PerformancePeriod, day: date) -> EvaluationWindow | None:
    """The latest window whose realisations have closed (what evaluation opens on)."""
    closed = [
        w
        for w in EvaluationWindow.objects.filter(period=period).order_by("number")
        if window_close_date(w) < day
    ]
    return closed[-1] if closed else None


def _scores(rng: random.Random, base: float) -> dict[str, int | None]:
    """Believable answers around a rater's own leniency, with now and then "tidak dapat
    menilai"."""
    scores: dict[str, int | None] = {}
    for code in sorted(question_codes()):
        if rng.random() < 0.06:
            scores[code] = None
        else:
            scores[code] = max(1, min(5, round(rng.gauss(base, 0.7))))
    return scores


def _comments(rng: random.Random, relation: str) -> dict[str, str]:
    if relation == RelationChoice.SELF:
        return {value: text for value, text in SELF_COMMENTS.items() if rng.random() < 0.5}
    return {
        value: rng.choice(texts) for value, texts in sorted(COMMENTS.items()) if rng.random() < 0.25
    }


def _rater_user(review: BehaviorReview) -> User | None:
    return review.rater.user if review.rater.user_id else None


def _active_reviews(cycle: ReviewCycle) -> list[BehaviorReview]:
    return list(
        BehaviorReview.objects.filter(reviewer_list__cycle=cycle, withdrawn_on__isnull=True)
        .select_related("rater__user", "reviewer_list")
        .order_by("reviewer_list__employee__name", "relation", "rater__name", "pk")
    )


def _answer(review: BehaviorReview, rng: random.Random) -> None:
    base = {
        RelationChoice.SELF: 4.2,
        RelationChoice.SUPERVISOR: 3.6,
        RelationChoice.PEER: 3.9,
        RelationChoice.SUBORDINATE: 4.0,
    }[RelationChoice(review.relation)] + rng.uniform(-0.6, 0.6)
    answers_save(
        actor=_rater_user(review),
        review=review,
        scores=_scores(rng, base),
        comments=_comments(rng, review.relation),
        submit=True,
    )


def _skips(review: BehaviorReview, seen: dict[tuple[int, str], int]) -> bool:
    """On every other list the third peer, and on every list the second subordinate, leave
    the questionnaire unanswered: some peer groups stay at 3 (shown), others fall to 2
    ("kurang dari 3 penilai"); groups of 2 subordinates fall to 1."""
    key = (review.reviewer_list_id, review.relation)
    seen[key] = seen.get(key, 0) + 1
    if review.relation == RelationChoice.PEER:
        # the order in which lists with peers are met: the 1st, 3rd, … keep all their peers
        orders = [n for (_, kind), n in seen.items() if kind == "order"]
        order = seen.setdefault((review.reviewer_list_id, "order"), len(orders))
        return order % 2 == 1 and seen[key] % 3 == 0
    if review.relation == RelationChoice.SUBORDINATE:
        return seen[key] % 2 == 0
    return False


def _counts(cycle: ReviewCycle) -> str:
    reviews = BehaviorReview.objects.filter(reviewer_list__cycle=cycle, withdrawn_on__isnull=True)
    return (
        f"{cycle.name} ({cycle.get_state_display()}): {cycle.lists.count()} pegawai, "
        f"{reviews.count()} penilai, {reviews.filter(submitted_on__isnull=False).count()} "
        "lembar terkirim"
    )


def seed_finished(agency: Agency, period: PerformancePeriod, day: date, seed: int) -> str:
    window = _closed_window(period, day)
    if window is None:
        return "Umpan balik 360 selesai: belum ada evaluasi periodik yang ditutup tahun ini."
    name = f"Umpan balik 360 {window.name} {period.year} — Dinas Dukcapil"
    cycle = ReviewCycle.objects.filter(agency=agency, window=window).first()
    if cycle is None:
        cycle = cycle_create(
            actor=None, period=period, window=window, agency=agency, name=name, due_date=day
        )
    if cycle.state == CycleState.DRAFT:
        cycle_roster_sync(actor=None, cycle=cycle, day=day)
        cycle = cycle_open(actor=None, cycle=cycle)
    if cycle.state == CycleState.OPEN:
        rng = random.Random(seed * 1009 + cycle.pk)  # noqa: S311 - demo data
        seen: dict[tuple[int, str], int] = {}
        for review in _active_reviews(cycle):
            if review.submitted_on is None and not _skips(review, seen):
                _answer(review, rng)
        cycle = cycle_close(actor=None, cycle=cycle)
        due = min(window_close_date(window) + timedelta(days=DUE_DAYS), day - timedelta(days=1))
        moment = timezone.make_aware(datetime.combine(due, time(16, 0)))
        ReviewCycle.objects.filter(pk=cycle.pk).update(
            due_date=due, opened_at=moment - timedelta(days=DUE_DAYS), closed_at=moment
        )
        BehaviorReview.objects.filter(
            reviewer_list__cycle=cycle, submitted_on__isnull=False
        ).update(submitted_on=due)
        cycle.refresh_from_db()
    return _counts(cycle)


def seed_open(agency: Agency, period: PerformancePeriod, day: date, seed: int) -> str:
    name = f"Umpan balik 360 Tahunan {period.year} — Dinas Dukcapil"
    cycle = ReviewCycle.objects.filter(agency=agency, period=period, window__isnull=True).first()
    if cycle is None:
        due = min(day + timedelta(days=DUE_DAYS), period.evaluation_due_date)
        cycle = cycle_create(
            actor=None, period=period, window=None, agency=agency, name=name, due_date=due
        )
    if cycle.state == CycleState.DRAFT:
        cycle_roster_sync(actor=None, cycle=cycle, day=day)
        sri = cycle.lists.filter(employee__nip=DEMO_SUPERVISOR.username).first()
        if sri is not None:
            reviewer_list_approve(actor=None, reviewer_list=sri)
        cycle = cycle_open(actor=None, cycle=cycle)
        rng = random.Random(seed * 2003 + cycle.pk)  # noqa: S311 - demo data
        demo_logins = {DEMO_EMPLOYEE.username, DEMO_SUPERVISOR.username}
        for review in _active_reviews(cycle):
            if review.rater.nip not in demo_logins and rng.random() < 0.4:
                _answer(review, rng)
    return _counts(cycle)


def demo_seed(options: DemoOptions) -> list[str]:
    agency = _dukcapil()
    period = _period(options.today)
    if agency is None or period is None:
        return []
    return [
        seed_finished(agency, period, options.today, options.seed),
        seed_open(agency, period, options.today, options.seed),
    ]
