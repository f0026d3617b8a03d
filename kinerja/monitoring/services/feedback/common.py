"""What the feedback services share: the length limits of their texts and the checks of a
required or optional text (a refusal of `kinerja.monitoring.feedback_permissions` becomes
PermissionDenied through `kinerja.accounts.permissions.refuse`).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

TEXT_MIN = 20
"""The shortest feedback accepted, in characters (after surrounding spaces are removed)."""
TEXT_MAX = 4000
MESSAGE_MAX = 2000
REASON_MIN = 10


def _required_text(field: str, label: str, value: str, *, minimum: int, maximum: int) -> str:
    text = value.strip()
    if len(text) < minimum:
        raise ValidationError(
            {
                field: [
                    f"{label} {len(text)} karakter terlalu pendek: tulis paling sedikit "
                    f"{minimum} karakter."
                ]
            }
        )
    if len(text) > maximum:
        raise ValidationError(
            {field: [f"{label} {len(text)} karakter terlalu panjang: paling banyak {maximum}."]}
        )
    return text


def _optional_text(field: str, label: str, value: str, *, maximum: int = TEXT_MAX) -> str:
    text = value.strip()
    if len(text) > maximum:
        raise ValidationError(
            {field: [f"{label} {len(text)} karakter terlalu panjang: paling banyak {maximum}."]}
        )
    return text
