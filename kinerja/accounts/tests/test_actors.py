"""`request_actor`: views hand services a signed-in user, never an anonymous visitor."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from kinerja.accounts.actors import request_actor
from kinerja.people.testing import Personas


def test_a_signed_in_user_is_the_actor(personas: Personas) -> None:
    request = RequestFactory().get("/")
    request.user = personas.agency_admin
    assert request_actor(request) == personas.agency_admin


def test_an_anonymous_visitor_is_refused_and_never_becomes_the_system() -> None:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with pytest.raises(PermissionDenied, match="masuk"):
        request_actor(request)
