"""Home page cards and notices of the announcements part."""

from __future__ import annotations

from typing import Any

from kinerja.core.my_tasks import HomeNotice, TaskItem


def notices_for(user: Any) -> list[HomeNotice]:
    return []


def cards_for(user: Any) -> list[TaskItem]:
    return []
