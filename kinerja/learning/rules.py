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
