"""Home page card of the suggestion box: for Admin BKPSDM, the suggestions waiting for an
answer (one COUNT, only for BKPSDM)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kinerja.core.my_tasks import CardKind, HomeNotice, TaskItem
from kinerja.engagement.models import SuggestionState
from kinerja.engagement.selectors.suggestions import suggestion_waiting_count


def notices_for(user: Any) -> list[HomeNotice]:
    return []


def cards_for(user: Any) -> list[TaskItem]:
    waiting = suggestion_waiting_count(actor=user)
    if not waiting:
        return []
    return [
        TaskItem(
            title=f"{waiting} saran menunggu jawaban",
            description="Saran pengguna tentang Kinerja; jawaban yang ditayangkan dibaca semua.",
            url=reverse("engagement:suggestion_manage") + f"?status={SuggestionState.SUBMITTED}",
            action_label="Jawab saran",
            kind=CardKind.TASK,
        )
    ]
