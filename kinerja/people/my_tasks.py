"""Home cards of the people app: my profile, my team, my agency's employees, and the steps of
the performance cycle that are not open yet for the user's role.

Registered in PeopleConfig.ready() (kinerja.core.my_tasks). Each card says what the system
holds today; nothing here claims there is "nothing to do" when a capability simply is not open.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kinerja.accounts.permissions import (
    can_read_all_agencies,
    is_agency_admin,
    is_hr_admin,
    is_leader,
    managed_agency_id,
)
from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.people.selectors import (
    EmployeeFilters,
    employee_for_user,
    employee_list_for_actor,
    position_vacant_list_for_actor,
)
from kinerja.people.team import home_summary_for_employee
from kinerja.scoring.formatting import format_decimal

PLACE = CardKind.PLACE
NOT_OPEN = CardKind.NOT_OPEN

# The cycle's later steps per audience, until the app that opens each one replaces its card
# (realisations: kinerja.monitoring.my_tasks, which says when they are not open yet; 360°:
# kinerja.assessment.my_tasks, whose cards appear with a round).
_LEADER_NOT_OPEN = [
    ("Dasbor kinerja kota", "Belum dibuka: terisi setelah SKP dan realisasi berjalan."),
]


def _not_open(rows: list[tuple[str, str]]) -> list[TaskItem]:
    return [TaskItem(title, text, kind=NOT_OPEN) for title, text in rows]


def _count(n: int, noun: str) -> str:
    return f"{format_decimal(n, 0)} {noun}"


def _own_cards(user: Any) -> list[TaskItem]:
    employee = employee_for_user(user=user)
    if employee is None:
        if user.role:
            return []
        return [
            TaskItem(
                "Akun belum terhubung ke data pegawai",
                "Hubungi Admin OPD atau BKPSDM bila Anda seorang ASN; setelah terhubung, "
                "profil, tim dan tugas kinerja Anda tampil di sini.",
                kind=PLACE,
            )
        ]
    summary = home_summary_for_employee(employee=employee)
    cards = [
        TaskItem(
            "Profil saya",
            summary.post_text,
            reverse("people:my_profile"),
            "Buka profil",
            kind=PLACE,
        )
    ]
    if summary.subordinate_count:
        cards.append(
            TaskItem(
                "Tim saya",
                f"{_count(summary.subordinate_count, 'bawahan')} per hari ini.",
                reverse("people:my_team"),
                "Buka tim saya",
                kind=PLACE,
            )
        )
    return cards


def _role_cards(user: Any) -> list[TaskItem]:
    cards: list[TaskItem] = []
    scoped = managed_agency_id(user)
    if is_agency_admin(user) or can_read_all_agencies(user):
        employees = employee_list_for_actor(
            actor=user, filters=EmployeeFilters(status="ACTIVE")
        ).count()
        where = user.agency.name if scoped is not None else "seluruh kota"
        text = f"{_count(employees, 'pegawai aktif')} di {where}."
        if is_hr_admin(user) or scoped is not None:
            vacant = position_vacant_list_for_actor(actor=user).count()
            text += f" {_count(vacant, 'jabatan lowong')}."
        cards.append(
            TaskItem("Pegawai", text, reverse("people:employee_list"), "Buka daftar", kind=PLACE)
        )
    if scoped is not None:
        cards.append(
            TaskItem(
                "Struktur organisasi",
                f"Unit kerja, jabatan dan pemegangnya di {user.agency.name}.",
                reverse("org_chart", kwargs={"agency_id": scoped}),
                "Buka struktur",
                kind=PLACE,
            )
        )
    if is_hr_admin(user) or scoped is not None:
        where = user.agency.name if scoped is not None else "setiap perangkat daerah"
        cards.append(
            TaskItem(
                "Pemantauan kelengkapan SKP",
                f"SKP yang sudah disusun, diajukan dan disetujui di {where}.",
                reverse("planning:completion"),
                "Buka kemajuan SKP",
                kind=PLACE,
            )
        )
        cards.append(
            TaskItem(
                "Survei kepuasan masyarakat (SKM)",
                "Indeks kepuasan, saran warga dan standar pelayanan per unit layanan.",
                reverse("surveys:index"),
                "Buka survei",
                kind=PLACE,
            )
        )
    if is_leader(user):
        cards += _not_open(_LEADER_NOT_OPEN)
    return cards


def people_cards_for(user: Any) -> list[TaskItem]:
    if not getattr(user, "is_authenticated", False):
        return []
    return _own_cards(user) + _role_cards(user)
