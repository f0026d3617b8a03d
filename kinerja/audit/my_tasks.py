from __future__ import annotations

from typing import Any

from django.urls import reverse

from kinerja.accounts.permissions import can_read_audit_trail
from kinerja.core.my_tasks import CardKind, TaskItem


def audit_tasks_for(user: Any) -> list[TaskItem]:
    if not can_read_audit_trail(user):
        return []
    return [
        TaskItem(
            title="Periksa jejak audit",
            description="Telusuri perubahan data dan verifikasi keutuhan rantai hash.",
            url=reverse("audit:event_list"),
            action_label="Buka jejak audit",
            kind=CardKind.PLACE,
        )
    ]
