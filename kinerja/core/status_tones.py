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

STATES: dict[str, tuple[Tone, str]] = {
    # Plans (SKP) and other documents that go through drafting and approval.
    "DRAFT": (NEUTRAL, "Draf"),
    "SUBMITTED": (INFO, "Diajukan"),
    "RETURNED": (WARNING, "Dikembalikan"),
    "APPROVED": (SUCCESS, "Disetujui"),
    "FINAL": (SUCCESS, "Final"),
    "ACCEPTED": (SUCCESS, "Diterima"),
    # Monitoring: feedback requests and performance dialogues.
    "OPEN": (INFO, "Menunggu"),
    "ANSWERED": (SUCCESS, "Dijawab"),
    "DECLINED": (NEUTRAL, "Ditolak"),
    "WITHDRAWN": (NEUTRAL, "Dibatalkan"),
    "SCHEDULED": (INFO, "Dijadwalkan"),
    "DONE": (SUCCESS, "Selesai"),
    "CANCELLED": (NEUTRAL, "Dibatalkan"),
    # Objections (keberatan).
    "FILED": (INFO, "Diajukan"),
    "EXPLAINED": (INFO, "Dijelaskan"),
    "REJECTED": (DANGER, "Ditolak"),
    # Development plans and their activities.
    "PROPOSED": (INFO, "Diajukan"),
    "AGREED": (SUCCESS, "Disepakati"),
    "PLANNED": (NEUTRAL, "Direncanakan"),
    "COMPLETED": (INFO, "Selesai, menunggu konfirmasi"),
    "CONFIRMED": (SUCCESS, "Dikonfirmasi"),
    # Stages of a performance period.
    "PLANNING": (INFO, "Perencanaan"),
    "EXECUTION": (SUCCESS, "Pelaksanaan"),
    "EVALUATION": (WARNING, "Evaluasi"),
    "CLOSED": (NEUTRAL, "Ditutup"),
    # Ratings (hasil kerja / perilaku).
    "ABOVE": (SUCCESS, "Di atas ekspektasi"),
    "MEETS": (INFO, "Sesuai ekspektasi"),
    "BELOW": (DANGER, "Di bawah ekspektasi"),
    # Predikat kinerja pegawai and organisasi.
    "ISTIMEWA": (SUCCESS, "Istimewa"),
    "SANGAT_BAIK": (SUCCESS, "Sangat Baik"),
    "BAIK": (INFO, "Baik"),
    "BUTUH_PERBAIKAN": (WARNING, "Butuh Perbaikan"),
    "KURANG": (DANGER, "Kurang"),
    "SANGAT_KURANG": (DANGER, "Sangat Kurang"),
    # Background jobs and imports.
    "READY": (NEUTRAL, "Menunggu"),
    "RUNNING": (INFO, "Berjalan"),
    "SUCCEEDED": (SUCCESS, "Selesai"),
    "FAILED": (DANGER, "Gagal"),
    # Employees and posts.
    "ACTIVE": (SUCCESS, "Aktif"),
    "VACANT": (DANGER, "Lowong"),
    "ACTING": (WARNING, "Plt/Plh"),
}
"""Stored state code → (tone, default Indonesian label); pass the model's own label when shown."""


def state_tone(state: str) -> tuple[Tone, str]:
    """The tone and default label of a state code; unknown codes are neutral and shown as is."""
    return STATES.get(str(state).upper(), (NEUTRAL, str(state)))
