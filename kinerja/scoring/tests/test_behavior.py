"""360 degree behaviour feedback: anonymity of raters and rater leniency."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.scoring.behavior import (
    BehaviorAnswer,
    Relation,
    aggregate_behavior,
    rater_leniency,
)

RATEE = "198609262015051001"


def answers_from(
    relation: Relation, scores: list[int], core_value: str = "AKUNTABEL", prefix: str = ""
) -> list[BehaviorAnswer]:
    """One answer per rater, raters named after the relation and their position."""
    name = prefix or relation.value.lower()
    return [
        BehaviorAnswer(f"{name}-{number}", RATEE, relation, core_value, score)
        for number, score in enumerate(scores, start=1)
    ]


def test_peer_scores_are_hidden_when_fewer_than_three_peers_answered() -> None:
    summary = aggregate_behavior(answers_from(Relation.PEER, [5, 3]))
    cell = summary.cell(Relation.PEER, "AKUNTABEL")
    assert cell is not None
    assert (cell.suppressed, cell.count, cell.mean) == (True, None, None)


def test_peer_scores_are_shown_as_a_mean_from_three_peers() -> None:
    summary = aggregate_behavior(answers_from(Relation.PEER, [5, 3, 4]))
    cell = summary.cell(Relation.PEER, "AKUNTABEL")
    assert cell is not None
    assert (cell.suppressed, cell.count, cell.mean) == (False, 3, Decimal("4.00"))


def test_subordinates_follow_the_same_threshold_which_can_be_raised() -> None:
    answers = answers_from(Relation.SUBORDINATE, [4, 4, 5])
    shown = aggregate_behavior(answers).cell(Relation.SUBORDINATE, "AKUNTABEL")
    hidden = aggregate_behavior(answers, k=4).cell(Relation.SUBORDINATE, "AKUNTABEL")
    assert shown is not None
    assert shown.mean == Decimal("4.33")
    assert hidden is not None
    assert hidden.suppressed


def test_the_supervisor_and_the_self_assessment_are_never_suppressed() -> None:
    summary = aggregate_behavior(
        answers_from(Relation.SUPERVISOR, [4]) + answers_from(Relation.SELF, [5])
    )
    supervisor = summary.cell(Relation.SUPERVISOR, "AKUNTABEL")
    own = summary.cell(Relation.SELF, "AKUNTABEL")
    assert supervisor is not None
    assert (supervisor.count, supervisor.mean) == (1, Decimal("4.00"))
    assert own is not None
    assert (own.count, own.mean) == (1, Decimal("5.00"))


def test_each_core_value_is_its_own_cell_and_no_all_raters_figure_is_published() -> None:
    answers = (
        answers_from(Relation.PEER, [5, 4, 3], "AKUNTABEL")
        + answers_from(Relation.PEER, [2, 2], "HARMONIS")
        + answers_from(Relation.SUPERVISOR, [3], "HARMONIS")
    )
    summary = aggregate_behavior(answers)
    assert [(c.relation, c.core_value, c.suppressed) for c in summary.cells] == [
        (Relation.SUPERVISOR, "HARMONIS", False),
        (Relation.PEER, "AKUNTABEL", False),
        (Relation.PEER, "HARMONIS", True),
    ]
    assert summary.cell(Relation.SUBORDINATE, "AKUNTABEL") is None
    assert (summary.ratee_id, summary.k) == (RATEE, 3)


def test_no_answers_give_an_empty_summary() -> None:
    summary = aggregate_behavior([])
    assert (summary.ratee_id, summary.cells) == ("", ())


def test_invalid_answers_are_refused_in_indonesian() -> None:
    with pytest.raises(ValueError, match="Ambang anonimitas k harus paling sedikit 1"):
        aggregate_behavior([], k=0)
    with pytest.raises(
        ValueError, match="Skor 6 dari penilai peer-1 untuk AKUNTABEL di luar skala"
    ):
        aggregate_behavior(answers_from(Relation.PEER, [6]))
    with pytest.raises(ValueError, match="lebih dari sekali"):
        aggregate_behavior(answers_from(Relation.PEER, [4]) * 2)
    other = BehaviorAnswer("peer-9", "another", Relation.PEER, "AKUNTABEL", 4)
    with pytest.raises(ValueError, match="Jawaban untuk lebih dari satu pegawai"):
        aggregate_behavior([*answers_from(Relation.PEER, [4]), other])


def test_a_different_scale_can_be_used() -> None:
    summary = aggregate_behavior(answers_from(Relation.SUPERVISOR, [7]), max_score=7)
    assert summary.cells[0].mean == Decimal("7.00")


def test_relations_have_indonesian_labels() -> None:
    assert [r.label for r in Relation] == ["Diri sendiri", "Atasan", "Rekan kerja", "Bawahan"]


relations = st.sampled_from(list(Relation))
answer_specs = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=6),
        relations,
        st.sampled_from(["AKUNTABEL", "HARMONIS"]),
        st.integers(min_value=1, max_value=5),
    ),
    max_size=30,
    unique_by=lambda spec: (spec[0], spec[2]),
)


@settings(max_examples=200, deadline=None)
@given(answer_specs, st.integers(min_value=1, max_value=5))
def test_changing_a_suppressed_answer_changes_no_published_figure(
    specs: list[tuple[int, Relation, str, int]], replacement: int
) -> None:
    # Nothing published depends on a hidden answer, so nothing can be subtracted to find it.
    answers = [
        BehaviorAnswer(f"r{rater}-{relation}", RATEE, relation, value, score)
        for rater, relation, value, score in specs
    ]
    summary = aggregate_behavior(answers)
    hidden = {(c.relation, c.core_value) for c in summary.cells if c.suppressed}
    changed = [
        BehaviorAnswer(a.rater_id, a.ratee_id, a.relation, a.core_value, replacement)
        if (a.relation, a.core_value) in hidden
        else a
        for a in answers
    ]
    assert aggregate_behavior(changed) == summary


def test_leniency_is_the_mean_deviation_from_the_other_raters() -> None:
    answers = [
        BehaviorAnswer("a", "x", Relation.PEER, "AKUNTABEL", 5),
        BehaviorAnswer("b", "x", Relation.PEER, "AKUNTABEL", 3),
        BehaviorAnswer("c", "x", Relation.SUPERVISOR, "AKUNTABEL", 4),
        BehaviorAnswer("a", "y", Relation.PEER, "AKUNTABEL", 4),
        BehaviorAnswer("c", "y", Relation.PEER, "AKUNTABEL", 4),
        BehaviorAnswer("x", "x", Relation.SELF, "AKUNTABEL", 5),
        BehaviorAnswer("d", "z", Relation.PEER, "AKUNTABEL", 2),
    ]
    # a: x 5 - 3,5 = 1,5 and y 4 - 4 = 0 -> 0,75; b: 3 - 4,5 = -1,5; c: x 4 - 4 = 0, y 0.
    # Self-assessments are left out; d has nobody to be compared with.
    assert rater_leniency(answers) == {
        "a": Decimal("0.75"),
        "b": Decimal("-1.50"),
        "c": Decimal("0.00"),
    }


# --- a rater's score per core value, straight-lining ----------------------------------------


def test_a_value_score_is_the_exact_mean_of_the_behaviours_scored() -> None:
    from fractions import Fraction

    from kinerja.scoring.behavior import value_score

    assert value_score([5, 4, None]) == Fraction(9, 2)
    assert value_score([None, None, None]) is None
    assert value_score([]) is None


def test_fractional_value_scores_aggregate_to_a_two_decimal_mean() -> None:
    from fractions import Fraction

    answers = [
        BehaviorAnswer(f"p{n}", RATEE, Relation.PEER, "AKUNTABEL", score)
        for n, score in enumerate([Fraction(9, 2), Fraction(4), Fraction(10, 3)])
    ]
    cell = aggregate_behavior(answers).cell(Relation.PEER, "AKUNTABEL")
    assert cell is not None
    assert cell.mean == Decimal("3.94")


def test_a_fractional_score_outside_the_scale_is_refused() -> None:
    from fractions import Fraction

    answer = BehaviorAnswer("p", RATEE, Relation.PEER, "AKUNTABEL", Fraction(11, 2))
    with pytest.raises(ValueError, match="di luar skala"):
        aggregate_behavior([answer])


def test_straight_lining_needs_enough_identical_scores() -> None:
    from kinerja.scoring.behavior import STRAIGHT_LINE_MIN_ANSWERS, straight_lined

    assert straight_lined([4] * STRAIGHT_LINE_MIN_ANSWERS + [None])
    assert not straight_lined([4] * (STRAIGHT_LINE_MIN_ANSWERS - 1) + [None] * 5)
    assert not straight_lined([4] * STRAIGHT_LINE_MIN_ANSWERS + [5])


@given(st.lists(st.one_of(st.none(), st.integers(min_value=1, max_value=5)), max_size=21))
@settings(max_examples=100, deadline=None)
def test_a_value_score_stays_within_the_scores_given(scores: list[int | None]) -> None:
    from kinerja.scoring.behavior import value_score

    found = value_score(scores)
    given_scores = [s for s in scores if s is not None]
    if not given_scores:
        assert found is None
    else:
        assert found is not None
        assert min(given_scores) <= found <= max(given_scores)
