"""The events of a few records, for pages that show one record's history to the people it
concerns (an evaluation's timeline), with a check of each event's place in the chain.

No authorisation here: the calling app fetches its record through its own `_get_for_actor`
selector first and asks only for that record's events. The whole-chain check stays
Inspektorat's (`chain.chain_verify`); what a record's page may show is:

- `events_check`: each of the record's events still matches its hash, and its link to the
  event before it holds (that event exists with that hash). Changing or removing any of these
  events, or the event just before one, shows here; the cost is one query for any number.
- `last_chain_verification`: when Inspektorat last verified the whole chain, and the verdict.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q

from kinerja.audit.chain import chain_hash, event_content
from kinerja.audit.models import GENESIS_HASH, AuditEvent
from kinerja.core.models import Job

VERIFY_KIND = "audit.verify"

ObjectKey = tuple[str, str]
"""`(object_type, object_id)` as stored on the event: `("evaluation.Evaluation", "42")`."""


def object_key(obj: object) -> ObjectKey:
    """The key an event about `obj` carries (`audit_record(obj=...)`)."""
    return obj._meta.label, str(obj.pk)  # type: ignore[attr-defined]


def object_events(keys: Iterable[ObjectKey]) -> list[AuditEvent]:
    """Every event about these records, oldest first, in one query."""
    query = Q()
    wanted = list(keys)
    for object_type, object_id in wanted:
        query |= Q(object_type=object_type, object_id=object_id)
    if not wanted:
        return []
    return list(AuditEvent.objects.filter(query).select_related("actor").order_by("id"))


@dataclass(frozen=True)
class EventsCheck:
    checked: int
    bad_ids: list[int] = field(default_factory=list)
    reasons: dict[int, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.bad_ids


def events_check(events: list[AuditEvent]) -> EventsCheck:
    """Whether each event still matches its hash and follows an existing event with the hash it
    links to (rules in the module docstring). One query for the predecessors."""
    links = {e.prev_hash for e in events if e.prev_hash != GENESIS_HASH}
    found = dict(AuditEvent.objects.filter(hash__in=links).values_list("hash", "id"))  # hash -> id
    bad: list[int] = []
    reasons: dict[int, str] = {}
    for event in events:
        if chain_hash(event.prev_hash, event_content(event)) != event.hash:
            bad.append(event.id)
            reasons[event.id] = "isi peristiwa tidak cocok dengan hash-nya (isi diubah)"
        elif event.prev_hash != GENESIS_HASH and found.get(event.prev_hash, event.id) >= event.id:
            bad.append(event.id)
            reasons[event.id] = (
                "peristiwa sebelumnya dalam rantai tidak ditemukan (diubah atau dihapus)"
            )
    return EventsCheck(checked=len(events), bad_ids=bad, reasons=reasons)


@dataclass(frozen=True)
class ChainVerification:
    finished_at: datetime
    ok: bool
    checked: int
    first_bad_id: int | None


def last_chain_verification() -> ChainVerification | None:
    """The latest finished whole-chain verification (Inspektorat's job), or None."""
    job = (
        Job.objects.filter(kind=VERIFY_KIND, status=Job.Status.SUCCEEDED)
        .order_by("-finished_at")
        .first()
    )
    if job is None or job.finished_at is None:
        return None
    result = job.result or {}
    return ChainVerification(
        finished_at=job.finished_at,
        ok=bool(result.get("ok")),
        checked=int(result.get("checked") or 0),
        first_bad_id=result.get("first_bad_id"),
    )
