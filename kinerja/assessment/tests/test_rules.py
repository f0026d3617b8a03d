"""The answer rules every entrance asks (rules.answer_refusal, rules.answer_errors): one
sentence per refusal, naming the field, the value and what is accepted."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kinerja.assessment.models import CycleState, ReviewCycle
from kinerja.assessment.questionnaire import COMMENT_MAX
from kinerja.assessment.rules import answer_errors, answer_refusal
from kinerja.assessment.testing import full_scores

DUE = date(2026, 11, 20)


def _cycle(state: str) -> ReviewCycle:
    return ReviewCycle(name="Uji", due_date=DUE, state=state)


def test_answers_may_change_in_pengisian_until_and_on_the_due_date() -> None:
    assert answer_refusal(_cycle(CycleState.OPEN), DUE) is None
    assert answer_refusal(_cycle(CycleState.OPEN), DUE - timedelta(days=9)) is None


def test_after_the_due_date_the_refusal_names_the_date() -> None:
    assert answer_refusal(_cycle(CycleState.OPEN), DUE + timedelta(days=1)) == (
        "Batas pengisian putaran ini 20 November 2026 sudah lewat; jawaban tidak dapat diubah lagi."
    )


@pytest.mark.parametrize(
    ("state", "expected"),
    [(CycleState.DRAFT, "belum dibuka"), (CycleState.CLOSED, "sudah selesai")],
)
def test_outside_pengisian_answers_are_refused(state: str, expected: str) -> None:
    refusal = answer_refusal(_cycle(state), DUE - timedelta(days=1))
    assert refusal is not None
    assert expected in refusal


@pytest.mark.django_db
def test_complete_answers_with_cannot_rate_are_accepted() -> None:
    scores = full_scores(None) | {"AKUNTABEL.1": 1, "LOYAL.3": 5}
    assert answer_errors(scores, {"AKUNTABEL": "Baik."}, complete=True) == {}


@pytest.mark.django_db
@pytest.mark.parametrize("score", [0, 6, -1, "5", True, False, 3.0, "TDM"])
def test_a_score_that_is_not_an_integer_1_to_5_names_the_code_and_the_value(
    score: object,
) -> None:
    errors = answer_errors({"KOMPETEN.2": score}, {}, complete=False)
    assert errors == {
        "KOMPETEN.2": [
            f"Skor “{score}” tidak sah; isi bilangan bulat 1-5 atau pilih “Tidak dapat menilai”."
        ]
    }


@pytest.mark.django_db
def test_unknown_codes_and_bad_comments_are_named() -> None:
    errors = answer_errors(
        {"KOMPETEN.4": 3},
        {
            "RAMAH": "x",
            "ADAPTIF": 7,
            "LOYAL": "a" * (COMMENT_MAX + 1),
            "HARMONIS": "a" * COMMENT_MAX,
        },
        complete=False,
    )
    assert errors["scores"] == [
        "Perilaku “KOMPETEN.4” tidak dikenal; pakai kode seperti AKUNTABEL.1 sampai KOLABORATIF.3."
    ]
    assert errors["comments"][0].startswith("Nilai dasar “RAMAH” tidak dikenal; pakai salah satu")
    assert errors["comment_ADAPTIF"] == ["Komentar harus berupa teks."]
    assert errors["comment_LOYAL"] == [
        f"Komentar terlalu panjang ({COMMENT_MAX + 1} karakter); paling banyak {COMMENT_MAX} "
        "karakter."
    ]
    assert "comment_HARMONIS" not in errors


@pytest.mark.django_db
def test_sending_incomplete_names_how_many_and_the_first_three() -> None:
    scores = full_scores(4)
    for code in ("ADAPTIF.1", "ADAPTIF.2", "ADAPTIF.3", "LOYAL.1"):
        del scores[code]
    [message] = answer_errors(scores, {}, complete=True)["scores"]
    assert message == (
        "4 perilaku belum dijawab (ADAPTIF.1, ADAPTIF.2, ADAPTIF.3, …); isi skor 1-5 atau pilih "
        "“Tidak dapat menilai” untuk setiap perilaku sebelum mengirim."
    )
    assert answer_errors(scores, {}, complete=False) == {}
