"""Rater quality signals (selectors/quality.py, /360/<cycle>/mutu/): BKPSDM only, closed
rounds only, per unit for groups of at least k sheets, per named supervisor, never per peer."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kinerja.assessment.selectors.quality import quality_report_build
from kinerja.assessment.testing import (
    close_cycle,
    full_scores,
    make_answered_team_360,
    make_cycle,
    make_review,
    make_reviewer_list,
    make_sheet,
)
from kinerja.core.testing import page_query_count, page_text
from kinerja.people.testing import PERSONA_NAMES, Personas, make_employee
from kinerja.scoring.behavior import Relation

pytestmark = pytest.mark.django_db


def test_units_show_sheets_straight_lining_and_leniency_per_relation(personas: Personas) -> None:
    team = make_answered_team_360(personas)
    report = quality_report_build(cycle=team.cycle)
    assert report.available
    [unit] = report.units
    assert unit.sheets == 6
    assert unit.straight_text == "100,00%"
    by_relation = {cell.relation: cell.text for cell in unit.leniency}
    assert by_relation[Relation.PEER] != "kurang dari 3 lembar"
    assert by_relation[Relation.SUBORDINATE] == "kurang dari 3 lembar"
    assert by_relation[Relation.SUPERVISOR] == "kurang dari 3 lembar"


def test_the_supervisor_is_named_with_leniency_and_straight_lining(personas: Personas) -> None:
    team = make_answered_team_360(personas)
    [supervisor] = quality_report_build(cycle=team.cycle).supervisors
    assert (supervisor.name, supervisor.sheets, supervisor.straight) == ("Dewi Kabid", 1, 1)
    # 2 against the mean of the others (peers 5,4,3 and subordinate 4 → 4): -2,00
    assert supervisor.leniency_text == "-2,00"


def test_a_varied_sheet_is_not_straight_lined(personas: Personas) -> None:
    team = make_answered_team_360(personas, closed=False)
    scores = full_scores(4)
    scores["AKUNTABEL.1"] = 5
    other = make_employee(name="Penilai Lain")
    make_sheet(make_review(team.reviewer_list, other, "PEER"), scores=scores)
    close_cycle(team.cycle)
    [unit] = quality_report_build(cycle=team.cycle).units
    assert unit.straight_text == "85,71%"  # 6 of 7


def test_an_open_round_shows_a_sentence(client: Client, personas: Personas) -> None:
    team = make_answered_team_360(personas, closed=False)
    client.force_login(personas.hr_admin)
    text = page_text(client.get(f"/360/{team.cycle.pk}/mutu/").content)
    assert "Mutu penilai tampil setelah putaran selesai" in text
    assert "Dewi Kabid" not in text


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_bkpsdm_sees_the_quality_page(client: Client, personas: Personas, name: str) -> None:
    team = make_answered_team_360(personas)
    client.force_login(personas.all()[name])
    response = client.get(f"/360/{team.cycle.pk}/mutu/")
    assert response.status_code == (200 if name == "hr_admin" else 404)


def test_the_page_is_for_calibration_and_names_no_peer(client: Client, personas: Personas) -> None:
    team = make_answered_team_360(personas)
    client.force_login(personas.hr_admin)
    text = page_text(client.get(f"/360/{team.cycle.pk}/mutu/").content)
    assert "Hanya untuk kalibrasi" in text
    assert "Dewi Kabid" in text
    for n in (1, 2, 3):
        assert f"Rekan Seksi {n}" not in text
    assert "Agus" not in text


def test_the_page_costs_the_same_queries_for_one_and_four_units(
    client: Client, personas: Personas, django_assert_num_queries: Any
) -> None:
    team = make_answered_team_360(personas)
    client.force_login(personas.hr_admin)
    url = f"/360/{team.cycle.pk}/mutu/"
    few = page_query_count(client, url)
    for _ in range(3):
        ratee = make_employee()
        found = make_reviewer_list(team.cycle, ratee, agency=personas.other_agency)
        for n in range(3):
            make_sheet(make_review(found, make_employee(), "PEER"), scores=full_scores(n + 2))
        make_sheet(make_review(found, make_employee(name=f"Atasan {ratee.pk}"), "SUPERVISOR"))
    with django_assert_num_queries(few):
        response = client.get(url)
    assert "Atasan" in page_text(response.content)


def test_a_closed_round_without_sheets_says_so(client: Client, personas: Personas) -> None:
    cycle = close_cycle(make_cycle(agency=personas.agency))
    client.force_login(personas.hr_admin)
    text = page_text(client.get(f"/360/{cycle.pk}/mutu/").content)
    assert "Belum ada lembar jawaban yang dikirim" in text
