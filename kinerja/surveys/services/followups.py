"""The unit's follow-up plan (rencana tindak lanjut): actions for its weakest elements of a
survey year, each with an owner, a due date and a state. Public on the results page."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.organization.models import ServiceUnit
from kinerja.scoring.ikm import Element
from kinerja.surveys.models import FollowUpAction, FollowUpState
from kinerja.surveys.permissions import can_manage_unit_survey
from kinerja.surveys.spans import YEAR_MAX, YEAR_MIN

ACTION_MAX_CHARS = 2000
OWNER_MAX_CHARS = 200
DUE_YEARS_AFTER = 5
MANAGE_REFUSAL = (
    "Hanya kepala unit layanan atau Admin OPD perangkat daerahnya yang dapat mengubah rencana "
    "tindak lanjut."
)

Errors = dict[str, list[str]]


def followup_snapshot(followup: FollowUpAction) -> dict[str, Any]:
    return {
        "year": followup.year,
        "element": followup.element,
        "action": followup.action,
        "owner": followup.owner,
        "due_date": followup.due_date,
        "state": followup.state,
    }


def _require_manage(actor: Actor, service_unit: ServiceUnit) -> None:
    require(can_manage_unit_survey(actor, service_unit), MANAGE_REFUSAL)


def _check(
    *, year: int, element: str, action: str, owner: str, due_date: date | None, state: str
) -> Errors:
    errors: Errors = {}
    if not YEAR_MIN <= year <= YEAR_MAX:
        errors["year"] = [f"Tahun survei {year} di luar rentang {YEAR_MIN}-{YEAR_MAX}."]
    if element not in {e.value for e in Element}:
        errors["element"] = [f"Unsur '{element}' tidak dikenal; pilih salah satu dari U1-U9."]
    if not action:
        errors["action"] = ["Tindak lanjut wajib diisi."]
    elif len(action) > ACTION_MAX_CHARS:
        errors["action"] = [
            f"Tindak lanjut terlalu panjang ({len(action)} karakter); "
            f"paling banyak {ACTION_MAX_CHARS} karakter."
        ]
    if not owner:
        errors["owner"] = ["Penanggung jawab wajib diisi."]
    elif len(owner) > OWNER_MAX_CHARS:
        errors["owner"] = [
            f"Penanggung jawab terlalu panjang ({len(owner)} karakter); "
            f"paling banyak {OWNER_MAX_CHARS} karakter."
        ]
    if due_date is None:
        errors["due_date"] = ["Target selesai wajib diisi."]
    elif not year <= due_date.year <= year + DUE_YEARS_AFTER:
        errors["due_date"] = [
            f"Target selesai {due_date.isoformat()} harus pada tahun {year} atau sesudahnya, "
            f"paling lambat tahun {year + DUE_YEARS_AFTER}."
        ]
    if state not in FollowUpState.values:
        errors["state"] = [
            f"Status '{state}' tidak dikenal; pilih Direncanakan, Sedang dikerjakan, atau Selesai."
        ]
    return errors


def followup_create(
    *,
    actor: Actor,
    service_unit: ServiceUnit,
    year: int,
    element: str,
    action: str,
    owner: str,
    due_date: date | None,
    state: str = FollowUpState.PLANNED,
) -> FollowUpAction:
    """Add an action to the unit's follow-up plan of `year` [survey_followup.created]."""
    _require_manage(actor, service_unit)
    action, owner = action.strip(), owner.strip()
    errors = _check(
        year=year, element=element, action=action, owner=owner, due_date=due_date, state=state
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        followup = FollowUpAction.objects.create(
            service_unit=service_unit, year=year, element=element, action=action,
            owner=owner, due_date=due_date, state=state,
        )  # fmt: skip
        audit_record(
            actor=actor, action="survey_followup.created", obj=followup,
            after=followup_snapshot(followup),
        )  # fmt: skip
    return followup


def followup_update(
    *,
    actor: Actor,
    followup: FollowUpAction,
    element: str,
    action: str,
    owner: str,
    due_date: date | None,
    state: str,
) -> FollowUpAction:
    """Change an action of the follow-up plan (its year stays) [survey_followup.updated]."""
    _require_manage(actor, followup.service_unit)
    action, owner = action.strip(), owner.strip()
    errors = _check(
        year=followup.year, element=element, action=action, owner=owner, due_date=due_date,
        state=state,
    )  # fmt: skip
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        followup = FollowUpAction.objects.select_for_update().get(pk=followup.pk)
        before = followup_snapshot(followup)
        followup.element, followup.action, followup.owner = element, action, owner
        followup.due_date, followup.state = due_date, state
        followup.save()
        audit_record(
            actor=actor, action="survey_followup.updated", obj=followup, before=before,
            after=followup_snapshot(followup),
        )  # fmt: skip
    return followup


def followup_delete(*, actor: Actor, followup: FollowUpAction) -> None:
    """Remove an action from the follow-up plan [survey_followup.deleted]."""
    _require_manage(actor, followup.service_unit)
    with transaction.atomic():
        followup = FollowUpAction.objects.select_for_update().get(pk=followup.pk)
        audit_record(
            actor=actor, action="survey_followup.deleted", obj=followup,
            before=followup_snapshot(followup),
        )  # fmt: skip
        followup.delete()
