"""Daily reminders: apps above register providers, `reminders_send` writes what they give.

The same registry pattern as the home cards (`kinerja/core/my_tasks.py`): an app higher in
the layer order registers a provider in its AppConfig.ready() with
`reminder_provider_register`, so this app never imports it. A provider is a function of the
day that returns `Reminder`s; each carries a `key` (e.g. `realization_due:12:3`) unique per
recipient, so running the reminders twice writes, and emails, nothing twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from kinerja.audit.services import audit_record
from kinerja.notifications.emails import EmailReport, emails_send
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import Entry, notifications_write
from kinerja.scoring.formatting import format_date_id


@dataclass(frozen=True)
class Reminder:
    recipient_id: int | None
    kind: str
    title: str
    text: str
    url: str
    key: str


ReminderProvider = Callable[[date], Iterable[Reminder]]

_providers: list[ReminderProvider] = []


def reminder_provider_register(provider: ReminderProvider) -> ReminderProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


@dataclass(frozen=True)
class ReminderReport:
    day: date
    offered: int = 0
    written: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    email: EmailReport = field(default_factory=EmailReport)

    def lines(self) -> list[str]:
        kinds = ", ".join(
            f"{NotificationKind(kind).label} {n}" for kind, n in sorted(self.by_kind.items())
        )
        return [
            f"Pengingat {format_date_id(self.day)}: {self.offered} ditemukan, {self.written} baru "
            f"ditulis{f' ({kinds})' if kinds else ''}.",
            f"Email: {self.email.sent} terkirim, {self.email.no_address} tanpa alamat email"
            f"{f', {self.email.failed} gagal (dicoba lagi nanti)' if self.email.failed else ''}.",
        ]


def reminders_send(*, day: date) -> ReminderReport:
    """Ask every provider for `day`'s reminders, write the new ones (a key already in the
    recipient's inbox writes nothing) and audit one `reminders.sent` event with the counts
    when something was written; then send every pending email synchronously."""
    entries = [
        Entry(
            recipient_id=reminder.recipient_id,
            kind=reminder.kind,
            title=reminder.title,
            text=reminder.text,
            url=reminder.url,
            key=reminder.key,
        )
        for provider in list(_providers)
        for reminder in provider(day)
        if reminder.recipient_id is not None
    ]
    by_kind: Counter[str] = Counter()
    with transaction.atomic():
        written, _ = notifications_write(entries, counted=by_kind)
        if written:
            audit_record(
                actor=None,
                action="reminders.sent",
                after={"day": day.isoformat(), "created": written, "kinds": dict(by_kind)},
            )
    return ReminderReport(
        day=day,
        offered=len(entries),
        written=written,
        by_kind=dict(by_kind),
        email=emails_send(),
    )
