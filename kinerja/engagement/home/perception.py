"""Home page cards of the perception part: "Isi survei persepsi" for an employee while a round
is open (today within its dates) and they have not answered. One query; none for an account
without an employee record."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef
from django.urls import reverse

from kinerja.accounts.permissions import managed_agency_id
from kinerja.core.my_tasks import CardKind, HomeNotice, TaskItem
from kinerja.engagement.models import PerceptionParticipation, PerceptionRound, RoundState
from kinerja.engagement.permissions import can_read_perception
from kinerja.people.holdings import employee_id_for_user, today


def notices_for(user: Any) -> list[HomeNotice]:
    return []


def _results_card(user: Any) -> list[TaskItem]:
    """For those who read the results (the city's readers, an Admin OPD for their agency): a
    place on the home page, without a query."""
    city = can_read_perception(user)
    if not (city or can_read_perception(user, managed_agency_id(user))):
        return []
    where = "per perangkat daerah" if city else "perangkat daerah Anda"
    return [
        TaskItem(
            title="Hasil survei persepsi",
            description=(
                f"Kejelasan, keadilan dan penerimaan penilaian kinerja {where}, trennya "
                "antarputaran, dan di mana penerimaan rendah."
            ),
            url=reverse("engagement:perception_results"),
            action_label="Lihat hasil",
            kind=CardKind.PLACE,
        )
    ]


def cards_for(user: Any) -> list[TaskItem]:
    if employee_id_for_user(user) is None:
        return _results_card(user)
    day = today()
    answered = PerceptionParticipation.objects.filter(round=OuterRef("pk"), user_id=user.pk)
    current = (
        PerceptionRound.objects.filter(state=RoundState.OPEN, opens_on__lte=day, closes_on__gte=day)
        .exclude(Exists(answered))
        .order_by("closes_on")
        .first()
    )
    if current is None:
        return _results_card(user)
    return [
        *_results_card(user),
        TaskItem(
            title="Isi survei persepsi",
            description=(
                f"{current.title}: 15 pernyataan tentang penilaian kinerja, sekitar 5 menit. "
                "Jawaban Anda tanpa nama."
            ),
            url=reverse("engagement:perception_index"),
            action_label="Isi survei",
            due=current.closes_on,
        ),
    ]
