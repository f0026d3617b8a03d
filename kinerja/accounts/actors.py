"""Who acts: the one type every service and selector takes as `actor`.

`Actor` is a signed-in `User`, or None for the system itself: the demo seed, a migration, or a
background task that already checked the right of the admin who started it. Services skip the
right check for None and write audit events without a user; selectors and permission
predicates grant None nothing. This is the only place that says so.

Views pass `request_actor(request)`, never `request.user`: an anonymous visitor never becomes
None (the system) by accident, and mypy checks that only users and the system act.
"""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from rest_framework.request import Request

from kinerja.accounts.models import User

Actor: TypeAlias = User | None
"""A signed-in user, or None for the system (see the module docstring)."""


def request_actor(request: HttpRequest | Request) -> User:
    """The signed-in user of a request; 403 for an anonymous visitor.

    LoginRequiredMiddleware and DRF's IsAuthenticated already turn visitors away, so this
    only narrows the type, and refuses should a public view ever call a service by mistake.
    """
    user = request.user
    if isinstance(user, AnonymousUser) or not isinstance(user, User):
        raise PermissionDenied("Silakan masuk terlebih dahulu.")
    return user
