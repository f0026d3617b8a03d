"""The "Tugas saya" home: each app registers what it holds for a user, core shows the cards.

Apps higher in the layer order register a provider in their AppConfig.ready(); core never
imports them, so the home page grows with the system without depending on it.

A card is one of three kinds, and the home page groups them so it never claims more than the
system knows: a TASK waits for the user's action, a PLACE is something the system holds for
the user's role today (their profile, their team, their agency's employees), and NOT_OPEN is a
capability of the performance cycle that the user will have but that is not open yet (plans,
realisations, surveys, evaluation arrive in later issues; the app that opens one registers its
own cards and the NOT_OPEN card for it goes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class CardKind(StrEnum):
    TASK = "task"
    PLACE = "place"
    NOT_OPEN = "not_open"


@dataclass(frozen=True)
class TaskItem:
    title: str
    description: str
    url: str = ""
    action_label: str = ""
    urgent: bool = False
    kind: CardKind = CardKind.TASK


TaskProvider = Callable[[Any], list[TaskItem]]

_providers: list[TaskProvider] = []


def task_provider_register(provider: TaskProvider) -> TaskProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def my_tasks_for(user: Any) -> list[TaskItem]:
    """Every card for the user, urgent tasks first, in the order the providers gave them."""
    items: list[TaskItem] = []
    for provider in _providers:
        items.extend(provider(user))
    return sorted(items, key=lambda item: not item.urgent)


@dataclass(frozen=True)
class HomeCards:
    tasks: list[TaskItem]
    places: list[TaskItem]
    not_open: list[TaskItem]


def home_cards_for(user: Any) -> HomeCards:
    items = my_tasks_for(user)
    return HomeCards(
        tasks=[i for i in items if i.kind == CardKind.TASK],
        places=[i for i in items if i.kind == CardKind.PLACE],
        not_open=[i for i in items if i.kind == CardKind.NOT_OPEN],
    )
