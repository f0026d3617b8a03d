"""Home cards of the service standard ("Tugas saya"). Registered in SurveysConfig.ready().

Head of a service unit: "N usul perubahan standar pelayanan menunggu keputusan", and, when the
draft changed since the last approval (or was never approved), a card to approve it. Other
staff of the unit: "Draf baru menunggu dukungan Anda" while the draft's current revision is
not yet endorsed by them. A constant number of queries whatever the number of units.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.urls import reverse

from kinerja.accounts.permissions import can_read_all_agencies, is_agency_admin
from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.organization.models import ServiceUnit, Unit
from kinerja.people.holdings import covering, employee_id_for_user, today
from kinerja.people.models import Assignment
from kinerja.surveys.models import ProposalState, StandardEndorsement, StandardState


def _held_units(employee_id: int) -> tuple[set[int], set[int]]:
    """(units whose head post the employee holds today, every unit above or at their posts)."""
    posts = list(
        Assignment.objects.filter(covering(today()), employee_id=employee_id)
        .filter(position__unit__isnull=False)
        .values_list(
            "position__unit_id", "position__unit__agency_id", "position__supervisor__unit_id"
        )
    )
    if not posts:
        return set(), set()
    headed = {unit for unit, _, above in posts if above != unit}
    parents = dict(
        Unit.objects.filter(agency_id__in={agency for _, agency, _ in posts}).values_list(
            "pk", "parent_id"
        )
    )
    within: set[int] = set()
    for unit, _, _ in posts:
        current: int | None = unit
        while current is not None and current not in within:
            within.add(current)
            current = parents.get(current)
    return headed, within


def standard_cards_for(user: Any) -> list[TaskItem]:
    employee_id = employee_id_for_user(user)
    if employee_id is None:
        return []
    headed, within = _held_units(employee_id)
    if not within:
        return []
    units = list(
        ServiceUnit.objects.filter(
            unit_id__in=within, is_active=True, service_standard__isnull=False
        )
        .select_related("service_standard")
        .annotate(
            open_proposals=Count(
                "service_standard__proposals",
                filter=Q(service_standard__proposals__state=ProposalState.OPEN),
            )
        )
        .order_by("name")
    )
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


def survey_places_for(user: Any) -> list[TaskItem]:
    """ "Survei kepuasan" places for the staff of service units, who have no menu link (the
    menu shows it to the roles that read agencies): one card per unit they serve in, leading
    to its report. One query for the posts, one per agency, one for the units."""
    employee_id = employee_id_for_user(user)
    if employee_id is None or can_read_all_agencies(user) or is_agency_admin(user):
        return []
    _headed, within = _held_units(employee_id)
    if not within:
        return []
    units = ServiceUnit.objects.filter(unit_id__in=within, is_active=True).order_by("name")
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
