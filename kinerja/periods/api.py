"""API: performance periods (scaffold; filled by the periods helper)."""

from typing import Any

urlpatterns: list[Any] = []
