"""Home cards of the surveys app ("Tugas saya"), one provider (`survey_cards_for`) registered
in SurveysConfig.ready(). The staff of a service unit get a place card leading to its survey.

Head of a service unit: "N usul perubahan standar pelayanan menunggu keputusan", and, when the
draft changed since the last approval (or was never approved), a card to approve it. Other
staff of the unit: "Draf baru menunggu dukungan Anda" while the draft's current revision is
not yet endorsed by them. A constant number of queries whatever the number of units.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse

from kinerja.accounts.permissions import can_read_all_agencies, is_agency_admin
from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.organization.models import ServiceUnit
from kinerja.people.holdings import employee_id_for_user
from kinerja.surveys.models import (
    ProposalState,
    ServiceStandard,
    StandardEndorsement,
    StandardState,
)
from kinerja.surveys.permissions import units_served_by


def _standard_cards(employee_id: int, headed: set[int], units: Sequence[Any]) -> list[TaskItem]:
    """Units carry `open_proposals` (annotated by `survey_cards_for`)."""
    units = [unit for unit in units if _standard_of(unit) is not None]
    if not units:
        return []
    endorsed = set(
        StandardEndorsement.objects.filter(
            employee_id=employee_id, standard__service_unit__in=units
        ).values_list("standard_id", "revision")
    )
    cards: list[TaskItem] = []
    for unit in units:
        standard = unit.service_standard
        url = reverse("surveys:standard", kwargs={"slug": unit.slug})
        if unit.unit_id in headed:
            count = unit.open_proposals
            if count:
                cards.append(
                    TaskItem(
                        f"Usul perubahan standar {unit.name}",
                        f"{count} usul perubahan standar pelayanan menunggu keputusan Anda.",
                        f"{url}#usul",
                        "Putuskan usul",
                    )
                )
            if standard.state == StandardState.DRAFT and standard.revision > 1:
                since = (
                    f"sejak versi {standard.approved_version} disetujui"
                    if standard.approved_version
                    else "dan belum pernah disetujui"
                )
                cards.append(
                    TaskItem(
                        f"Setujui standar pelayanan {unit.name}",
                        f"Draf standar pelayanan berubah {since} (revisi {standard.revision}).",
                        reverse("surveys:standard_approve", kwargs={"slug": unit.slug}),
                        "Periksa draf",
                    )
                )
        elif (
            standard.state == StandardState.DRAFT
            and standard.revision > 1
            and (standard.pk, standard.revision) not in endorsed
        ):
            cards.append(
                TaskItem(
                    f"Standar pelayanan {unit.name}",
                    f"Draf baru (revisi {standard.revision}) menunggu dukungan Anda.",
                    f"{url}#dukungan",
                    "Baca dan dukung",
                )
            )
    return cards


def _standard_of(unit: ServiceUnit) -> ServiceStandard | None:
    try:
        return unit.service_standard
    except ServiceStandard.DoesNotExist:
        return None


def _places(units: Sequence[ServiceUnit]) -> list[TaskItem]:
    """ "Survei kepuasan" places for the staff of service units, who have no menu link (the
    menu shows it to the roles that read agencies): one card per unit, leading to its report."""
    return [
        TaskItem(
            f"Survei kepuasan {unit.name}",
            "Indeks kepuasan masyarakat, saran warga, dan standar pelayanan unit Anda.",
            reverse("surveys:unit_report", kwargs={"slug": unit.slug}),
            "Lihat survei",
            kind=CardKind.PLACE,
        )
        for unit in units
    ]


def survey_cards_for(user: Any) -> list[TaskItem]:
    """Every home card of the surveys app for `user`: the units they serve in are read once."""
    employee_id = employee_id_for_user(user)
    if employee_id is None:
        return []
    headed, within = units_served_by(employee_id)
    if not within:
        return []
    units = list(
        ServiceUnit.objects.filter(unit_id__in=within, is_active=True)
        .select_related("service_standard")
        .annotate(
            open_proposals=Count(
                "service_standard__proposals",
                filter=Q(service_standard__proposals__state=ProposalState.OPEN),
            )
        )
        .order_by("name")
    )
    cards = _standard_cards(employee_id, headed, units)
    if not (can_read_all_agencies(user) or is_agency_admin(user)):
        cards += _places(units)
    return cards


def standard_cards_for(user: Any) -> list[TaskItem]:
    """The service standard's tasks among `survey_cards_for`."""
    return [card for card in survey_cards_for(user) if card.kind == CardKind.TASK]


def survey_places_for(user: Any) -> list[TaskItem]:
    """The "Survei kepuasan" places among `survey_cards_for`."""
    return [card for card in survey_cards_for(user) if card.kind == CardKind.PLACE]
