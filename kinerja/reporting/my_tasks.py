"""What reporting puts on the home page: a place card to the dashboard its reader may open
(the city for Pimpinan, BKPSDM and Inspektorat; their own agency for an Admin OPD). No query."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kinerja.accounts.permissions import can_read_all_agencies, managed_agency_id
from kinerja.core.my_tasks import CardKind, TaskItem


def reporting_cards_for(user: Any) -> list[TaskItem]:
    if can_read_all_agencies(user):
        return [
            TaskItem(
                title="Dasbor kota",
                description=(
                    "Penyusunan SKP, ketepatan realisasi, sebaran predikat, IKM, keberatan, 360° "
                    "dan JP seluruh perangkat daerah, sampai ke unit dan pegawai."
                ),
                url=reverse("reporting:city"),
                action_label="Buka dasbor",
                kind=CardKind.PLACE,
            )
        ]
    agency_id = managed_agency_id(user)
    if agency_id is None:
        return []
    return [
        TaskItem(
            title="Dasbor perangkat daerah",
            description="Angka kinerja perangkat daerah Anda per unit kerja, sampai ke pegawai.",
            url=reverse("reporting:agency", args=[agency_id]),
            action_label="Buka dasbor",
            kind=CardKind.PLACE,
        )
    ]
