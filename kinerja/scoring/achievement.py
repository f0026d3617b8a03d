"""Achievement (capaian) of an indicator and the suggested results rating.

PermenPANRB 6/2022 has no formula for results: the appraiser rates them "above", "meets" or
"below expectation", guided by how many results are above or below expectation
(REGULATIONS.md §1 [V2]). This module turns numbers into a *suggestion* that the appraiser may
override with a justification [I]. All thresholds and formulas here are our decisions [I],
documented with worked examples in docs/scoring.md, "Achievement".
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from kinerja.scoring.choices import LabelledEnum
from kinerja.scoring.ratings import Rating
from kinerja.scoring.rounding import Exact, quantize2, to_fraction

ABOVE_FROM = Decimal("110")
"""An achievement of at least 110% counts as above expectation. [I]"""

MEETS_FROM = Decimal("100")
"""An achievement of at least 100% (target reached) meets expectation. [I]"""

SMALL_PART = Fraction(1, 3)
""""Only a small part" of the main results: at most one third of them. [I]"""


class Polarity(LabelledEnum):
    """Whether a higher or a lower realisation is better (e.g. complaints: lower is better)."""

    HIGHER_IS_BETTER = "HIGHER_IS_BETTER"
    LOWER_IS_BETTER = "LOWER_IS_BETTER"

    @classmethod
    def label_table(cls) -> Mapping[str, str]:
        return {
            "HIGHER_IS_BETTER": "Semakin tinggi semakin baik",
            "LOWER_IS_BETTER": "Semakin rendah semakin baik",
        }


class ResultKind(LabelledEnum):
    """Main (utama) or additional (tambahan) result of an SKP (PermenPANRB 6/2022). [V1]"""

    UTAMA = "UTAMA"
    TAMBAHAN = "TAMBAHAN"

    @classmethod
    def label_table(cls) -> Mapping[str, str]:
        return {"UTAMA": "Utama", "TAMBAHAN": "Tambahan"}


def achievement(
    target: Exact | None, realization: Exact | None, polarity: Polarity
) -> Decimal | None:
    """Achievement in percent, rounded half up to 2 decimals; None when a value is missing.

    Higher is better: realisation / target * 100; with a target of 0 the target is reached
    whatever the realisation, so 100.
    Lower is better: (2 * target - realisation) / target * 100, not below 0, the "negative
    indicator" formula common in Indonesian performance reports (LKjIP, SKP spreadsheets) [I];
    with a target of 0: 100 when the realisation is 0, else 0.
    Targets and realisations are amounts and may not be negative (ValueError).
    """
    if target is None or realization is None:
        return None
    planned = _non_negative("Target", target)
    actual = _non_negative("Realisasi", realization)
    if Polarity(polarity) is Polarity.HIGHER_IS_BETTER:
        percent = actual / planned * 100 if planned else Fraction(100)
    elif planned:
        percent = max(Fraction(0), (2 * planned - actual) / planned * 100)
    else:
        percent = Fraction(100 if actual == 0 else 0)
    return quantize2(percent)


def rating_for_achievement(
    percent: Exact, *, above_from: Exact = ABOVE_FROM, meets_from: Exact = MEETS_FROM
) -> Rating:
    """The rating of one result from its achievement: ≥ 110 above, ≥ 100 meets, else below. [I]"""
    if to_fraction(percent) >= to_fraction(above_from):
        return Rating.ABOVE
    if to_fraction(percent) >= to_fraction(meets_from):
        return Rating.MEETS
    return Rating.BELOW


@dataclass(frozen=True)
class ResultItem:
    """One result (RHK) of a plan: its kind and either its achievement or its rating."""

    kind: ResultKind
    achievement: Decimal | None = None
    rating: Rating | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ResultKind(self.kind))
        if (self.achievement is None) == (self.rating is None):
            raise ValueError(
                "Isi tepat satu dari capaian atau rating untuk setiap hasil kerja; "
                f"ditemukan capaian {self.achievement} dan rating {self.rating}"
            )


@dataclass(frozen=True)
class ResultsSuggestion:
    """The suggested results rating, the rule that decided it and the counts behind it."""

    rating: Rating
    rule: str
    explanation: str
    ratings: tuple[Rating, ...]
    above: int
    meets: int
    below: int
    main_total: int
    main_below: int


def suggest_results_rating(
    items: Iterable[ResultItem],
    *,
    above_from: Exact = ABOVE_FROM,
    meets_from: Exact = MEETS_FROM,
) -> ResultsSuggestion:
    """Suggest the results rating from the results of a plan (REGULATIONS.md §1, [V2] + [I]).

    Guidance [V2]: above = most or all results above expectation and no main result below;
    meets = most or all results meet expectation, only a small part of main results below;
    below = most or all results below expectation. Decisions [I]: "most" is more than half,
    "a small part" at most one third (`SMALL_PART`). The rules are tried in this order:

    1. ``most_above``: more than half above and no main result below → ABOVE;
    2. ``most_below``: more than half below → BELOW;
    3. ``meets``: at most a third of the main results below → MEETS (this includes an exact
       half-and-half split, which is resolved in the employee's favour);
    4. ``main_below``: otherwise (too many main results below) → BELOW.
    """
    listed = list(items)
    if not listed:
        raise ValueError("Tidak ada hasil kerja untuk dinilai; tambahkan paling sedikit satu")
    ratings = tuple(_item_rating(item, above_from, meets_from) for item in listed)
    main = [rating for item, rating in zip(listed, ratings, strict=True) if _is_main(item)]
    counts = {rating: ratings.count(rating) for rating in Rating}
    main_below = main.count(Rating.BELOW)
    rating, rule = _decide(len(ratings), counts, len(main), main_below)
    return ResultsSuggestion(
        rating=rating,
        rule=rule,
        explanation=_explain(rule, len(ratings), counts, len(main), main_below),
        ratings=ratings,
        above=counts[Rating.ABOVE],
        meets=counts[Rating.MEETS],
        below=counts[Rating.BELOW],
        main_total=len(main),
        main_below=main_below,
    )


def _non_negative(name: str, value: Exact) -> Fraction:
    exact = to_fraction(value)
    if exact < 0:
        raise ValueError(f"{name} {value} tidak boleh negatif; isi 0 atau lebih")
    return exact


def _item_rating(item: ResultItem, above_from: Exact, meets_from: Exact) -> Rating:
    if item.rating is not None:
        return Rating(item.rating)
    assert item.achievement is not None  # ResultItem guarantees exactly one of the two
    return rating_for_achievement(item.achievement, above_from=above_from, meets_from=meets_from)


def _is_main(item: ResultItem) -> bool:
    return item.kind is ResultKind.UTAMA


def _decide(
    total: int, counts: Mapping[Rating, int], main_total: int, main_below: int
) -> tuple[Rating, str]:
    if 2 * counts[Rating.ABOVE] > total and main_below == 0:
        return Rating.ABOVE, "most_above"
    if 2 * counts[Rating.BELOW] > total:
        return Rating.BELOW, "most_below"
    if main_below <= SMALL_PART * main_total:
        return Rating.MEETS, "meets"
    return Rating.BELOW, "main_below"


def _explain(
    rule: str, total: int, counts: Mapping[Rating, int], main_total: int, main_below: int
) -> str:
    above, below = counts[Rating.ABOVE], counts[Rating.BELOW]
    met = total - below
    texts = {
        "most_above": (
            f"{above} dari {total} hasil kerja di atas ekspektasi (lebih dari separuh) dan "
            "tidak ada hasil kerja utama di bawah ekspektasi"
        ),
        "most_below": f"{below} dari {total} hasil kerja di bawah ekspektasi (lebih dari separuh)",
        "meets": (
            f"{met} dari {total} hasil kerja sesuai atau di atas ekspektasi; hasil kerja utama "
            f"di bawah ekspektasi {main_below} dari {main_total}, paling banyak sepertiga"
        ),
        "main_below": (
            f"hasil kerja utama di bawah ekspektasi {main_below} dari {main_total}, "
            "lebih dari sepertiga"
        ),
    }
    return texts[rule]
