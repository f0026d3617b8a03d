"""What the evaluation page says of appeals (`appeals.evaluation_notes`): the objection link
while the window runs, the objection's state or decision once filed, the closed window."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.appeals.models import ObjectionState
from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.core.testing import page_text
from kinerja.evaluation.models import Evaluation
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def _page(client: Client, user: object, evaluation_id: int) -> tuple[bytes, str]:
    client.force_login(user)  # type: ignore[arg-type]
    content = client.get(f"/penilaian/{evaluation_id}/").content
    return content, page_text(content)


def test_the_employee_is_offered_the_objection_while_the_window_runs(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=14)
    content, text = _page(client, personas.employee, evaluation.pk)
    assert b'data-testid="objection-link"' in content
    assert "Ajukan keberatan (sampai" in text


def test_after_the_deadline_the_page_says_the_window_has_passed(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=15)
    content, text = _page(client, personas.employee, evaluation.pk)
    assert b'data-testid="objection-link"' not in content
    assert "Batas pengajuan keberatan telah lewat" in text


def test_an_open_objection_is_shown_instead_of_the_link(client: Client, personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    make_objection(evaluation=evaluation, state=ObjectionState.EXPLAINED)
    content, text = _page(client, personas.employee, evaluation.pk)
    assert b'data-testid="objection-link"' not in content
    assert "Keberatan dijelaskan; menunggu keputusan." in text
    assert "Lihat keberatan" in text


def test_the_decision_and_the_new_predikat_are_on_the_evaluation_page(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    # Behaviour above expectation: raising the results rating makes the predikat Sangat Baik.
    Evaluation.objects.filter(pk=evaluation.pk).update(behavior_rating="ABOVE")
    make_objection(evaluation=evaluation, state=ObjectionState.ACCEPTED)
    for user in (personas.employee, personas.supervisor, personas.appraiser_superior):
        _, text = _page(client, user, evaluation.pk)
        assert "Keberatan diterima pada" in text
        assert "predikat kinerja Baik → Sangat Baik." in text


def test_who_may_not_see_the_objection_sees_only_the_links(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    make_objection(evaluation=evaluation, state=ObjectionState.ACCEPTED)
    content, text = _page(client, personas.agency_admin, evaluation.pk)
    assert "Bagaimana nilai dihitung" in text
    assert b'data-testid="objection-note"' not in content
