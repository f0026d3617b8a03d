"""Cards on "Tugas saya" for evaluation. (Scaffold: no cards yet.)"""

from __future__ import annotations

from typing import Any

from kinerja.core.my_tasks import TaskItem


def evaluation_cards_for(user: Any) -> list[TaskItem]:
    return []
