"""The "Tugas saya" home: each app registers what it holds for a user, core shows the cards.

Apps higher in the layer order register a provider in their AppConfig.ready(); core never
imports them, so the home page grows with the system without depending on it.

A card is one of four kinds, and the home page groups them so it never claims more than the
system knows: a TASK waits for the user's action (with its `due` date when it has one), WAITING
is something the user did that now waits for someone else (a submitted plan or realisation, a
feedback request), a PLACE is something the system holds for the user's role today (their
profile, their team, their agency's employees), and NOT_OPEN is a capability of the
performance cycle that the user will have but that is not open yet (the app that opens one
registers its own cards and the NOT_OPEN card for it goes).

The page shows, in this order: "Jatuh tempo minggu ini" (tasks due within `DUE_SOON` or
already past, the past ones marked late), "Perlu tindakan Anda" (the other tasks), "Menunggu
pihak lain", "Untuk peran Anda" (places) and "Belum dibuka".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from django.utils import timezone

DUE_SOON = timedelta(days=7)
"""A task whose due date is at most this far ahead (or past) is "due this week"."""


class CardKind(StrEnum):
    TASK = "task"
    WAITING = "waiting"
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
    due: date | None = None
    due_label: str = "Batas"  # how the card names `due`: "Batas", "Jadwal", …


TaskProvider = Callable[[Any], list[TaskItem]]

_providers: list[TaskProvider] = []


def task_provider_register(provider: TaskProvider) -> TaskProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


@dataclass(frozen=True)
class HomeNotice:
    """Something shown above the cards until the user deals with it: an unread announcement,
    the invitation to the first-login tour. `body_html` is already safe HTML (the registering
    app sanitises it). The optional form posts to `dismiss_url` (mark read, skip)."""

    key: str
    title: str
    body_html: str = ""
    url: str = ""
    action_label: str = ""
    dismiss_url: str = ""
    dismiss_label: str = ""
    tone: str = "info"  # a Bootstrap alert tone: info, warning


NoticeProvider = Callable[[Any], list[HomeNotice]]

_notice_providers: list[NoticeProvider] = []


def home_notice_provider_register(provider: NoticeProvider) -> NoticeProvider:
    """Register a provider of home notices (in AppConfig.ready of an app above core)."""
    if provider not in _notice_providers:
        _notice_providers.append(provider)
    return provider


def home_notices_for(user: Any) -> list[HomeNotice]:
    notices: list[HomeNotice] = []
    for provider in _notice_providers:
        notices.extend(provider(user))
    return notices


def my_tasks_for(user: Any) -> list[TaskItem]:
    """Every card for the user, urgent tasks first, in the order the providers gave them."""
    items: list[TaskItem] = []
    for provider in _providers:
        items.extend(provider(user))
    return sorted(items, key=lambda item: not item.urgent)


@dataclass(frozen=True)
class DueTask:
    """A task of "Jatuh tempo minggu ini": `late` when its due date is before today."""

    item: TaskItem
    late: bool


@dataclass(frozen=True)
class HomeCards:
    due: list[DueTask]
    tasks: list[TaskItem]
    waiting: list[TaskItem]
    places: list[TaskItem]
    not_open: list[TaskItem]
    today: date
    notices: list[HomeNotice] = field(default_factory=list)

    @property
    def has_tasks(self) -> bool:
        return bool(self.due or self.tasks)


def is_due_soon(item: TaskItem, day: date) -> bool:
    return item.kind == CardKind.TASK and item.due is not None and item.due <= day + DUE_SOON


def home_cards_for(user: Any, *, day: date | None = None) -> HomeCards:
    """The home page's sections. Due tasks are ordered by due date (the latest last), the
    other tasks urgent first then by due date, every other section in the providers' order."""
    day = day or timezone.localdate()
    items = my_tasks_for(user)
    tasks = [i for i in items if i.kind == CardKind.TASK]
    due = sorted(
        (i for i in tasks if is_due_soon(i, day)), key=lambda i: (i.due or day, not i.urgent)
    )
    rest = [i for i in tasks if not is_due_soon(i, day)]
    rest.sort(key=lambda i: (not i.urgent, i.due is None, i.due or day))
    return HomeCards(
        due=[DueTask(item=i, late=i.due is not None and i.due < day) for i in due],
        tasks=rest,
        waiting=[i for i in items if i.kind == CardKind.WAITING],
        places=[i for i in items if i.kind == CardKind.PLACE],
        not_open=[i for i in items if i.kind == CardKind.NOT_OPEN],
        today=day,
        notices=home_notices_for(user),
    )
