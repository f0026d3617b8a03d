"""Database totals of responses: the IKM from them equals the scoring core's over the same
answers, for every convention, with blanks from paper forms; grouped totals partition them."""

from __future__ import annotations

import random
from datetime import date

import pytest

from kinerja.people.testing import Personas
from kinerja.scoring.ikm import Element, WeightConvention, ikm
from kinerja.surveys.aggregation import EMPTY, totals_by, totals_by_month, totals_of
from kinerja.surveys.models import Channel, SurveyResponse
from kinerja.surveys.testing import make_responses, make_service_unit

pytestmark = pytest.mark.django_db


def _random_answers(seed: int, rows: int) -> list[list[int | None]]:
    chance = random.Random(seed)
    answers: list[list[int | None]] = [[chance.randint(1, 4) for _ in Element]]  # one full row
    for _ in range(rows - 1):
        answers.append([None if chance.random() < 0.15 else chance.randint(1, 4) for _ in Element])
    return answers


@pytest.mark.parametrize("seed", range(8))
def test_the_ikm_of_database_totals_equals_the_scoring_core_for_every_convention(
    personas: Personas, seed: int
) -> None:
    unit = make_service_unit(unit=personas.staff.unit)
    answers = _random_answers(seed, 40)
    make_responses(service_unit=unit, answers=answers, channel=Channel.PAPER)
    totals = totals_of(SurveyResponse.objects.filter(service_unit=unit))
    rows = [dict(zip(Element, row, strict=True)) for row in answers]
    for convention in WeightConvention:
        assert totals.ikm(convention) == ikm(rows, convention)


def test_a_response_with_no_answer_is_not_a_respondent(personas: Personas) -> None:
    unit = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=unit, answers=[[None] * 9, [3] * 9])
    totals = totals_of(SurveyResponse.objects.filter(service_unit=unit))
    assert totals.respondents == 1
    assert totals.counts[Element.U1] == 1


def test_no_responses_or_an_unanswered_element_give_no_ikm(personas: Personas) -> None:
    unit = make_service_unit(unit=personas.staff.unit)
    assert totals_of(SurveyResponse.objects.filter(service_unit=unit)) == EMPTY
    assert EMPTY.ikm() is None
    make_responses(service_unit=unit, answers=[[3, 3, 3, 3, 3, 3, 3, 3, None]])
    assert totals_of(SurveyResponse.objects.filter(service_unit=unit)).ikm() is None


def test_grouped_totals_add_up_to_the_whole(personas: Personas) -> None:
    unit = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=unit, answers=_random_answers(1, 10), profile={"gender": "L"})
    make_responses(service_unit=unit, answers=_random_answers(2, 7), profile={"gender": "P"})
    make_responses(service_unit=unit, answers=_random_answers(3, 5), day=date(2024, 2, 3))
    make_responses(service_unit=unit, answers=_random_answers(4, 4), day=date(2024, 3, 30))
    everything = SurveyResponse.objects.filter(service_unit=unit)
    whole = totals_of(everything)
    for parts in (totals_by(everything, "gender"), totals_by_month(everything)):
        assert sum(p.respondents for p in parts.values()) == whole.respondents
        for element in Element:
            assert sum(p.sums[element] for p in parts.values()) == whole.sums[element]
            assert sum(p.counts[element] for p in parts.values()) == whole.counts[element]
    assert set(totals_by(everything, "gender")) == {"L", "P", ""}
    months = totals_by_month(everything)
    assert months[date(2024, 2, 1)].respondents == 5
    assert months[date(2024, 3, 1)].respondents == 4
