"""Citizen satisfaction survey: element means, index, IKM, grade and sample size."""

import json
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.scoring.ikm import (
    KREJCIE_MORGAN,
    KREJCIE_MORGAN_SOURCE,
    Element,
    WeightConvention,
    element_weights,
    grade_for,
    ikm,
    ikm_from_totals,
    krejcie_morgan_formula,
    sample_is_adequate,
    sample_size,
)

SKM_JSON = Path(__file__).resolve().parents[3].parent / "shared" / "reference" / "skm.json"

Response = Mapping[Element, int | None]


def uniform_survey(fours: int, threes: int) -> list[dict[Element, int | None]]:
    """Respondents who answer every element 4 (`fours` of them) or 3 (`threes`)."""
    four: dict[Element, int | None] = dict.fromkeys(Element, 4)
    three: dict[Element, int | None] = dict.fromkeys(Element, 3)
    return [four] * fours + [three] * threes


def test_element_names_match_the_reference_questionnaire() -> None:
    if not SKM_JSON.exists():
        pytest.skip(f"{SKM_JSON} not available")
    elements = json.loads(SKM_JSON.read_text(encoding="utf-8"))["elements"]
    assert [(e["code"], e["name"]) for e in elements] == [(e.value, e.label) for e in Element]


@pytest.mark.parametrize(
    ("value", "grade", "label"),
    [
        (Decimal("100.00"), "A", "Sangat Baik"),
        (Decimal("88.31"), "A", "Sangat Baik"),
        (Decimal("88.305"), "A", "Sangat Baik"),
        (Decimal("88.30"), "B", "Baik"),
        (Decimal("88.3049"), "B", "Baik"),
        (Decimal("76.61"), "B", "Baik"),
        (Decimal("76.60"), "C", "Kurang Baik"),
        (Decimal("65.00"), "C", "Kurang Baik"),
        (Decimal("64.995"), "C", "Kurang Baik"),
        (Decimal("64.99"), "D", "Tidak Baik"),
        (Decimal("25.00"), "D", "Tidak Baik"),
    ],
)
def test_grade_thresholds_apply_to_the_value_rounded_to_two_decimals(
    value: Decimal, grade: str, label: str
) -> None:
    assert grade_for(value) == (grade, label)


def test_grade_is_b_at_88_30_and_a_at_88_31() -> None:
    assert grade_for(Decimal("88.30"))[0] == "B"
    assert grade_for(Decimal("88.31"))[0] == "A"


def test_regulation_example_all_nrr_3_55_is_a_exact_but_b_with_weight_0_11() -> None:
    survey = uniform_survey(fours=11, threes=9)  # (11 * 4 + 9 * 3) / 20 = 3,55
    exact = ikm(survey)
    assert set(exact.element_means.values()) == {Decimal("3.5500")}
    assert (exact.index, exact.value, exact.grade) == (Decimal("3.5500"), Decimal("88.75"), "A")
    legacy = ikm(survey, WeightConvention.LEGACY_011)
    assert (legacy.index, legacy.value, legacy.grade) == (Decimal("3.5145"), Decimal("87.86"), "B")
    older = ikm(survey, WeightConvention.LEGACY_0111)
    assert (older.index, older.value, older.grade) == (Decimal("3.5465"), Decimal("88.66"), "A")
    assert (exact.convention, legacy.convention) == (
        WeightConvention.EXACT,
        WeightConvention.LEGACY_011,
    )


def test_weight_0_11_caps_the_ikm_at_99() -> None:
    assert ikm(uniform_survey(fours=3, threes=0), WeightConvention.LEGACY_011).value == Decimal(
        "99.00"
    )
    assert ikm(uniform_survey(fours=3, threes=0)).value == Decimal("100.00")


def test_blank_answers_are_left_out_of_that_element_mean() -> None:
    responses: list[Response] = [
        dict.fromkeys(Element, 4),
        {**dict.fromkeys(Element, 2), Element.U4: None},
        {element: 3 for element in Element if element is not Element.U8},
    ]
    result = ikm(responses)
    assert result.respondents == 3
    assert (result.element_sums[Element.U4], result.element_counts[Element.U4]) == (7, 2)
    assert result.element_means[Element.U4] == Decimal("3.5000")
    assert result.element_means[Element.U8] == Decimal("3.0000")
    assert result.element_means[Element.U1] == Decimal("3.0000")


def test_a_response_without_any_answer_is_not_a_respondent() -> None:
    responses: list[Response] = [dict.fromkeys(Element, 4), dict.fromkeys(Element), {}]
    assert ikm(responses).respondents == 1


@pytest.mark.parametrize("answer", [0, 5, -1])
def test_an_answer_outside_one_to_four_names_the_element_and_the_value(answer: int) -> None:
    responses: list[Response] = [dict.fromkeys(Element, 3), {Element.U3: answer}]
    with pytest.raises(
        ValueError,
        match=rf"Jawaban {answer} untuk U3 \(Waktu Penyelesaian\) pada responden ke-2 di luar",
    ):
        ikm(responses)


def test_no_respondents_is_an_error() -> None:
    with pytest.raises(ValueError, match="Tidak ada jawaban survei"):
        ikm([])


def test_an_element_nobody_answered_is_an_error_naming_it() -> None:
    responses: list[Response] = [{e: 3 for e in Element if e not in (Element.U4, Element.U8)}]
    with pytest.raises(
        ValueError,
        match=r"Tidak ada jawaban untuk U4 \(Biaya/Tarif\), U8 \(Penanganan Pengaduan",
    ):
        ikm(responses)


def test_explicit_weights_that_sum_to_one_are_used() -> None:
    weights: dict[Element, Decimal | Fraction] = {
        Element.U1: Decimal("0.5"),
        Element.U2: Fraction(1, 2),
    }
    result = ikm([{Element.U1: 4, Element.U2: 2}], weights)
    assert (result.index, result.value, result.convention) == (
        Decimal("3.0000"),
        Decimal("75.00"),
        None,
    )
    assert result.weights[Element.U9] == 0
    assert set(result.element_means) == {Element.U1, Element.U2}


def test_explicit_weights_must_sum_to_one() -> None:
    with pytest.raises(ValueError, match="Jumlah bobot unsur harus 1; ditemukan 0,99"):
        element_weights(dict.fromkeys(Element, Decimal("0.11")))
    with pytest.raises(ValueError, match=r"ditemukan 10$"):
        element_weights({Element.U1: Decimal(10)})


def test_explicit_weights_may_not_be_negative() -> None:
    with pytest.raises(ValueError, match="Bobot unsur tidak boleh negatif: U2 = -1/2"):
        element_weights({Element.U1: Decimal("1.5"), Element.U2: Decimal("-0.5")})


def test_conventions_have_labels_and_weights() -> None:
    assert [c.label for c in WeightConvention] == [
        "1/9 (tepat)",
        "0,111 (laporan lama)",
        "0,11 (laporan lama)",
    ]
    assert sum(element_weights().values()) == 1
    assert sum(element_weights(WeightConvention.LEGACY_0111).values()) == Fraction("0.999")


@pytest.mark.parametrize(
    ("population", "sample"),
    [
        (1, 1),
        (9, 9),
        (10, 10),
        (50, 44),
        (100, 80),
        (105, 83),  # between rows: the formula 82,93 rounded up
        (500, 217),
        (1000, 278),
        (2000, 322),
        (5000, 357),
        (10000, 370),
        (49999, 381),  # the formula asks 381,18, the table 381 for the larger 50000
        (50000, 381),
        (75000, 382),
        (100000, 384),  # the table, although the formula gives 382,63
        (100001, 384),  # above the table: never fewer than its last row
        (2000000, 385),  # the formula 384,05 rounded up
    ],
)
def test_sample_size_follows_the_krejcie_morgan_table_and_rounds_up_between_rows(
    population: int, sample: int
) -> None:
    assert sample_size(population) == sample


def test_the_table_is_krejcie_and_morgan_1970_from_10_to_100000() -> None:
    assert "Krejcie" in KREJCIE_MORGAN_SOURCE
    assert "1970" in KREJCIE_MORGAN_SOURCE
    assert (min(KREJCIE_MORGAN), max(KREJCIE_MORGAN), len(KREJCIE_MORGAN)) == (10, 100000, 90)
    assert list(KREJCIE_MORGAN) == sorted(KREJCIE_MORGAN)


def test_sample_size_needs_a_population() -> None:
    with pytest.raises(ValueError, match="Jumlah populasi harus paling sedikit 1; ditemukan 0"):
        sample_size(0)


def test_a_sample_is_adequate_from_the_krejcie_morgan_size() -> None:
    assert sample_is_adequate(80, 100) is True
    assert sample_is_adequate(79, 100) is False


answers = st.one_of(st.none(), st.integers(min_value=1, max_value=4))
full_response = st.fixed_dictionaries({e: st.integers(min_value=1, max_value=4) for e in Element})
any_response = st.fixed_dictionaries(dict.fromkeys(Element, answers))
surveys = st.tuples(full_response, st.lists(any_response, max_size=15)).map(
    lambda pair: [pair[0], *pair[1]]
)


@settings(max_examples=150, deadline=None)
@given(surveys)
def test_ikm_lies_between_25_and_100(survey: list[dict[Element, int | None]]) -> None:
    value = ikm(survey).value
    assert Decimal(25) <= value <= Decimal(100)


@settings(max_examples=150, deadline=None)
@given(surveys, st.data())
def test_raising_one_answer_never_lowers_the_ikm(
    survey: list[dict[Element, int | None]], data: st.DataObject
) -> None:
    row = data.draw(st.integers(min_value=0, max_value=len(survey) - 1))
    element = data.draw(st.sampled_from(list(Element)))
    current = survey[row][element]
    if current is None or current == 4:
        return
    raised = data.draw(st.integers(min_value=current + 1, max_value=4))
    changed = [dict(response) for response in survey]
    changed[row][element] = raised
    for convention in WeightConvention:
        assert ikm(changed, convention).value >= ikm(survey, convention).value


@settings(max_examples=100, deadline=None)
@given(surveys, st.data())
def test_the_order_of_respondents_does_not_matter(
    survey: list[dict[Element, int | None]], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(survey))
    assert ikm(shuffled) == ikm(survey)


# --- sample size: properties ------------------------------------------------------------------

populations = st.integers(min_value=1, max_value=3_000_000)


def _row_at_or_below(population: int) -> int | None:
    rows = [row for row in KREJCIE_MORGAN if row <= population]
    return KREJCIE_MORGAN[rows[-1]] if rows else None


@settings(max_examples=300, deadline=None)
@given(populations, populations)
def test_sample_size_never_falls_when_the_population_grows(first: int, second: int) -> None:
    small, large = sorted((first, second))
    assert sample_size(small) <= sample_size(large)


@settings(max_examples=300, deadline=None)
@given(populations)
def test_sample_size_is_never_below_the_table_row_at_or_below_the_population(
    population: int,
) -> None:
    row = _row_at_or_below(population)
    assert sample_size(population) >= (row or 0)
    assert sample_size(population) <= population


@settings(max_examples=300, deadline=None)
@given(populations.filter(lambda n: n not in KREJCIE_MORGAN))
def test_sample_size_between_rows_is_at_least_the_formula_or_the_next_row(
    population: int,
) -> None:
    larger = [KREJCIE_MORGAN[row] for row in KREJCIE_MORGAN if row > population]
    formula = krejcie_morgan_formula(population)
    floor = min(formula, Fraction(larger[0])) if larger else formula
    assert sample_size(population) >= floor


@pytest.mark.parametrize(("population", "sample"), sorted(KREJCIE_MORGAN.items()))
def test_sample_size_equals_the_table_at_every_row(population: int, sample: int) -> None:
    assert sample_size(population) == sample


# --- ikm_from_totals -----------------------------------------------------------------------------


def _totals(
    survey: list[dict[Element, int | None]],
) -> tuple[int, dict[Element, int], dict[Element, int]]:
    sums = dict.fromkeys(Element, 0)
    counts = dict.fromkeys(Element, 0)
    respondents = 0
    for response in survey:
        answered = [e for e, answer in response.items() if answer is not None]
        respondents += bool(answered)
        for element in answered:
            sums[element] += response[element] or 0
            counts[element] += 1
    return respondents, sums, counts


@settings(max_examples=150, deadline=None)
@given(surveys)
def test_ikm_over_responses_equals_ikm_from_their_totals_for_every_convention(
    survey: list[dict[Element, int | None]],
) -> None:
    respondents, sums, counts = _totals(survey)
    for convention in WeightConvention:
        assert ikm_from_totals(
            respondents=respondents, sums=sums, counts=counts, weights=convention
        ) == ikm(survey, convention)


def test_totals_may_leave_out_elements_with_zero_weight() -> None:
    weights = {Element.U1: Decimal("0.5"), Element.U2: Decimal("0.5")}
    result = ikm_from_totals(
        respondents=2, sums={Element.U1: 8, Element.U2: 6}, counts={Element.U1: 2, Element.U2: 2},
        weights=weights,
    )  # fmt: skip
    assert result.value == Decimal("87.50")
    assert result.convention is None
    assert result.element_counts[Element.U9] == 0


FULL_SUMS = dict.fromkeys(Element, 6)
FULL_COUNTS = dict.fromkeys(Element, 2)


@pytest.mark.parametrize(
    ("sums", "counts", "message"),
    [
        ({**FULL_SUMS, Element.U3: 9}, FULL_COUNTS, r"U3 \(jumlah 9, 2 jawaban\)"),
        ({**FULL_SUMS, Element.U3: 1}, FULL_COUNTS, r"U3 \(jumlah 1, 2 jawaban\)"),
        ({**FULL_SUMS, Element.U4: 0}, {**FULL_COUNTS, Element.U4: -1}, "U4 \\(jumlah 0, -1"),
    ],
)
def test_totals_impossible_on_a_one_to_four_scale_are_refused(
    sums: dict[Element, int], counts: dict[Element, int], message: str
) -> None:
    with pytest.raises(
        ValueError, match="Jumlah jawaban tidak mungkin untuk skala 1-4: " + message
    ):
        ikm_from_totals(respondents=2, sums=sums, counts=counts)


def test_totals_with_negative_respondents_are_refused() -> None:
    with pytest.raises(ValueError, match="Jumlah responden tidak boleh negatif; ditemukan -1"):
        ikm_from_totals(respondents=-1, sums=FULL_SUMS, counts=FULL_COUNTS)


def test_totals_without_respondents_are_refused() -> None:
    with pytest.raises(ValueError, match="Tidak ada jawaban survei"):
        ikm_from_totals(respondents=0, sums={}, counts={})


def test_totals_with_an_element_nobody_answered_are_refused() -> None:
    with pytest.raises(ValueError, match=r"Tidak ada jawaban untuk U9 \(Sarana dan Prasarana\)"):
        ikm_from_totals(
            respondents=2, sums={**FULL_SUMS, Element.U9: 0}, counts={**FULL_COUNTS, Element.U9: 0}
        )


def test_totals_with_explicit_weights_that_do_not_sum_to_one_are_refused() -> None:
    with pytest.raises(ValueError, match="Jumlah bobot unsur harus 1; ditemukan 0,9"):
        ikm_from_totals(
            respondents=2, sums=FULL_SUMS, counts=FULL_COUNTS,
            weights={Element.U1: Decimal("0.9")},
        )  # fmt: skip
