"""The organisation predikat the Pimpinan sets per agency, window and year, with the
recommendations of the planning, HR and audit units (PermenPANRB 6/2022: the leader above sets
the organisation's predikat, possibly on the advice of those units).

Only the Pimpinan sets it (`permissions.can_set_organization_rating`); never once the period is
closed. One row per agency and group time: setting it again updates that row. Audited as
`organization_rating.set` with before and after.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.evaluation.models import OrganizationRating
from kinerja.evaluation.permissions import NOT_ORG_RATER, can_set_organization_rating
from kinerja.evaluation.rules import Scope
from kinerja.organization.models import Agency
from kinerja.periods.models import PeriodState
from kinerja.scoring.ratings import OrganizationPredikat

NOTE_MAX = 4000
NOTE_LABELS = {
    "planning_note": "Rekomendasi unit perencanaan",
    "hr_note": "Rekomendasi unit kepegawaian",
    "audit_note": "Rekomendasi unit pengawasan",
}
PREDIKAT_VALUES = frozenset(value.value for value in OrganizationPredikat)
ACCEPTED_PREDIKAT = ", ".join(f"{value.value} ({value.label})" for value in OrganizationPredikat)


def organization_rating_snapshot(rating: OrganizationRating) -> dict[str, Any]:
    return {
        "agency_id": rating.agency_id,
        "period_id": rating.period_id,
        "window_id": rating.window_id,
        "predikat": rating.predikat,
        "planning_note": rating.planning_note,
        "hr_note": rating.hr_note,
        "audit_note": rating.audit_note,
    }


def organization_rating_errors(
    *, scope: Scope, predikat: str, notes: dict[str, str]
) -> dict[str, list[str]]:
    """Every refusal of the input, keyed by field ({} when it may be saved)."""
    errors: dict[str, list[str]] = {}
    if scope.period.state == PeriodState.CLOSED:
        errors["predikat"] = [
            f"{scope.period.name} sudah ditutup; predikat kinerja organisasi tidak dapat "
            "diubah lagi."
        ]
    if scope.window is not None and scope.window.period_id != scope.period.pk:
        errors["window"] = [
            f"Evaluasi periodik {scope.window.name} bukan bagian dari {scope.period.name}."
        ]
    if not predikat:
        errors.setdefault("predikat", []).append(
            f"Predikat kinerja organisasi wajib dipilih: {ACCEPTED_PREDIKAT}."
        )
    elif predikat not in PREDIKAT_VALUES:
        errors.setdefault("predikat", []).append(
            f"Predikat kinerja organisasi {predikat[:20]!r} tidak dikenal; pilih salah satu: "
            f"{ACCEPTED_PREDIKAT}."
        )
    for field, text in notes.items():
        if len(text) > NOTE_MAX:
            errors[field] = [
                f"{NOTE_LABELS[field]} terlalu panjang ({len(text)} karakter); paling banyak "
                f"{NOTE_MAX} karakter."
            ]
    return errors


def organization_rating_set(
    *,
    actor: Actor,
    agency: Agency,
    scope: Scope,
    predikat: str,
    planning_note: str = "",
    hr_note: str = "",
    audit_note: str = "",
) -> OrganizationRating:
    """Set (create or update) the predikat of `agency` for the group's time `scope`, with the
    three units' recommendations [organization_rating.set]. Pimpinan only; the predikat is one
    of the five organisation predikat; each note at most 4000 characters; not in a closed
    period."""
    if not can_set_organization_rating(actor):
        raise PermissionDenied(NOT_ORG_RATER)
    predikat = predikat.strip()
    notes = {
        "planning_note": planning_note.strip(),
        "hr_note": hr_note.strip(),
        "audit_note": audit_note.strip(),
    }
    errors = organization_rating_errors(scope=scope, predikat=predikat, notes=notes)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        rating = (
            OrganizationRating.objects.select_for_update()
            .order_by()  # the default ordering joins the window, which FOR UPDATE refuses
            .filter(agency=agency, period=scope.period, window=scope.window)
            .first()
        )
        before = organization_rating_snapshot(rating) if rating else None
        if rating is None:
            rating = OrganizationRating(agency=agency, period=scope.period, window=scope.window)
        rating.predikat = predikat
        rating.planning_note = notes["planning_note"]
        rating.hr_note = notes["hr_note"]
        rating.audit_note = notes["audit_note"]
        rating.set_by = actor
        rating.save()
        audit_record(
            actor=actor,
            action="organization_rating.set",
            obj=rating,
            before=before,
            after=organization_rating_snapshot(rating),
        )
    return rating
