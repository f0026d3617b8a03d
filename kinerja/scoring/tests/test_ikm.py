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
    Element,
    WeightConvention,
    element_weights,
    grade_for,
    ikm,
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
        (10, 10),
        (50, 44),
        (100, 80),
        (500, 217),
        (1000, 278),
        (2000, 322),
        (5000, 357),
        (10000, 370),
        (75000, 382),
        (1000000, 384),
    ],
)
def test_sample_size_reproduces_the_krejcie_morgan_table(population: int, sample: int) -> None:
    assert sample_size(population) == sample


def test_sample_size_for_100000_is_383_by_the_formula_where_the_table_prints_384() -> None:
    # The formula gives 382,63; the published table prints the unbounded-population limit 384.
    assert sample_size(100000) == 383


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
