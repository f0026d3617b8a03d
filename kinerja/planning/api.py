"""API: plans with results, indicators and threads (scaffold; filled by the pages helper)."""

from typing import Any

urlpatterns: list[Any] = []
