"""The "Bantuan" link of every page: to the guide that explains the page being shown.

No query: the link names the page (`namespace:name` of the resolved URL); the guide is looked
up only when the link is followed (`views.guides.help_for_page`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse

_NO_LINK_NAMESPACES = {"engagement", "admin", "api"}


def help_link(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    if user is None or not user.is_authenticated or match is None or not match.view_name:
        return {}
    if match.namespace in _NO_LINK_NAMESPACES or ":" not in match.view_name:
        return {}
    query = urlencode({"halaman": match.view_name})
    return {"help_url": f"{reverse('engagement:help_for_page')}?{query}"}
