"""The rules of competency development every entrance asks.

- Every ASN is to get at least `JP_TARGET` lesson-hours (JP) of competency development a year
  (PP 11/2017 Pasal 203 as amended by PP 17/2020; [V1]); a year's JP are the JP of the
  employee's confirmed items completed in that calendar year.
- A coaching plan is mandatory when an evaluation's predikat is one of `COACHING_PREDIKAT`
  (Butuh Perbaikan or worse: PermenPANRB 6/2022 asks for coaching and counselling).
- A suggestion from feedback needs at least `FEEDBACK_TAGS_MIN` tags of one competency since
  the period began; from 360° a core value whose mean is below `BEHAVIOR_LOW`; from results a
  results rating below expectation in the latest set evaluation; from the post, competencies
  its kind needs that no confirmed item developed this year.
"""

from __future__ import annotations

from decimal import Decimal

from kinerja.scoring.ratings import Predikat

JP_TARGET = Decimal(20)
COACHING_PREDIKAT = frozenset(
    {Predikat.BUTUH_PERBAIKAN.value, Predikat.KURANG.value, Predikat.SANGAT_KURANG.value}
)
FEEDBACK_TAGS_MIN = 2
BEHAVIOR_LOW = Decimal("3.0")
"""A core value's 360° mean (scale 1 sampai 5) below this is a development need."""
JP_MAX = Decimal(200)
"""JP of one activity are accepted between 0,5 and this."""
TEXT_MAX = 2000
COACHING_DIALOGUES = 3
"""Coaching dialogues scheduled for a mandatory coaching plan, a month apart."""
TITLE_MAX = 200
"""Characters of an activity's title (the catalogue's course titles too)."""
COACHING_ITEM_TITLE = "Bimbingan kinerja"
COACHING_DIALOGUE_DAYS = (7, 37, 67)
"""Days after the predikat is set on which the coaching dialogues are scheduled (09:00 WIB)."""
COACHING_DIALOGUE_HOUR = 9
COACHING_TARGET_DAYS = 90
"""The coaching item's target: this many days after it is required (not past the period)."""
PROOF_BY_DIALOGUE = frozenset({"COACHING", "MENTORING"})
"""Kinds of activity whose dialogue is the proof: no certificate file required."""


def _jp_text(value: Decimal) -> str:
    text = f"{value.normalize():f}" if value else "0"
    return text.replace(".", ",")


JP_MIN = Decimal("0.5")


def jp_errors(
    field: str, label: str, value: Decimal | None, *, minimum: Decimal = JP_MIN
) -> dict[str, list[str]]:
    """The sentence refusing JP outside 0,5 (or `minimum`) to `JP_MAX` (empty when accepted)."""
    accepted = f"{_jp_text(minimum)} sampai {_jp_text(JP_MAX)} JP"
    if value is None:
        return {field: [f"{label} wajib diisi: angka {accepted}."]}
    if not value.is_finite() or value < minimum or value > JP_MAX:
        shown = _jp_text(value) if value.is_finite() else str(value)
        return {field: [f"{label} {shown} tidak diterima: isi {accepted}."]}
    if value != value.quantize(Decimal("0.1")):
        return {
            field: [
                f"{label} {_jp_text(value)} tidak diterima: paling banyak satu angka di "
                "belakang koma (mis. 2,5)."
            ]
        }
    return {}


def text_errors(
    field: str, label: str, value: str, *, max_length: int, required: bool = True
) -> dict[str, list[str]]:
    """Empty (when required) or too long text, named."""
    text = value.strip()
    if required and not text:
        return {field: [f"{label} wajib diisi."]}
    if len(text) > max_length:
        return {
            field: [
                f"{label} sepanjang {len(text)} karakter tidak diterima: paling banyak "
                f"{max_length} karakter."
            ]
        }
    return {}
