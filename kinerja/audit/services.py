"""Writing audit events. Called by every service, inside that service's transaction."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.utils import timezone
from django.utils.ipv6 import clean_ipv6_address

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_read_audit_trail, require
from kinerja.audit.chain import canonical_content, chain_hash
from kinerja.audit.models import GENESIS_HASH, AuditEvent
from kinerja.audit.tasks import audit_verify_task
from kinerja.audit.trail import VERIFY_KIND
from kinerja.core.jobs import job_create, job_start
from kinerja.core.models import Job
from kinerja.core.request_context import request_context_get

# Any constant works; it names the one lock that serialises appends to the chain.
_CHAIN_LOCK_KEY = 7_461_203_415


def _json_plain(value: Any) -> Any:
    """The value exactly as it will read back from the JSON column (dates become strings)."""
    if value is None:
        return None
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def _lock_chain() -> None:
    # PostgreSQL: a transaction-scoped advisory lock, released at commit. SQLite: every
    # transaction begins IMMEDIATE (settings), which already holds the database write lock.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])


def audit_record(
    *,
    actor: Actor,
    action: str,
    obj: Any = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain. `action` is `<entity>.<past participle>`, e.g. user.created.

    Must run inside the caller's transaction, so the event and the change commit together.
    """
    if not connection.in_atomic_block:
        raise ImproperlyConfigured("audit_record harus dipanggil di dalam transaksi layanan.")
    entity, _, verb = action.partition(".")
    if not entity or not verb:
        raise ValueError(f"Nama tindakan audit {action!r} harus berbentuk <entitas>.<kata kerja>.")
    context = request_context_get()
    client_ip = context.client_ip
    if client_ip and ":" in client_ip:
        client_ip = clean_ipv6_address(client_ip)
    actor_id = actor.pk if actor is not None else None
    actor_label = str(actor) if actor is not None else "Sistem"
    object_type = obj._meta.label if obj is not None else ""
    object_id = str(obj.pk) if obj is not None else ""
    object_label = str(obj)[:250] if obj is not None else ""
    occurred_at = timezone.now()
    before_plain, after_plain = _json_plain(before), _json_plain(after)

    _lock_chain()
    last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
    prev_hash = last or GENESIS_HASH
    content = canonical_content(
        occurred_at=occurred_at,
        actor_id=actor_id,
        actor_label=actor_label,
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_label=object_label,
        before=before_plain,
        after=after_plain,
        client_ip=client_ip,
        request_id=context.request_id,
    )
    return AuditEvent.objects.create(
        occurred_at=occurred_at,
        actor_id=actor_id,
        actor_label=actor_label,
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_label=object_label,
        before=before_plain,
        after=after_plain,
        client_ip=client_ip,
        request_id=context.request_id,
        prev_hash=prev_hash,
        hash=chain_hash(prev_hash, content),
    )


def audit_verification_start(*, actor: Actor) -> Job:
    """Start a chain verification in the background; returns the Job to follow."""
    require(can_read_audit_trail(actor), "Hanya Inspektorat yang dapat memverifikasi jejak audit.")
    with transaction.atomic():
        job = job_create(owner=actor, kind=VERIFY_KIND, title="Verifikasi rantai jejak audit")
        audit_record(actor=actor, action="audit_chain.verification_started", obj=job)
    return job_start(job=job, task=audit_verify_task)
