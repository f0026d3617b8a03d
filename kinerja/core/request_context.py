"""Who is asking, from where, in which request: read by services that write audit events.

The middleware fills a context variable per request; background tasks and management commands
leave it empty, and the audit trail then records no IP and a generated request id.
"""

from __future__ import annotations

import contextvars
import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    request_id: str
    client_ip: str | None


_current: contextvars.ContextVar[RequestContext | None] = contextvars.ContextVar(
    "kinerja_request_context", default=None
)


def request_context_set(context: RequestContext | None) -> contextvars.Token[RequestContext | None]:
    return _current.set(context)


def request_context_reset(token: contextvars.Token[RequestContext | None]) -> None:
    _current.reset(token)


def request_context_get() -> RequestContext:
    """The current request's context, or one for work that no request started."""
    return _current.get() or RequestContext(
        request_id=f"sys-{uuid.uuid4().hex[:16]}", client_ip=None
    )


def new_request_id() -> str:
    return uuid.uuid4().hex
