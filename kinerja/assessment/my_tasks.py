"""Cards on "Tugas saya" for 360° feedback, registered in AssessmentConfig.ready().

- Rater: "Isi umpan balik 360" (one card per open round with unsent reviews, with the count
  and the due date).
- Employee: "Nominasikan rekan penilai" while their list is proposed in Penyusunan; "Hasil
  umpan balik 360" once a round they were rated in is closed (for `RESULTS_DAYS` after it
  closed: nothing records that they opened it).
- Appraiser: "Setujui daftar penilai 360" with the number of team lists not yet approved.
- Admin BKPSDM / Admin OPD: a place card to /360/ while a round is open.
A constant number of queries per card: one each, the appraiser's card also loading the chain
of command once. Never who has answered.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse

from kinerja.accounts.permissions import is_agency_admin, is_hr_admin, managed_agency_id
from kinerja.assessment.models import BehaviorReview, CycleState, ReviewCycle, ReviewerList
from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.people.permissions import team_chain_of
from kinerja.scoring.formatting import format_date_id, format_decimal

RESULTS_DAYS = 30
"""How long after a round closes its rated employees keep the "Hasil umpan balik 360" card."""


def rater_cards(employee_id: int, day: date) -> list[TaskItem]:
    """One card per open round (due date not passed) with the rater's unsent reviews."""
    rows = (
        BehaviorReview.objects.filter(
            rater_id=employee_id,
            withdrawn_on__isnull=True,
            submitted_on__isnull=True,
            reviewer_list__cycle__state=CycleState.OPEN,
            reviewer_list__cycle__due_date__gte=day,
        )
        .values("reviewer_list__cycle_id", "reviewer_list__cycle__due_date")
        .annotate(n=Count("pk"))
        .order_by("reviewer_list__cycle__due_date", "reviewer_list__cycle_id")
    )
    return [
        TaskItem(
            "Isi umpan balik 360",
            f"{format_decimal(row['n'], 0)} pegawai menunggu umpan balik perilaku dari Anda; "
            f"jawaban dapat diubah sampai {format_date_id(row['reviewer_list__cycle__due_date'])}.",
            reverse("assessment:index"),
            "Buka tugas menilai",
            due=row["reviewer_list__cycle__due_date"],
        )
        for row in rows
    ]


def own_list_cards(employee_id: int, day: date) -> list[TaskItem]:
    """Nominate peers on my proposed list in Penyusunan; read my results of a recently closed
    round (one query for both)."""
    since = day - timedelta(days=RESULTS_DAYS)
    rows = ReviewerList.objects.filter(
        Q(cycle__state=CycleState.DRAFT, state=ReviewerList.State.PROPOSED)
        | Q(cycle__state=CycleState.CLOSED, cycle__closed_at__date__gte=since)
        | Q(
            cycle__state=CycleState.CLOSED,
            cycle__closed_at__isnull=True,
            cycle__due_date__gte=since,
        ),
        employee_id=employee_id,
    ).select_related("cycle")
    cards = []
    for found in rows.order_by("cycle__due_date", "pk"):
        kwargs = {"cycle_id": found.cycle_id, "employee_id": employee_id}
        if found.cycle.state == CycleState.DRAFT:
            cards.append(
                TaskItem(
                    "Nominasikan rekan penilai",
                    f"{found.cycle.name}: usulkan rekan kerja yang mengenal cara Anda bekerja; "
                    "pejabat penilai menyetujui atau mengubah daftar.",
                    reverse("assessment:list_detail", kwargs=kwargs),
                    "Buka daftar penilai",
                )
            )
        else:
            cards.append(
                TaskItem(
                    "Hasil umpan balik 360",
                    f"{found.cycle.name} sudah selesai: lihat rata-rata per nilai BerAKHLAK "
                    "dari atasan, rekan kerja dan bawahan di samping penilaian diri Anda.",
                    reverse("assessment:results", kwargs=kwargs),
                    "Lihat hasil",
                )
            )
    return cards


def appraiser_cards(user: Any, employee_id: int) -> list[TaskItem]:
    """The number of team lists not yet approved in rounds in Penyusunan or Pengisian."""
    where = Q(appraiser_id=employee_id)
    chain = team_chain_of(user)
    if chain is not None and chain.subordinates:
        where |= Q(employee_id__in=[h.employee_id for h in chain.subordinates])
    count = (
        ReviewerList.objects.filter(where, cycle__state__in=(CycleState.DRAFT, CycleState.OPEN))
        .exclude(state=ReviewerList.State.APPROVED)
        .count()
    )
    if not count:
        return []
    return [
        TaskItem(
            "Setujui daftar penilai 360",
            f"{format_decimal(count, 0)} daftar penilai anggota tim belum Anda setujui: periksa "
            "atasan, rekan kerja dan bawahan yang akan memberi umpan balik.",
            reverse("assessment:index"),
            "Buka daftar penilai tim",
        )
    ]


def admin_cards(user: Any) -> list[TaskItem]:
    """A place card while a round the admin tracks is open (one query)."""
    rounds = ReviewCycle.objects.filter(state=CycleState.OPEN)
    if not is_hr_admin(user):
        rounds = rounds.filter(Q(agency__isnull=True) | Q(agency_id=managed_agency_id(user)))
    if not rounds.exists():
        return []
    return [
        TaskItem(
            "Umpan balik 360 berjalan",
            "Pantau kelengkapan pengisian per perangkat daerah dan unit kerja, perbarui daftar "
            "penilai bila ada pegawai yang pindah.",
            reverse("assessment:index"),
            "Buka umpan balik 360",
            kind=CardKind.PLACE,
        )
    ]


def assessment_cards_for(user: Any) -> list[TaskItem]:
    if not getattr(user, "is_authenticated", False):
        return []
    cards: list[TaskItem] = []
    day = today()
    employee_id = employee_id_for_user(user)
    if employee_id is not None:
        cards += rater_cards(employee_id, day)
        cards += own_list_cards(employee_id, day)
        cards += appraiser_cards(user, employee_id)
    if is_hr_admin(user) or is_agency_admin(user):
        cards += admin_cards(user)
    return cards
