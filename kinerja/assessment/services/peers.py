"""The one rule for who may be named a rater on a list (nomination, approval, adding one rater,
the NIP field of the page): an active employee of the list's agency holding a post on the day,
not the rated employee (except as self), not their supervisor as a peer, at most
`rules.MAX_PEERS` peers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db.models import Exists, OuterRef

from kinerja.assessment.models import BehaviorReview, RelationChoice, ReviewerList
from kinerja.assessment.rules import MAX_PEERS
from kinerja.people.holdings import covering
from kinerja.people.models import Assignment, Employee, EmployeeStatus


def list_supervisor_ids(reviewer_list: ReviewerList) -> set[int]:
    """The rated employee's supervisor(s) on the list: the appraiser and any active
    SUPERVISOR rater."""
    found = set(
        BehaviorReview.objects.filter(
            reviewer_list_id=reviewer_list.pk,
            relation=RelationChoice.SUPERVISOR,
            withdrawn_on__isnull=True,
        ).values_list("rater_id", flat=True)
    )
    if reviewer_list.appraiser_id is not None:
        found.add(reviewer_list.appraiser_id)
    return found


def rater_errors(
    *,
    reviewer_list: ReviewerList,
    rater_ids: Sequence[int],
    relation: str,
    day: date,
    field: str = "peers",
) -> dict[str, list[str]]:
    """Field errors naming each refused person (by name and NIP) and what is accepted."""
    errors: list[str] = []
    if relation not in RelationChoice.values:
        accepted = ", ".join(str(label) for label in RelationChoice.labels)
        return {"relation": [f"Hubungan “{relation}” tidak dikenal; pilih salah satu: {accepted}."]}
    ids = list(dict.fromkeys(rater_ids))
    if relation == RelationChoice.PEER and len(ids) > MAX_PEERS:
        errors.append(
            f"{len(ids)} rekan kerja dipilih; paling banyak {MAX_PEERS} rekan kerja per pegawai."
        )
    holds = Assignment.objects.filter(
        covering(day), employee_id=OuterRef("pk"), position__agency_id=reviewer_list.agency_id
    )
    found = {
        e.pk: e
        for e in Employee.objects.filter(pk__in=ids)
        .annotate(holds=Exists(holds))
        .only("pk", "name", "nip", "status")
    }
    supervisors = list_supervisor_ids(reviewer_list) if relation == RelationChoice.PEER else set()
    for pk in ids:
        person = found.get(pk)
        if person is None:
            errors.append(f"Pegawai dengan id {pk} tidak ditemukan.")
            continue
        who = f"{person.name} (NIP {person.nip})"
        if relation == RelationChoice.SELF:
            if pk != reviewer_list.employee_id:
                errors.append(
                    f"{who} bukan pegawai yang dinilai; penilaian diri hanya oleh pegawai itu."
                )
            continue
        if pk == reviewer_list.employee_id:
            errors.append(
                f"{who} adalah pegawai yang dinilai; pilih pegawai lain sebagai "
                f"{RelationChoice(relation).label.lower()}."
            )
        elif pk in supervisors:
            errors.append(f"{who} adalah atasan pegawai; atasan tidak dapat menjadi rekan kerja.")
        elif person.status != EmployeeStatus.ACTIVE:
            errors.append(
                f"{who} berstatus {person.get_status_display()}; hanya pegawai aktif yang dapat "
                "menjadi penilai."
            )
        elif not getattr(person, "holds", False):
            errors.append(
                f"{who} tidak memegang jabatan di {reviewer_list.agency} pada tanggal ini; "
                "penilai harus pegawai perangkat daerah yang sama."
            )
    return {field: errors} if errors else {}


def peer_ids_from_nips(*, text: str, agency_id: int, day: date) -> tuple[list[int], list[str]]:
    """The employees named by NIPs separated by commas (or spaces), holding a post in the
    agency on the day; and the errors for NIPs not found there."""
    nips = [part.strip() for part in text.replace(";", ",").replace(" ", ",").split(",")]
    nips = [nip for nip in dict.fromkeys(nips) if nip]
    errors: list[str] = []
    bad = [nip for nip in nips if not (nip.isdigit() and len(nip) == 18)]
    for nip in bad:
        errors.append(f"NIP “{nip}” tidak sah; NIP terdiri dari 18 angka.")
    good = [nip for nip in nips if nip not in bad]
    rows = dict(
        Employee.objects.filter(
            nip__in=good,
            assignments__in=Assignment.objects.filter(covering(day), position__agency_id=agency_id),
        )
        .distinct()
        .values_list("nip", "pk")
    )
    for nip in good:
        if nip not in rows:
            errors.append(
                f"NIP {nip} tidak ditemukan di antara pegawai perangkat daerah ini yang memegang "
                "jabatan saat ini."
            )
    return [rows[nip] for nip in good if nip in rows], errors
