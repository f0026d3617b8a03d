"""Rules shared by the writes of a service standard (`standards.py`, `proposals.py`): limits,
refusal sentences, text cleaning, the row lock, the audit snapshot, the thread note."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.discussions.models import Comment
from kinerja.discussions.services import COMMENT_MAX_LENGTH, comment_add
from kinerja.people.holdings import employee_id_for_user
from kinerja.scoring.formatting import format_decimal
from kinerja.surveys.models import (
    ServiceStandard,
    StandardComponent,
    StandardComponentKind,
)
from kinerja.surveys.permissions import (
    can_approve_standard,
    can_take_part_in_standard,
)

Errors = dict[str, list[str]]

COMPONENT_MAX_CHARS = 5000
"""The longest text of one component of a standard, in characters."""
REASON_MAX_CHARS = 2000

REQUIRED_KINDS: tuple[str, ...] = (
    StandardComponentKind.REQUIREMENTS,
    StandardComponentKind.PROCEDURE,
    StandardComponentKind.TIME,
    StandardComponentKind.COST,
    StandardComponentKind.PRODUCT,
    StandardComponentKind.COMPLAINTS,
)
"""Components an approved standard must fill: what the survey's elements U1-U5 and U8 ask."""

NOT_EDITOR = (
    "Hanya pegawai unit layanan ini atau Admin OPD perangkat daerahnya yang dapat menyusun "
    "draf standar pelayanan."
)
NOT_STAFF = (
    "Hanya pegawai unit layanan ini yang dapat mengomentari, mendukung, atau mengusulkan "
    "perubahan standar pelayanannya."
)
NOT_HEAD = (
    "Hanya kepala unit layanan ini yang dapat menyetujui standar pelayanan dan memutuskan "
    "usul perubahannya."
)


def kind_label(kind: str) -> str:
    return str(StandardComponentKind(kind).label)


def errors_raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def text_clean(text: str) -> str:
    """Line endings as one newline, surrounding spaces removed: a text compares equal to
    itself whether it came from a browser (CRLF) or elsewhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def length_errors(field: str, label: str, text: str, limit: int) -> Errors:
    if len(text) > limit:
        return {
            field: [
                f"{label} sepanjang {format_decimal(len(text), 0)} karakter tidak diterima: "
                f"paling banyak {format_decimal(limit, 0)} karakter."
            ]
        }
    return {}


def kind_errors(field: str, kind: str) -> Errors:
    if kind in StandardComponentKind.values:
        return {}
    accepted = ", ".join(str(label) for label in StandardComponentKind.labels)
    return {field: [f"Komponen {str(kind)[:40]!r} tidak dikenal; pilih salah satu: {accepted}."]}


def standard_lock(standard: ServiceStandard) -> ServiceStandard:
    """The standard re-read under a row lock: its revision and state as they are now."""
    locked = ServiceStandard.objects.select_for_update().get(pk=standard.pk)
    for field in ("state", "revision", "approved_version", "approved_at", "approved_by_id"):
        setattr(standard, field, getattr(locked, field))
    return standard


def revision_errors(standard: ServiceStandard, revision: int) -> Errors:
    if revision == standard.revision:
        return {}
    return {
        "revision": [
            f"Draf sudah disimpan orang lain (kini revisi {standard.revision}) sejak Anda "
            f"membukanya pada revisi {revision}: perubahan Anda belum disimpan. Salin teks "
            "Anda, muat ulang halaman, lalu ulangi perubahan pada draf terbaru."
        ]
    }


def standard_snapshot(standard: ServiceStandard) -> dict[str, Any]:
    return {
        "service_unit_id": standard.service_unit_id,
        "state": standard.state,
        "revision": standard.revision,
        "approved_version": standard.approved_version,
    }


def standard_components(standard: ServiceStandard) -> list[StandardComponent]:
    return list(standard.components.order_by("position"))


def standard_lines(texts: Mapping[str, str]) -> list[str]:
    """The readable rendering of a standard that versions are compared on: each component's
    name, then its text indented a level, line by line (empty lines dropped)."""
    lines: list[str] = []
    for kind in StandardComponentKind.values:
        text = texts.get(kind, "")
        lines.append(f"{kind_label(kind)}:" if text.strip() else f"{kind_label(kind)}: (kosong)")
        lines.extend(f"  {line.strip()}" for line in text.splitlines() if line.strip())
    return lines


def text_shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def thread_note(actor: Actor, standard: ServiceStandard, body: str) -> Comment:
    return comment_add(actor=actor, subject=standard, body=text_shorten(body, COMMENT_MAX_LENGTH))


def staff_employee_id(actor: Actor, standard: ServiceStandard) -> int:
    """The acting staff member's employee id; refused for anyone else (and the system)."""
    employee_id = employee_id_for_user(actor)
    if employee_id is None or not can_take_part_in_standard(actor, standard.service_unit):
        raise PermissionDenied(NOT_STAFF)
    return employee_id


def require_head(actor: Actor, standard: ServiceStandard) -> None:
    if actor is not None:
        require(can_approve_standard(actor, standard.service_unit), NOT_HEAD)
