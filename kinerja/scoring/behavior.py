"""360° behaviour feedback (BerAKHLAK): anonymous aggregation and rater leniency.

Source: under PermenPANRB 6/2022 there is no 360 formula; feedback from peers and
subordinates is evidence for the appraiser, and showing it to the rated employee must protect
the raters: aggregates only, with a minimum group size (REGULATIONS.md §2, [V2 + I]).

Decisions [I] (docs/scoring.md, "Behaviour feedback"):
- answers are grouped by relation and core value; a cell with fewer than `k` (default 3)
  distinct raters is suppressed: no mean and no count, only "fewer than k";
- the supervisor's cell and the self-assessment cell are never suppressed (the supervisor
  rates officially and by name; the employee knows their own answers);
- there is no aggregate over all raters or over all core values: every published figure is
  one (relation, core value) cell, so no figure contains a suppressed cell and nothing can be
  subtracted to recover it;
- rater leniency compares each rater with the other raters of the same employee and core
  value; self-assessments are left out of it.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from kinerja.scoring.choices import LabelledEnum
from kinerja.scoring.rounding import quantize2

DEFAULT_K = 3
"""Smallest group of raters whose mean may be shown. [I]"""


class Relation(LabelledEnum):
    """How the rater relates to the rated employee."""

    SELF = "SELF"
    SUPERVISOR = "SUPERVISOR"
    PEER = "PEER"
    SUBORDINATE = "SUBORDINATE"

    @classmethod
    def label_table(cls) -> Mapping[str, str]:
        return {
            "SELF": "Diri sendiri",
            "SUPERVISOR": "Atasan",
            "PEER": "Rekan kerja",
            "SUBORDINATE": "Bawahan",
        }


ALWAYS_SHOWN = frozenset({Relation.SELF, Relation.SUPERVISOR})
"""Relations whose answers are shown whatever their number. [I]"""


@dataclass(frozen=True)
class BehaviorAnswer:
    """One rater's score for one employee on one core value (or behaviour indicator code).

    `score` is a whole number of the scale, or a fraction when it is the rater's mean over the
    behaviours of a core value (`value_score`)."""

    rater_id: str
    ratee_id: str
    relation: Relation
    core_value: str
    score: int | Fraction


@dataclass(frozen=True)
class BehaviorCell:
    """The published figure for one relation and one core value.

    When `suppressed`, `count` and `mean` are None: the cell had fewer than `k` raters.
    """

    relation: Relation
    core_value: str
    count: int | None
    mean: Decimal | None
    suppressed: bool


@dataclass(frozen=True)
class BehaviorSummary:
    """What the rated employee may see of their 360° feedback."""

    ratee_id: str
    k: int
    cells: tuple[BehaviorCell, ...]

    def cell(self, relation: Relation, core_value: str) -> BehaviorCell | None:
        """The cell for a relation and core value, None when nobody in it answered."""
        for cell in self.cells:
            if cell.relation is relation and cell.core_value == core_value:
                return cell
        return None


def aggregate_behavior(
    answers: Iterable[BehaviorAnswer],
    *,
    k: int = DEFAULT_K,
    min_score: int = 1,
    max_score: int = 5,
) -> BehaviorSummary:
    """Aggregate one employee's 360° answers by relation and core value, protecting raters.

    REGULATIONS.md §2 [V2 + I]: only aggregates, cells of fewer than `k` raters suppressed
    (except supervisor and self). Raises ValueError for answers about more than one employee,
    a score outside `min_score`-`max_score`, or a rater answering the same core value twice.
    """
    if k < 1:
        raise ValueError(f"Ambang anonimitas k harus paling sedikit 1; ditemukan {k}")
    grouped = _group(answers, min_score, max_score)
    ratees = {answer.ratee_id for group in grouped.values() for answer in group}
    if len(ratees) > 1:
        raise ValueError(
            f"Jawaban untuk lebih dari satu pegawai: {', '.join(sorted(ratees))}; "
            "ringkas per pegawai"
        )
    cells = tuple(
        _cell(relation, core_value, grouped[(relation, core_value)], k)
        for relation in Relation
        for core_value in sorted({value for (_, value) in grouped})
        if (relation, core_value) in grouped
    )
    return BehaviorSummary(ratee_id=next(iter(ratees), ""), k=k, cells=cells)


def rater_leniency(
    answers: Iterable[BehaviorAnswer], *, min_score: int = 1, max_score: int = 5
) -> dict[str, Decimal]:
    """Per rater, the mean of (own score - mean of the other raters' scores), 2 decimals.

    Compared per rated employee and core value; answers without another rater to compare with,
    and self-assessments, are left out. Positive means lenient, negative strict. For
    calibration sessions only: it is about raters and is never shown to the rated employee. [I]
    """
    by_item: dict[tuple[str, str], list[BehaviorAnswer]] = defaultdict(list)
    for group in _group(answers, min_score, max_score).values():
        for answer in group:
            if answer.relation is not Relation.SELF:
                by_item[(answer.ratee_id, answer.core_value)].append(answer)
    deviations: dict[str, list[Fraction]] = defaultdict(list)
    for item_answers in by_item.values():
        total = sum(answer.score for answer in item_answers)
        others = len(item_answers) - 1
        for answer in item_answers:
            if others:
                baseline = Fraction(total - answer.score, others)
                deviations[answer.rater_id].append(answer.score - baseline)
    return {
        rater: quantize2(sum(found, Fraction(0)) / len(found))
        for rater, found in sorted(deviations.items())
    }


def value_score(scores: Iterable[int | None]) -> Fraction | None:
    """One rater's score for a core value: the mean of the behaviours they scored, exactly.

    `None` is "tidak dapat menilai" and is left out; None when they scored none of them (the
    rater is then not counted in that core value's cell). [I]"""
    given = [score for score in scores if score is not None]
    if not given:
        return None
    return Fraction(sum(given), len(given))


STRAIGHT_LINE_MIN_ANSWERS = 6
"""A sheet needs this many scored behaviours before identical scores count as straight-lining."""


def straight_lined(scores: Iterable[int | None]) -> bool:
    """Whether a rater gave one and the same score to every behaviour they scored (at least
    `STRAIGHT_LINE_MIN_ANSWERS` of them): a sign of answering without reading. For
    calibration only; never shown to the rated employee. [I]"""
    given = [score for score in scores if score is not None]
    return len(given) >= STRAIGHT_LINE_MIN_ANSWERS and len(set(given)) == 1


def _group(
    answers: Iterable[BehaviorAnswer], min_score: int, max_score: int
) -> dict[tuple[Relation, str], list[BehaviorAnswer]]:
    grouped: dict[tuple[Relation, str], list[BehaviorAnswer]] = defaultdict(list)
    seen: set[tuple[str, str, str]] = set()
    for answer in answers:
        if not min_score <= answer.score <= max_score:
            raise ValueError(
                f"Skor {answer.score} dari penilai {answer.rater_id} untuk {answer.core_value} "
                f"di luar skala; isi {min_score}-{max_score}"
            )
        key = (answer.rater_id, answer.ratee_id, answer.core_value)
        if key in seen:
            raise ValueError(
                f"Penilai {answer.rater_id} menilai {answer.core_value} untuk pegawai "
                f"{answer.ratee_id} lebih dari sekali; simpan satu jawaban saja"
            )
        seen.add(key)
        grouped[(Relation(answer.relation), answer.core_value)].append(answer)
    return grouped


def _cell(
    relation: Relation, core_value: str, answers: list[BehaviorAnswer], k: int
) -> BehaviorCell:
    raters = len(answers)  # one answer per rater and core value, enforced by _group
    if raters < k and relation not in ALWAYS_SHOWN:
        return BehaviorCell(relation, core_value, count=None, mean=None, suppressed=True)
    mean = quantize2(Fraction(sum(answer.score for answer in answers), raters))
    return BehaviorCell(relation, core_value, count=raters, mean=mean, suppressed=False)
