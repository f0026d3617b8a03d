"""Citizen satisfaction survey (SKM): element means (NRR), the index and the IKM with grade.

Source: PermenPANRB 14/2017 as summarised in /work/shared/reference/REGULATIONS.md §3:
nine elements U1-U9 [V1/V2]; NRR per element = sum of the values / number of filled answers;
index = Σ NRR * weight with weight 1/9; IKM = index * 25, range 25-100 [V2]; grade thresholds
A ≥ 88,31, B ≥ 76,61, C ≥ 65,00, else D [V1/V2]; sample size by Krejcie & Morgan [V2].

Decisions [I] (docs/scoring.md, "Citizen satisfaction"): compute exactly with 1/9 and round
only the final figures (NRR and index to 4 places, IKM to 2, half up); the printed weights
0,111 and 0,11 are offered only to reproduce legacy reports and the result says which
convention it used; a blank answer is left out of that element's mean; an element that no
respondent answered is an error, not silently left out. The sample size is the published
Krejcie & Morgan table where it has the population and the formula rounded up between its rows,
never fewer than the table asks (`sample_size`).
"""

import bisect
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from kinerja.scoring.choices import LabelledEnum
from kinerja.scoring.rounding import quantize, quantize2, quantize4, to_fraction

SCALE = range(1, 5)
"""Answers are 1-4 (PermenPANRB 14/2017). [V1]"""


class Element(LabelledEnum):
    """The nine service elements (unsur pelayanan) in regulation order, PermenPANRB 14/2017.

    The value is the code ("U1"); ``label`` is the element's Indonesian name. (Python's own
    ``Element.U1.name`` is the code too, so the Indonesian name is ``label``.) [V1]
    """

    U1 = "U1"
    U2 = "U2"
    U3 = "U3"
    U4 = "U4"
    U5 = "U5"
    U6 = "U6"
    U7 = "U7"
    U8 = "U8"
    U9 = "U9"

    @classmethod
    def label_table(cls) -> Mapping[str, str]:
        return {
            "U1": "Persyaratan",
            "U2": "Sistem, Mekanisme, dan Prosedur",
            "U3": "Waktu Penyelesaian",
            "U4": "Biaya/Tarif",
            "U5": "Produk Spesifikasi Jenis Pelayanan",
            "U6": "Kompetensi Pelaksana",
            "U7": "Perilaku Pelaksana",
            "U8": "Penanganan Pengaduan, Saran dan Masukan",
            "U9": "Sarana dan Prasarana",
        }


class WeightConvention(LabelledEnum):
    """How the element weights are written: exactly 1/9, or the legacy 0,111 or 0,11.

    The regulation writes "1/9 = 0,11" and many forms use 0,111; neither sums to 1 (0,999 and
    0,99), so they are allowed only to reproduce legacy reports. [V2 + I]
    """

    EXACT = "EXACT"
    LEGACY_0111 = "LEGACY_0111"
    LEGACY_011 = "LEGACY_011"

    @classmethod
    def label_table(cls) -> Mapping[str, str]:
        return {
            "EXACT": "1/9 (tepat)",
            "LEGACY_0111": "0,111 (laporan lama)",
            "LEGACY_011": "0,11 (laporan lama)",
        }

    @property
    def weight(self) -> Fraction:
        """The weight of every element under this convention."""
        return {
            "EXACT": Fraction(1, 9),
            "LEGACY_0111": Fraction("0.111"),
            "LEGACY_011": Fraction("0.11"),
        }[self.value]


GRADES: tuple[tuple[Decimal, str, str], ...] = (
    (Decimal("88.31"), "A", "Sangat Baik"),
    (Decimal("76.61"), "B", "Baik"),
    (Decimal("65.00"), "C", "Kurang Baik"),
)
"""Lowest IKM of each grade, PermenPANRB 14/2017 [V1/V2]; anything lower is D "Tidak Baik"."""

Weights = WeightConvention | Mapping[Element, Decimal | Fraction]


@dataclass(frozen=True)
class IkmResult:
    """The outcome of a survey: per-element sums, counts and means, the index and the IKM."""

    respondents: int
    element_sums: Mapping[Element, int]
    element_counts: Mapping[Element, int]
    element_means: Mapping[Element, Decimal]
    index: Decimal
    value: Decimal
    grade: str
    label: str
    convention: WeightConvention | None
    weights: Mapping[Element, Fraction]


def grade_for(value: Decimal) -> tuple[str, str]:
    """Grade and label of an IKM, classified after rounding it to 2 decimals.

    PermenPANRB 14/2017 [V1/V2]: ≥ 88,31 A "Sangat Baik"; ≥ 76,61 B "Baik";
    ≥ 65,00 C "Kurang Baik"; else D "Tidak Baik".
    """
    rounded = quantize2(value)
    for lowest, grade, label in GRADES:
        if rounded >= lowest:
            return grade, label
    return "D", "Tidak Baik"


def element_weights(weights: Weights = WeightConvention.EXACT) -> dict[Element, Fraction]:
    """The weight of each element; explicit weights must be non-negative and sum to 1.

    PermenPANRB 14/2017 lets a provider weigh elements differently as long as the weights sum
    to 1 [V2]; elements left out of an explicit mapping weigh 0 and need no answers.
    """
    if isinstance(weights, WeightConvention):
        return dict.fromkeys(Element, weights.weight)
    exact = {Element(element): to_fraction(weight) for element, weight in weights.items()}
    negative = [f"{element} = {weight}" for element, weight in exact.items() if weight < 0]
    if negative:
        raise ValueError(f"Bobot unsur tidak boleh negatif: {', '.join(negative)}")
    total = sum(exact.values(), Fraction(0))
    if total != 1:
        raise ValueError(f"Jumlah bobot unsur harus 1; ditemukan {_plain(total)}")
    return {element: exact.get(element, Fraction(0)) for element in Element}


def ikm(
    responses: Iterable[Mapping[Element, int | None]],
    weights: Weights = WeightConvention.EXACT,
) -> IkmResult:
    """Compute the element means, index, IKM and grade of a survey (PermenPANRB 14/2017).

    Each response maps elements to an answer 1-4; None or a missing key is a blank answer,
    left out of that element's mean. A response with no answer at all is not a respondent.
    Raises ValueError for an answer outside 1-4, for no respondents, and for an element with
    weight that nobody answered.
    """
    sums = dict.fromkeys(Element, 0)
    counts = dict.fromkeys(Element, 0)
    respondents = 0
    for number, response in enumerate(responses, start=1):
        answered = _add_response(number, response, sums, counts)
        respondents += answered
    return ikm_from_totals(respondents=respondents, sums=sums, counts=counts, weights=weights)


def ikm_from_totals(
    *,
    respondents: int,
    sums: Mapping[Element, int],
    counts: Mapping[Element, int],
    weights: Weights = WeightConvention.EXACT,
) -> IkmResult:
    """The IKM from per-element answer sums and counts (as a database aggregate gives them).

    `ikm()` over the responses and this function over their totals give the same result;
    elements missing from `sums`/`counts` had no answers. Raises ValueError like `ikm()`, and
    for a negative total or a sum outside what `counts` answers of 1-4 allow.
    """
    scheme = element_weights(weights)
    sums = {element: sums.get(element, 0) for element in Element}
    counts = {element: counts.get(element, 0) for element in Element}
    impossible = [
        f"{element} (jumlah {sums[element]}, {counts[element]} jawaban)"
        for element in Element
        if counts[element] < 0 or not counts[element] <= sums[element] <= 4 * counts[element]
    ]
    if impossible:
        raise ValueError(f"Jumlah jawaban tidak mungkin untuk skala 1-4: {', '.join(impossible)}")
    if respondents < 0:
        raise ValueError(f"Jumlah responden tidak boleh negatif; ditemukan {respondents}")
    if respondents == 0:
        raise ValueError("Tidak ada jawaban survei; paling sedikit satu responden diperlukan")
    unanswered = [e for e in Element if scheme[e] and counts[e] == 0]
    if unanswered:
        names = ", ".join(f"{element} ({element.label})" for element in unanswered)
        raise ValueError(f"Tidak ada jawaban untuk {names}; NRR tidak dapat dihitung")
    means = {e: Fraction(sums[e], counts[e]) for e in Element if counts[e]}
    index = sum((means[e] * scheme[e] for e in Element if scheme[e]), Fraction(0))
    value = quantize2(index * 25)
    grade, label = grade_for(value)
    return IkmResult(
        respondents=respondents,
        element_sums=sums,
        element_counts=counts,
        element_means={element: quantize4(mean) for element, mean in means.items()},
        index=quantize4(index),
        value=value,
        grade=grade,
        label=label,
        convention=weights if isinstance(weights, WeightConvention) else None,
        weights=scheme,
    )


KREJCIE_MORGAN_SOURCE = (
    "Krejcie, R. V. & Morgan, D. W. (1970). Determining Sample Size for Research Activities. "
    "Educational and Psychological Measurement, 30(3), 607-610, Table 1."
)
# fmt: off
KREJCIE_MORGAN: dict[int, int] = {
    10: 10, 15: 14, 20: 19, 25: 24, 30: 28, 35: 32, 40: 36, 45: 40, 50: 44, 55: 48, 60: 52,
    65: 56, 70: 59, 75: 63, 80: 66, 85: 70, 90: 73, 95: 76, 100: 80, 110: 86, 120: 92, 130: 97,
    140: 103, 150: 108, 160: 113, 170: 118, 180: 123, 190: 127, 200: 132, 210: 136, 220: 140,
    230: 144, 240: 148, 250: 152, 260: 155, 270: 159, 280: 162, 290: 165, 300: 169, 320: 175,
    340: 181, 360: 186, 380: 191, 400: 196, 420: 201, 440: 205, 460: 210, 480: 214, 500: 217,
    550: 226, 600: 234, 650: 242, 700: 248, 750: 254, 800: 260, 850: 265, 900: 269, 950: 274,
    1000: 278, 1100: 285, 1200: 291, 1300: 297, 1400: 302, 1500: 306, 1600: 310, 1700: 313,
    1800: 317, 1900: 320, 2000: 322, 2200: 327, 2400: 331, 2600: 335, 2800: 338, 3000: 341,
    3500: 346, 4000: 351, 4500: 354, 5000: 357, 6000: 361, 7000: 364, 8000: 367, 9000: 368,
    10000: 370, 15000: 375, 20000: 377, 30000: 379, 40000: 380, 50000: 381, 75000: 382,
    100000: 384,
}
# fmt: on
"""The published Krejcie & Morgan table, population N: sample S (KREJCIE_MORGAN_SOURCE). [V2]"""

_TABLE_ROWS: tuple[int, ...] = tuple(KREJCIE_MORGAN)


def krejcie_morgan_formula(population: int) -> Fraction:
    """S = χ²·N·P(1-P) / (d²(N-1) + χ²·P(1-P)), χ² = 3,841, P = 0,5, d = 0,05, exactly. [V2]"""
    chi_square = Fraction("3.841")
    spread = Fraction(1, 4)  # P(1 - P) with P = 0,5
    margin = Fraction("0.05") ** 2
    return chi_square * population * spread / (margin * (population - 1) + chi_square * spread)


def sample_size(population: int) -> int:
    """Minimum number of respondents for `population` service users (Krejcie & Morgan). [V2]

    The published table where it has the population; between two rows of the table, the
    formula rounded up (ceiling), never fewer than the row below asks and never more than the
    row above asks (so the size never falls when the population grows). Below the first row,
    the formula rounded up; above the last, the formula rounded up but never fewer than the
    last row's 384. [I] E.g. N 105 → 83 (formula 82,93); N 49999 → 381 (formula 381,18, but
    the table asks 381 for 50000).
    """
    if population < 1:
        raise ValueError(f"Jumlah populasi harus paling sedikit 1; ditemukan {population}")
    if population in KREJCIE_MORGAN:
        return KREJCIE_MORGAN[population]
    size = math.ceil(krejcie_morgan_formula(population))
    above = bisect.bisect(_TABLE_ROWS, population)
    if above > 0:
        size = max(size, KREJCIE_MORGAN[_TABLE_ROWS[above - 1]])
    if 0 < above < len(_TABLE_ROWS):
        size = min(size, KREJCIE_MORGAN[_TABLE_ROWS[above]])
    return size


def sample_is_adequate(respondents: int, population: int) -> bool:
    """Whether a survey has at least the Krejcie & Morgan sample size. [V2]"""
    return respondents >= sample_size(population)


def _add_response(
    number: int,
    response: Mapping[Element, int | None],
    sums: dict[Element, int],
    counts: dict[Element, int],
) -> int:
    """Add one response to the running sums; 1 when it had any answer, else 0."""
    answered = 0
    for key, answer in response.items():
        if answer is None:
            continue
        element = Element(key)
        if answer not in SCALE:
            raise ValueError(
                f"Jawaban {answer} untuk {element} ({element.label}) pada responden ke-{number} "
                "di luar skala; isi 1, 2, 3 atau 4"
            )
        sums[element] += answer
        counts[element] += 1
        answered = 1
    return answered


def _plain(number: Fraction) -> str:
    """A weight total for a message, e.g. "0,99"."""
    return f"{quantize(number, 6).normalize():f}".replace(".", ",")
