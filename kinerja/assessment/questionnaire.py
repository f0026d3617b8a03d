"""The 360° questionnaire: 7 BerAKHLAK core values x 3 behaviours, a 1-5 scale with anchors,
"tidak dapat menilai", a comment per value, and short guidance (reference/berakhlak.json)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kinerja.planning.selectors import CoreValue, core_values

SCALE_MIN = 1
SCALE_MAX = 5
CANNOT_RATE = "TDM"
"""The form value of "tidak dapat menilai" (stored as None)."""
CANNOT_RATE_LABEL = "Tidak dapat menilai"
COMMENT_MAX = 1000

ANCHORS: dict[int, str] = {
    1: "Sangat jarang: hampir tidak pernah terlihat",
    2: "Jarang: kadang terlihat, belum konsisten",
    3: "Cukup: terlihat pada sebagian besar situasi",
    4: "Sering: terlihat konsisten dan menjadi kebiasaan",
    5: "Selalu: menjadi teladan bagi orang lain",
}
"""What each point of the scale means, shown beside every question. [I]"""

GUIDANCE: tuple[str, ...] = (
    "Spesifik: sebutkan kejadian atau contoh nyata, bukan kesan umum.",
    "Perilaku, bukan pribadi: tulis apa yang dilakukan dan dampaknya, bukan sifat orangnya.",
    "Membangun dan sopan: sampaikan juga apa yang dapat dilakukan lebih baik.",
    "Pilih “Tidak dapat menilai” bila Anda tidak cukup mengamati perilaku itu.",
    "Jawaban rekan kerja dan bawahan hanya ditampilkan sebagai rata-rata kelompok "
    "paling sedikit 3 penilai; nama Anda tidak pernah ditampilkan.",
)


@dataclass(frozen=True)
class Question:
    code: str  # "AKUNTABEL.2"
    value: CoreValue
    number: int
    text: str


def behavior_code(value_code: str, number: int) -> str:
    return f"{value_code}.{number}"


@cache
def questions() -> tuple[Question, ...]:
    """The 21 questions in the official order."""
    return tuple(
        Question(behavior_code(value.code, n), value, n, text)
        for value in core_values()
        for n, text in enumerate(value.behaviors, start=1)
    )


@cache
def question_codes() -> frozenset[str]:
    return frozenset(q.code for q in questions())


def value_codes_of(value_code: str) -> tuple[str, ...]:
    """The behaviour codes of one core value."""
    return tuple(q.code for q in questions() if q.value.code == value_code)
