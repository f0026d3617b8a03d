"""The OpenAPI schema of /api/docs/ is built without a warning: two serializers with one name,
a view the generator cannot read, … would give API users a wrong description."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_the_api_schema_builds_without_warnings(tmp_path: Path) -> None:
    target = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    text = target.read_text(encoding="utf-8")
    assert "/api/v1/360/tasks/" in text
    assert "/api/v1/360/results/" in text
