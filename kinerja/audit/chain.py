"""The hash chain: how an event's hash is computed, and how the whole chain is checked."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kinerja.audit.models import GENESIS_HASH, AuditEvent


def canonical_content(
    *,
    occurred_at: datetime,
    actor_id: int | None,
    actor_label: str,
    action: str,
    object_type: str,
    object_id: str,
    object_label: str,
    before: Any,
    after: Any,
    client_ip: str | None,
    request_id: str,
) -> str:
    """Sorted-key compact JSON of every stored field except the hashes; UTC microseconds."""
    return json.dumps(
        {
            "occurred_at": occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
            "actor_id": actor_id,
            "actor_label": actor_label,
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "object_label": object_label,
            "before": before,
            "after": after,
            "client_ip": client_ip,
            "request_id": request_id,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )


def chain_hash(prev_hash: str, content: str) -> str:
    return hashlib.sha256((prev_hash + content).encode("utf-8")).hexdigest()


def event_content(event: AuditEvent) -> str:
    return canonical_content(
        occurred_at=event.occurred_at,
        actor_id=event.actor_id,
        actor_label=event.actor_label,
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        object_label=event.object_label,
        before=event.before,
        after=event.after,
        client_ip=event.client_ip,
        request_id=event.request_id,
    )


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str = ""
    head_hash: str = GENESIS_HASH


def chain_verify(progress: Callable[[int, int], None] | None = None) -> ChainReport:
    """Walk the events in insertion order, recomputing each hash from its predecessor.

    Stops at the first event whose stored link or hash does not match and names it.
    """
    total = AuditEvent.objects.count()
    expected_prev = GENESIS_HASH
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != expected_prev:
            return ChainReport(
                ok=False,
                checked=checked,
                first_bad_id=event.id,
                reason=(
                    "mata rantai sebelumnya tidak cocok (peristiwa sebelumnya diubah atau dihapus)"
                ),
            )
        if chain_hash(event.prev_hash, event_content(event)) != event.hash:
            return ChainReport(
                ok=False,
                checked=checked,
                first_bad_id=event.id,
                reason="isi peristiwa tidak cocok dengan hash-nya (isi diubah)",
            )
        expected_prev = event.hash
        checked += 1
        if progress is not None and checked % 2000 == 0:
            progress(checked, total)
    return ChainReport(ok=True, checked=checked, head_hash=expected_prev)
