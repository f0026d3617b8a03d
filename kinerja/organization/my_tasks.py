"""Home card of the organization app: the agency list for those who read every agency."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kinerja.accounts.permissions import can_read_all_agencies
from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.organization.selectors import agency_list_for_actor
from kinerja.scoring.formatting import format_decimal


def organization_cards_for(user: Any) -> list[TaskItem]:
    if not can_read_all_agencies(user):
        return []
    count = agency_list_for_actor(actor=user).count()
    return [
        TaskItem(
            "Perangkat daerah",
            f"{format_decimal(count, 0)} perangkat daerah dengan kode, unit kerja, pegawai "
            "dan struktur organisasinya.",
            reverse("organization:agency_list"),
            "Buka daftar",
            kind=CardKind.PLACE,
        )
    ]
