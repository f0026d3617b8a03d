"""Request-scoped context (request id, client IP) for audit events and logs."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from kinerja.core.request_context import (
    RequestContext,
    new_request_id,
    request_context_reset,
    request_context_set,
)

_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def client_ip_from(request: HttpRequest) -> str | None:
    # Behind a proxy the deployment must set REMOTE_ADDR correctly (e.g. nginx real_ip);
    # X-Forwarded-For is not trusted here because any client can forge it.
    ip = request.META.get("REMOTE_ADDR")
    return str(ip) if ip else None


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else new_request_id()
        token = request_context_set(
            RequestContext(request_id=request_id, client_ip=client_ip_from(request))
        )
        try:
            response = self.get_response(request)
        finally:
            request_context_reset(token)
        response["X-Request-ID"] = request_id
        return response
