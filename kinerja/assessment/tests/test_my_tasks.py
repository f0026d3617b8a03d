"""Home cards of 360° feedback (my_tasks.py): the rater's "Isi umpan balik 360" per open round,
the employee's nomination and results cards, the appraiser's lists to approve, the admins'
place card — and their constant cost."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.assessment.models import CycleState, ReviewCycle, ReviewerList
from kinerja.assessment.my_tasks import assessment_cards_for
from kinerja.assessment.testing import make_cycle, make_reviewer_list, make_sheet, make_team_360
from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db


def titled(cards: list[TaskItem], title: str) -> list[TaskItem]:
    return [card for card in cards if card.title == title]


def test_a_rater_gets_one_card_per_open_round_with_the_unsent_count_and_due_date(
    personas: Personas,
) -> None:
    team = make_team_360(personas)
    [card] = titled(assessment_cards_for(personas.appraiser_superior), "Isi umpan balik 360")
    assert card.due == team.cycle.due_date
    assert card.description.startswith("1 pegawai")
    assert card.url == "/360/"
    make_sheet(team.supervisor_review)
    assert not titled(assessment_cards_for(personas.appraiser_superior), "Isi umpan balik 360")


def test_no_rater_card_after_the_due_date_or_when_closed(personas: Personas) -> None:
    make_team_360(personas, cycle=make_cycle(agency=personas.agency, due_in_days=-1))
    make_team_360(personas, state=CycleState.CLOSED)
    assert not titled(assessment_cards_for(personas.employee), "Isi umpan balik 360")


def test_the_employee_is_asked_to_nominate_on_a_proposed_list_in_penyusunan(
    personas: Personas,
) -> None:
    cycle = make_cycle(agency=personas.agency, state=CycleState.DRAFT)
    found = make_reviewer_list(
        cycle, personas.staff.employee, agency=personas.agency,
        appraiser=personas.staff.supervisor, state=ReviewerList.State.PROPOSED,
    )  # fmt: skip
    [card] = titled(assessment_cards_for(personas.employee), "Nominasikan rekan penilai")
    assert card.url == f"/360/{cycle.pk}/daftar/{personas.staff.employee.pk}/"
    [approve] = titled(assessment_cards_for(personas.supervisor), "Setujui daftar penilai 360")
    assert approve.description.startswith("1 daftar")
    ReviewerList.objects.filter(pk=found.pk).update(state=ReviewerList.State.APPROVED)
    assert not titled(assessment_cards_for(personas.employee), "Nominasikan rekan penilai")
    assert not titled(assessment_cards_for(personas.supervisor), "Setujui daftar penilai 360")


def test_results_card_for_a_recently_closed_round_only(personas: Personas) -> None:
    team = make_team_360(personas, state=CycleState.CLOSED)
    ReviewCycle.objects.filter(pk=team.cycle.pk).update(closed_at=timezone.now())
    [card] = titled(assessment_cards_for(personas.supervisor), "Hasil umpan balik 360")
    assert card.url == f"/360/{team.cycle.pk}/hasil/{team.ratee.pk}/"
    assert not titled(assessment_cards_for(personas.employee), "Hasil umpan balik 360")
    ReviewCycle.objects.filter(pk=team.cycle.pk).update(
        closed_at=timezone.now() - timedelta(days=60)
    )
    assert not titled(assessment_cards_for(personas.supervisor), "Hasil umpan balik 360")


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_admins_get_a_place_card_while_a_round_they_track_is_open(
    personas: Personas, name: str
) -> None:
    make_team_360(personas)
    cards = titled(assessment_cards_for(personas.all()[name]), "Umpan balik 360 berjalan")
    assert bool(cards) == (name in {"hr_admin", "agency_admin"})
    assert all(card.kind == CardKind.PLACE for card in cards)


def _queries(personas: Personas, name: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assessment_cards_for(personas.all()[name])
    return len(captured)


@pytest.mark.parametrize("name", ["employee", "supervisor", "appraiser_superior", "hr_admin"])
def test_the_cards_cost_the_same_queries_for_one_round_or_many(
    personas: Personas, name: str
) -> None:
    make_team_360(personas, peers=1)
    few = _queries(personas, name)
    for _ in range(4):
        make_team_360(personas, peers=1)
    assert _queries(personas, name) == few
