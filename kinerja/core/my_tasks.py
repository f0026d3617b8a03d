"""The "Tugas saya" home: each app registers what a user must do next, core shows the list.

Apps higher in the layer order register a provider in their AppConfig.ready(); core never
imports them, so the home page grows with the system without depending on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TaskItem:
    title: str
    description: str
    url: str
    action_label: str
    urgent: bool = False


TaskProvider = Callable[[Any], list[TaskItem]]

_providers: list[TaskProvider] = []


def task_provider_register(provider: TaskProvider) -> TaskProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def my_tasks_for(user: Any) -> list[TaskItem]:
    items: list[TaskItem] = []
    for provider in _providers:
        items.extend(provider(user))
    return sorted(items, key=lambda item: not item.urgent)
