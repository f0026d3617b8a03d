"""Helpers shared by the roster sync (`roster.py`) and the list edits (`lists.py`)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError

from kinerja.assessment.keys import sheet_key
from kinerja.assessment.models import AnswerSheet, CycleState, ReviewCycle
from kinerja.notifications.services import Entry, email_queue_on_commit, notifications_write
from kinerja.scoring.formatting import format_date_id

LEFT_REASON = "Tidak lagi memegang jabatan di lingkup putaran."
REASON_MAX = 300


def notify_entries(entries: list[Entry]) -> None:
    _, emails = notifications_write(entries)
    if emails:
        email_queue_on_commit()


def sheets_delete(review_ids: Iterable[int]) -> int:
    keys = [sheet_key(pk) for pk in review_ids]
    if not keys:
        return 0
    deleted, _ = AnswerSheet.objects.filter(key__in=keys).delete()
    return deleted


def request_title(count: int, cycle: ReviewCycle) -> str:
    return f"Isi umpan balik 360 untuk {count} pegawai sampai {format_date_id(cycle.due_date)}"


def require_not_closed(cycle: ReviewCycle, field: str = "state") -> None:
    if cycle.state == CycleState.CLOSED:
        raise ValidationError(
            {field: ["Putaran umpan balik 360 ini sudah selesai; daftar penilai tidak dapat "
                     "diubah lagi."]}
        )  # fmt: skip
