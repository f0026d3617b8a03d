"""The 360° feedback beside the behaviour rating on the evaluation page: the appraiser and the
employee see each relation's figure (peers' mean, "kurang dari 3 penilai" for a lone
subordinate) of the latest closed round of the window; an open round shows nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.assessment.testing import (
    LONE_SUBORDINATE_COMMENT,
    make_answered_team_360,
    make_cycle,
)
from kinerja.core.testing import page_text
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.testing import make_evaluation
from kinerja.monitoring.testing import make_running_plan, window_on
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def _evaluation(personas: Personas, *, closed: bool) -> Evaluation:
    plan = make_running_plan(employee=personas.staff.supervisor)
    window = window_on(plan)
    cycle = make_cycle(period=plan.period, window=window, agency=personas.agency)
    make_answered_team_360(personas, cycle=cycle, closed=closed)
    return make_evaluation(plan=plan, window=window)


@pytest.mark.parametrize("name", ["appraiser_superior", "supervisor"])
def test_the_appraiser_and_the_employee_see_the_figures_beside_the_rating(
    client: Client, personas: Personas, name: str
) -> None:
    evaluation = _evaluation(personas, closed=True)
    client.force_login(personas.all()[name])
    response = client.get(f"/penilaian/{evaluation.pk}/")
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Umpan balik 360 (Umpan balik 360" in text
    assert "Rekan kerja: 4,00 (3 penilai)" in text
    assert "Bawahan: kurang dari 3 penilai" in text
    assert "Atasan: 2,00" in text
    assert "Komentar rekan 3" in text
    assert LONE_SUBORDINATE_COMMENT not in text
    assert "Lihat hasil 360 lengkap" in text
    cycle_id = evaluation.plan.employee.reviewer_lists.get().cycle_id
    link = f'href="/360/{cycle_id}/hasil/{evaluation.plan.employee_id}/"'
    assert link in response.content.decode()


def test_an_open_round_shows_nothing(client: Client, personas: Personas) -> None:
    evaluation = _evaluation(personas, closed=False)
    client.force_login(personas.appraiser_superior)
    text = page_text(client.get(f"/penilaian/{evaluation.pk}/").content)
    assert "Umpan balik 360 (" not in text
    assert "penilai)" not in text


def test_a_reader_without_the_right_sees_no_360_block(client: Client, personas: Personas) -> None:
    evaluation = _evaluation(personas, closed=True)
    client.force_login(personas.auditor)
    response = client.get(f"/penilaian/{evaluation.pk}/")
    if response.status_code == 200:
        assert "Umpan balik 360 (" not in page_text(response.content)
