"""What the appraiser sends (a rating and reason per result, a rating and note per core
value) and the names of the fields that refusals are filed under, shared with the form."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.evaluation.models import ResultRating
from kinerja.scoring.achievement import ResultKind


@dataclass(frozen=True)
class ResultInput:
    """The appraiser's rating of one result and the reason when it departs from the
    suggestion."""

    result_id: int
    rating: str
    reason: str = ""


@dataclass(frozen=True)
class BehaviorInput:
    core_value: str
    rating: str
    note: str = ""


# --- field names shared with the form ------------------------------------------------------


def result_field(result_id: int) -> str:
    return f"result_{result_id}"


def result_reason_field(result_id: int) -> str:
    return f"result_reason_{result_id}"


def behavior_field(code: str) -> str:
    return f"behavior_{code}"


def behavior_note_field(code: str) -> str:
    return f"behavior_note_{code}"


def result_label(row: ResultRating) -> str:
    """How a refusal names a result: "rating hasil kerja utama 2" (lower case: the rules
    capitalise the first letter of the sentence)."""
    kind = "utama" if row.result.kind == ResultKind.UTAMA.value else "tambahan"
    return f"rating hasil kerja {kind} {row.result.number}"
