"""Fixtures every app's tests share. The cast itself is `kinerja.people.testing.Personas`.

Tests import builders and the `Personas` type from `kinerja.<app>.testing`, never from another
test module or from this file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache

from kinerja.core.testing import chromium_launch
from kinerja.people.testing import Personas, make_personas


@pytest.fixture
def personas(db: None) -> Personas:
    """The shared cast (who may see what: `Personas`), with their agency staffed."""
    return make_personas()


@pytest.fixture(autouse=True)
def _cache_cleared() -> None:
    """Each test starts with an empty cache: login failure counters live there."""
    cache.clear()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for the browser tests of one module (one launch a module); a test takes a
    fresh context from it (`kinerja.core.testing.chromium_page`)."""
    with chromium_launch() as launched:
        yield launched
