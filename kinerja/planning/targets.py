"""A target as people read it: `1.234,56 dokumen`, `80,00–90,00 persen`, or its description."""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from kinerja.planning.models import TargetKind
from kinerja.scoring.formatting import format_decimal


class HasTarget(Protocol):
    target_kind: str
    target_value: Decimal | None
    target_max: Decimal | None
    target_unit: str
    target_description: str


def _number(value: Decimal | None) -> str:
    return "—" if value is None else format_decimal(value, 2)


def target_text(item: HasTarget) -> str:
    """The target of an indicator (or goal indicator) in Indonesian number format."""
    unit = f" {item.target_unit}" if item.target_unit else ""
    if item.target_kind == TargetKind.DESCRIBED:
        return item.target_description
    if item.target_kind == TargetKind.RANGE:
        return f"{_number(item.target_value)}–{_number(item.target_max)}{unit}"
    return f"{_number(item.target_value)}{unit}"
