"""Every worked example in docs/scoring.md: the function returns it and the page prints it."""

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja.scoring.achievement import (
    Polarity,
    ResultItem,
    ResultKind,
    achievement,
    suggest_results_rating,
)
from kinerja.scoring.behavior import BehaviorAnswer, Relation, aggregate_behavior, rater_leniency
from kinerja.scoring.distribution import check_distribution
from kinerja.scoring.formatting import format_decimal, format_percent
from kinerja.scoring.ikm import Element, WeightConvention, ikm, sample_size
from kinerja.scoring.nip import format_nip, parse_nip
from kinerja.scoring.ratings import OrganizationPredikat, Predikat, Rating
from kinerja.scoring.spreadsheet import read_rows
from kinerja.scoring.suggestions import (
    expected_share,
    prorated_achievement,
    results_rating_for_organization,
    suggest_behavior_rating,
    suggest_result_rating,
)
from kinerja.scoring.survey_rows import responses_from_rows

ROOT = Path(__file__).resolve().parents[3]
DOC = ROOT / "docs" / "scoring.md"
SURVEY = ROOT / "docs" / "examples" / "skm-contoh.csv"
HIGHER, LOWER = Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER


def doc_text() -> str:
    """The page with line breaks folded, so that a phrase may wrap in the Markdown source."""
    return " ".join(DOC.read_text(encoding="utf-8").split())


def assert_documented(*phrases: str) -> None:
    text = doc_text()
    for phrase in phrases:
        assert phrase in text, f"docs/scoring.md does not say {phrase!r}"


def test_rounding_examples() -> None:
    assert format_decimal(Decimal("88.625")) == "88,63"
    assert format_decimal(Decimal("0.125")) == "0,13"
    assert format_decimal(Decimal("1234567.891")) == "1.234.567,89"
    assert_documented("88,625 rounds to **88,63**", "is **0,13**", "**1.234.567,89**")


def test_nip_example() -> None:
    info = parse_nip("19860926.201505.2.001")
    assert format_nip(info.nip) == "19860926 201505 2 001"
    assert (info.appointment_year, info.appointment_month, info.gender.label) == (
        2015,
        5,
        "Perempuan",
    )
    pppk = parse_nip("19900101 2021 21 1 015", "PPPK")
    assert (pppk.appointment_year, pppk.pppk_code, pppk.sequence) == (2021, "21", 15)
    assert format_nip(pppk.nip) == "19900101 2021 21 1 015"
    assert_documented(
        "**26 September 1986**", "**Mei 2015**", "**Perempuan**", "**19860926 201505 2 001**"
    )


def test_distribution_examples() -> None:
    over = check_distribution(
        OrganizationPredikat.ISTIMEWA, {Predikat.SANGAT_BAIK: 8, Predikat.BAIK: 2}
    )
    kurang = check_distribution(OrganizationPredikat.KURANG, {Predikat.KURANG: 5, Predikat.BAIK: 5})
    baik = check_distribution(
        OrganizationPredikat.BAIK,
        {Predikat.BAIK: 6, Predikat.SANGAT_BAIK: 2, Predikat.BUTUH_PERBAIKAN: 2},
    )
    small = check_distribution(
        OrganizationPredikat.SANGAT_KURANG, {Predikat.SANGAT_KURANG: 3, Predikat.SANGAT_BAIK: 1}
    )
    assert baik.ok
    assert (baik.shares[Predikat.BAIK], baik.shares[Predikat.SANGAT_BAIK]) == (
        Decimal("0.6000"),
        Decimal("0.2000"),
    )
    assert small.too_small
    messages = [v.message for report in (over, kurang, small) for v in report.violations]
    assert len(messages) == 4
    assert_documented(*messages, "Baik 0,6000, the others 0,2000")


def test_achievement_examples() -> None:
    assert achievement(12, 15, HIGHER) == Decimal("125.00")
    assert achievement(3, 2, HIGHER) == Decimal("66.67")
    assert achievement(10, 8, LOWER) == Decimal("120.00")
    assert achievement(10, 25, LOWER) == Decimal("0.00")
    assert_documented("**125,00**", "**66,67**", "**120,00**", "**0,00**")


def test_suggested_rating_example() -> None:
    items = [
        ResultItem(ResultKind.UTAMA, achievement=achievement(40, 45, HIGHER)),
        ResultItem(ResultKind.UTAMA, achievement=achievement(25, 26, HIGHER)),
        ResultItem(ResultKind.UTAMA, achievement=achievement(10, 10, LOWER)),
        ResultItem(ResultKind.UTAMA, achievement=achievement(20, 19, HIGHER)),
        ResultItem(ResultKind.TAMBAHAN, achievement=achievement(5, 6, HIGHER)),
    ]
    achieved = [format_decimal(item.achievement or 0) for item in items]
    assert achieved == ["112,50", "104,00", "100,00", "95,00", "120,00"]
    suggestion = suggest_results_rating(items)
    assert (suggestion.rating.value, suggestion.rule) == ("MEETS", "meets")
    assert_documented(
        "112,50 (45 of 40), 104,00 (26 of 25)",
        "100,00 (complaints 10 of 10",
        "95,00 (19 of 20)",
        "120,00 (6 of 5)",
        "**MEETS**, rule `meets`",
        suggestion.explanation,
    )


def test_regulation_ikm_example() -> None:
    four: dict[Element, int | None] = dict.fromkeys(Element, 4)
    three: dict[Element, int | None] = dict.fromkeys(Element, 3)
    survey = [four] * 11 + [three] * 9
    found = []
    for convention in WeightConvention:
        result = ikm(survey, convention)
        found.append(
            f"**{format_decimal(result.index, 4)}**, IKM **{format_decimal(result.value)}**, "
            f"grade **{result.grade}**"
        )
    assert found == [
        "**3,5500**, IKM **88,75**, grade **A**",
        "**3,5465**, IKM **88,66**, grade **A**",
        "**3,5145**, IKM **87,86**, grade **B**",
    ]
    assert_documented(*found)


SURVEY_FIGURES = {
    # convention: (index, IKM, grade) as printed in the doc's table
    WeightConvention.EXACT: ("3,5453", "88,63", "A"),
    WeightConvention.LEGACY_0111: ("3,5418", "88,54", "A"),
    WeightConvention.LEGACY_011: ("3,5099", "87,75", "B"),
}


def test_worked_survey_by_function() -> None:
    responses = responses_from_rows(read_rows(SURVEY))
    for convention, (index, value, grade) in SURVEY_FIGURES.items():
        result = ikm(responses, convention)
        assert result.respondents == 20
        assert format_decimal(result.index, 4) == index
        assert format_decimal(result.value) == value
        assert result.grade == grade
        assert_documented(f"**{index}**", f"**{value}** | **{grade}**")
    result = ikm(responses)
    for element in Element:
        total, filled = result.element_sums[element], result.element_counts[element]
        mean = format_decimal(result.element_means[element], 4)
        assert_documented(
            f"| {element} {element.label} | {total} | {filled} | {total}/{filled} | {mean} |"
        )


def test_worked_survey_file_is_in_paper_order_with_blanks() -> None:
    header, *rows = read_rows(SURVEY)
    assert header.index("Sarana dan Prasarana") < header.index(
        "Penanganan Pengaduan, Saran dan Masukan"
    )
    assert "u3" in header
    assert sum(cell == "" for row in rows for cell in row) == 2
    assert len(rows) >= 20


@pytest.mark.parametrize(
    ("weights", "convention"),
    [
        ("exact", WeightConvention.EXACT),
        ("0.111", WeightConvention.LEGACY_0111),
        ("0.11", WeightConvention.LEGACY_011),
    ],
)
def test_the_command_line_prints_the_worked_survey_figures(
    weights: str, convention: WeightConvention
) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "kinerja.scoring", "ikm", str(SURVEY), "--weights", weights],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    index, value, grade = SURVEY_FIGURES[convention]
    assert f"Indeks: {index}" in completed.stdout
    assert f"IKM: {value}" in completed.stdout
    assert f"Mutu: {grade}" in completed.stdout
    assert f"Bobot: {convention.label}" in completed.stdout
    assert "U4 Biaya/Tarif                                  73      19  3,8421" in completed.stdout


def test_sample_size_examples() -> None:
    assert [sample_size(n) for n in (100, 105, 1000, 10000, 49999, 100000, 2000000)] == [
        80,
        83,
        278,
        370,
        381,
        384,
        385,
    ]
    assert_documented(
        "N 100 → **80**", "105 → **83**", "1000 → **278**", "10000 → **370**",
        "49999 → **381**", "100000 → **384**", "2000000 → **385**",
    )  # fmt: skip


def test_behaviour_example() -> None:
    answers = [
        BehaviorAnswer("sup", "x", Relation.SUPERVISOR, "AKUNTABEL", 4),
        BehaviorAnswer("p1", "x", Relation.PEER, "AKUNTABEL", 5),
        BehaviorAnswer("p2", "x", Relation.PEER, "AKUNTABEL", 4),
        BehaviorAnswer("p3", "x", Relation.PEER, "AKUNTABEL", 4),
        BehaviorAnswer("p1", "x", Relation.PEER, "HARMONIS", 5),
        BehaviorAnswer("p2", "x", Relation.PEER, "HARMONIS", 3),
        BehaviorAnswer("x", "x", Relation.SELF, "AKUNTABEL", 5),
    ]
    summary = aggregate_behavior(answers)
    peers = summary.cell(Relation.PEER, "AKUNTABEL")
    harmonis = summary.cell(Relation.PEER, "HARMONIS")
    supervisor = summary.cell(Relation.SUPERVISOR, "AKUNTABEL")
    assert peers is not None
    assert harmonis is not None
    assert supervisor is not None
    assert (peers.count, format_decimal(peers.mean or 0)) == (3, "4,33")
    assert harmonis.suppressed
    assert (supervisor.count, format_decimal(supervisor.mean or 0)) == (1, "4,00")
    leniency = rater_leniency(
        [
            BehaviorAnswer("a", "x", Relation.PEER, "AKUNTABEL", 5),
            BehaviorAnswer("b", "x", Relation.PEER, "AKUNTABEL", 3),
            BehaviorAnswer("c", "x", Relation.PEER, "AKUNTABEL", 4),
            BehaviorAnswer("a", "y", Relation.PEER, "AKUNTABEL", 4),
            BehaviorAnswer("c", "y", Relation.PEER, "AKUNTABEL", 4),
        ]
    )
    shown = {rater: format_decimal(value) for rater, value in leniency.items()}
    assert shown == {"a": "0,75", "b": "-1,50", "c": "0,00"}
    assert_documented("3 raters, **4,33**", "**0,75**", "**-1,50**", "**0,00**")


def test_evaluation_suggestions_example() -> None:
    result = suggest_result_rating([Decimal("120"), Decimal("100"), None])
    assert result is not None
    assert result.rating is Rating.ABOVE
    behavior = suggest_behavior_rating([Rating.ABOVE] * 4 + [Rating.MEETS] * 3)
    assert (behavior.rating, behavior.rule) == (Rating.ABOVE, "most_above")
    assert_documented(
        "mean **110,00** → ABOVE",
        result.explanation,
        "MEETS three times → **ABOVE**, rule `most_above`",
        "**Istimewa → ABOVE, Baik → MEETS, Butuh Perbaikan / Kurang / Sangat Kurang → BELOW**",
    )
    assert results_rating_for_organization(OrganizationPredikat.BAIK).rating is Rating.MEETS
    share = expected_share(date(2026, 1, 1), date(2026, 12, 31), date(2026, 3, 31))
    assert format_percent(share) == "24,66%"
    assert format_decimal(prorated_achievement(Decimal(20), share)) == "81,11"
    assert_documented("90 of 365 days have passed (24,66%)", "is **81,11** → BELOW")
