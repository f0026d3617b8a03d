"""Completion of an activity: the employee records it with a certificate and JP; the appraiser
confirms (the JP count) or refuses with a reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile

from kinerja.accounts.actors import Actor
from kinerja.learning.models import DevelopmentItem


def development_item_complete(
    *,
    actor: Actor,
    item: DevelopmentItem,
    completed_on: date,
    jp_earned: Decimal,
    certificate: UploadedFile | None,
) -> DevelopmentItem:
    """The employee records completion PLANNED/REJECTED → COMPLETED [development_item.completed]
    of an item of an AGREED plan, with a certificate file through monitoring's evidence rules
    (`kinerja.monitoring.evidence.content.evidence_file_check`, stored by
    `kinerja.monitoring.evidence.storage`; required except for COACHING/MENTORING items, whose
    dialogue is the proof) and the JP earned (0,5 to `JP_MAX`); completed_on not in the future.
    The appraiser is told (DEVELOPMENT_ITEM_COMPLETED)."""
    raise NotImplementedError


def development_item_confirm(*, actor: Actor, item: DevelopmentItem) -> DevelopmentItem:
    """The appraiser confirms COMPLETED → CONFIRMED [development_item.confirmed]: the JP count
    toward the year of `completed_on`. The employee is told."""
    raise NotImplementedError


def development_item_reject(*, actor: Actor, item: DevelopmentItem, reason: str) -> DevelopmentItem:
    """The appraiser refuses the completion COMPLETED → REJECTED with a reason
    [development_item.rejected]; the employee is told and may record again."""
    raise NotImplementedError
