"""Rules of the 360° round that every entrance (page, API, job, demo) asks.

Refusals are sentences in Bahasa Indonesia naming the field and what is accepted.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from kinerja.assessment.models import CycleState, ReviewCycle
from kinerja.assessment.questionnaire import (
    CANNOT_RATE_LABEL,
    COMMENT_MAX,
    SCALE_MAX,
    SCALE_MIN,
    question_codes,
)
from kinerja.planning.selectors import core_value_codes
from kinerja.scoring.formatting import format_date_id

MIN_PEERS = 3
MAX_PEERS = 5
"""A list proposes 3-5 peers; fewer than 3 is allowed (a small unit) and their group is then
shown as "kurang dari 3 penilai". [I]"""


def answer_refusal(cycle: ReviewCycle, day: date) -> str | None:
    """Why answers of this cycle cannot be written or changed on `day`; None when they can."""
    if cycle.state == CycleState.DRAFT:
        return "Putaran umpan balik 360 ini belum dibuka untuk pengisian."
    if cycle.state == CycleState.CLOSED:
        return "Putaran umpan balik 360 ini sudah selesai; jawaban tidak dapat diubah lagi."
    if day > cycle.due_date:
        return (
            f"Batas pengisian putaran ini {format_date_id(cycle.due_date)} sudah lewat; "
            "jawaban tidak dapat diubah lagi."
        )
    return None


def answer_errors(
    scores: Mapping[str, Any], comments: Mapping[str, Any], *, complete: bool
) -> dict[str, list[str]]:
    """Field errors of a set of answers: unknown codes, scores outside 1-5, comments too long;
    with `complete`, every behaviour must have a score or "tidak dapat menilai".

    `scores` maps a behaviour code to an int 1-5 or None ("tidak dapat menilai"); `comments`
    maps a core value code to text. Keys of the errors are the codes."""
    errors: dict[str, list[str]] = {}
    known = question_codes()
    for code, score in scores.items():
        if code not in known:
            errors.setdefault("scores", []).append(
                f"Perilaku “{code}” tidak dikenal; pakai kode seperti AKUNTABEL.1 sampai "
                "KOLABORATIF.3."
            )
            continue
        if score is None:
            continue
        if (
            isinstance(score, bool)
            or not isinstance(score, int)
            or not (SCALE_MIN <= score <= SCALE_MAX)
        ):
            errors.setdefault(code, []).append(
                f"Skor “{score}” tidak sah; isi bilangan bulat {SCALE_MIN}-{SCALE_MAX} atau "
                f"pilih “{CANNOT_RATE_LABEL}”."
            )
    values = core_value_codes()
    for code, text in comments.items():
        if code not in values:
            errors.setdefault("comments", []).append(
                f"Nilai dasar “{code}” tidak dikenal; pakai salah satu dari "
                f"{', '.join(sorted(values))}."
            )
        elif not isinstance(text, str):
            errors.setdefault(f"comment_{code}", []).append("Komentar harus berupa teks.")
        elif len(text) > COMMENT_MAX:
            errors.setdefault(f"comment_{code}", []).append(
                f"Komentar terlalu panjang ({len(text)} karakter); paling banyak "
                f"{COMMENT_MAX} karakter."
            )
    if complete:
        missing = sorted(known - set(scores))
        if missing:
            errors.setdefault("scores", []).append(
                f"{len(missing)} perilaku belum dijawab ({', '.join(missing[:3])}"
                f"{', …' if len(missing) > 3 else ''}); isi skor {SCALE_MIN}-{SCALE_MAX} atau "
                f"pilih “{CANNOT_RATE_LABEL}” untuk setiap perilaku sebelum mengirim."
            )
    return errors
