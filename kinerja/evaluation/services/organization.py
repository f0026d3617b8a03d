"""The organisation predikat the Pimpinan sets per agency, window and year. (Scaffold.)"""

from __future__ import annotations

from kinerja.accounts.actors import Actor
from kinerja.evaluation.models import OrganizationRating
from kinerja.evaluation.rules import Scope
from kinerja.organization.models import Agency


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
    raise NotImplementedError
