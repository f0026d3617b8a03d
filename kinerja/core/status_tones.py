"""Which colour and icon a status badge gets: one table for every state shown in the interface.

A badge never relies on colour alone: it always shows its label and, for the strong tones, an
icon. States are keyed by their stored code (the value of the model's choices), so plans,
ratings, predikat and jobs share one look. Unknown codes fall back to the neutral tone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tone:
    css: str
    icon: str


NEUTRAL = Tone("neutral", "")
INFO = Tone("info", "clock")
SUCCESS = Tone("success", "check-circle")
WARNING = Tone("warning", "exclamation-triangle")
DANGER = Tone("danger", "x-circle")

TONES = {
    "neutral": NEUTRAL,
    "info": INFO,
    "success": SUCCESS,
    "warning": WARNING,
    "danger": DANGER,
}

STATE_TONES: dict[str, Tone] = {
    # Plans (SKP) and other documents that go through drafting and approval.
    "DRAFT": NEUTRAL,
    "SUBMITTED": INFO,
    "RETURNED": WARNING,
    "APPROVED": SUCCESS,
    "FINAL": SUCCESS,
    # Ratings (hasil kerja / perilaku).
    "ABOVE": SUCCESS,
    "MEETS": INFO,
    "BELOW": DANGER,
    # Predikat kinerja pegawai and organisasi.
    "ISTIMEWA": SUCCESS,
    "SANGAT_BAIK": SUCCESS,
    "BAIK": INFO,
    "BUTUH_PERBAIKAN": WARNING,
    "KURANG": DANGER,
    "SANGAT_KURANG": DANGER,
    # Background jobs and imports.
    "READY": NEUTRAL,
    "RUNNING": INFO,
    "SUCCEEDED": SUCCESS,
    "FAILED": DANGER,
    # Employees and posts.
    "ACTIVE": SUCCESS,
    "VACANT": DANGER,
    "ACTING": WARNING,
}


def tone_for_state(state: str) -> Tone:
    return STATE_TONES.get(str(state).upper(), NEUTRAL)
