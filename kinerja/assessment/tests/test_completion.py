"""Completion tracking (selectors/completion.py): counts per agency and unit in one query,
never names; Admin OPD only their agency; 404 for the rest."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import Http404
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.assessment.models import ReviewCycle
from kinerja.assessment.selectors.completion import completion_for_actor
from kinerja.assessment.testing import (
    make_cycle,
    make_review,
    make_reviewer_list,
    make_sheet,
    make_team_360,
)
from kinerja.core.testing import page_query_count
from kinerja.organization.models import Unit
from kinerja.people.holdings import today
from kinerja.people.testing import PERSONA_NAMES, Personas, make_employee

pytestmark = pytest.mark.django_db


def test_counts_lists_asked_and_sent_per_unit_with_totals(personas: Personas) -> None:
    team = make_team_360(personas)
    make_sheet(team.peer_reviews[0])
    make_sheet(team.self_review)
    withdrawn = team.peer_reviews[1]
    withdrawn.withdrawn_on = today()
    withdrawn.save()
    empty = make_employee(name="Tanpa Penilai")
    make_reviewer_list(team.cycle, empty, agency=personas.agency)  # no unit, nobody asked

    completion = completion_for_actor(actor=personas.hr_admin, cycle=team.cycle)

    assert (completion.employees, completion.asked, completion.sent) == (2, 5, 2)
    by_unit = {row.unit_name: row for row in completion.rows}
    unit = by_unit[personas.staff.unit.name]
    assert (unit.employees, unit.asked, unit.sent, unit.percent_text) == (1, 5, 2, "40,0%")
    assert by_unit["Tanpa unit kerja"].percent_text == "—"
    (agency,) = completion.agencies
    assert (agency.agency_name, agency.employees, agency.asked) == (personas.agency.name, 2, 5)


def test_an_agency_admin_sees_only_their_agency_of_a_city_round(personas: Personas) -> None:
    cycle = make_cycle(agency=None)
    team = make_team_360(personas, cycle=cycle)
    make_reviewer_list(cycle, personas.staff.other_head, agency=personas.other_agency)
    city = completion_for_actor(actor=personas.hr_admin, cycle=cycle)
    assert {r.agency_id for r in city.rows} == {personas.agency.pk, personas.other_agency.pk}
    mine = completion_for_actor(actor=personas.agency_admin, cycle=team.cycle)
    assert {r.agency_id for r in mine.rows} == {personas.agency.pk}
    other = completion_for_actor(actor=personas.other_admin, cycle=cycle)
    assert {r.agency_id for r in other.rows} == {personas.other_agency.pk}


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_bkpsdm_and_the_agency_admin_may_track(personas: Personas, name: str) -> None:
    team = make_team_360(personas)
    actor = personas.all()[name]
    if name in {"hr_admin", "agency_admin"}:
        assert completion_for_actor(actor=actor, cycle=team.cycle).asked == 6
    else:
        with pytest.raises(Http404):
            completion_for_actor(actor=actor, cycle=team.cycle)


def test_one_query_at_any_size(personas: Personas) -> None:
    team = make_team_360(personas)
    for n in range(10):
        unit = Unit.objects.create(agency=personas.agency, code=f"u{n}", name=f"Seksi {n}")
        rl = make_reviewer_list(
            team.cycle, make_employee(), agency=personas.agency, unit_id=unit.pk
        )
        make_review(rl, personas.staff.kabid, "SUPERVISOR")
    with CaptureQueriesContext(connection) as captured:
        completion = completion_for_actor(actor=personas.hr_admin, cycle=team.cycle)
    assert len(captured) == 1
    assert len(completion.rows) == 11


def _units(personas: Personas, cycle_pk: int, start: int, count: int) -> None:
    cycle = ReviewCycle.objects.get(pk=cycle_pk)
    for n in range(start, start + count):
        unit = Unit.objects.create(agency=personas.agency, code=f"unit-{n}", name=f"Unit {n}")
        rl = make_reviewer_list(cycle, make_employee(), agency=personas.agency, unit_id=unit.pk)
        make_sheet(make_review(rl, personas.staff.kabid, "SUPERVISOR"))


def test_the_round_page_costs_the_same_queries_for_2_or_40_units(
    client: Client, personas: Personas
) -> None:
    cycle = make_cycle(agency=personas.agency)
    _units(personas, cycle.pk, 0, 2)
    client.force_login(personas.hr_admin)
    few = page_query_count(client, f"/360/{cycle.pk}/")
    _units(personas, cycle.pk, 2, 38)
    assert page_query_count(client, f"/360/{cycle.pk}/") == few
