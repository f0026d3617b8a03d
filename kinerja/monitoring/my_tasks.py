"""Home cards of monitoring ("Tugas saya"), owned by the home-page helper."""

from __future__ import annotations

from typing import Any

from kinerja.core.my_tasks import TaskItem


def monitoring_cards_for(user: Any) -> list[TaskItem]:
    return []
