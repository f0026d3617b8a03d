"""One employee's list of raters (/360/<id>/daftar/<employee_id>/): who sees it, nominating,
approving, adding and withdrawing through the page; constant queries."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.assessment.models import CycleState, ReviewerList
from kinerja.assessment.testing import make_review, make_team_360
from kinerja.core.testing import page_query_count, page_text
from kinerja.people.testing import PERSONA_NAMES, Personas, assign, make_employee, make_position

pytestmark = pytest.mark.django_db

VIEWERS = {"supervisor", "appraiser_superior", "agency_admin", "hr_admin"}


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_list_is_seen_by_the_employee_and_those_who_change_it(
    client: Client, personas: Personas, name: str
) -> None:
    team = make_team_360(personas)
    client.force_login(personas.all()[name])
    response = client.get(f"/360/{team.cycle.pk}/daftar/{team.ratee.pk}/")
    if name not in VIEWERS:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Rekan Seksi 1" in text
    assert "Rekan kerja" in text
    assert "dikirim" not in text.lower()


def test_the_employee_nominates_by_nip_on_the_page(client: Client, personas: Personas) -> None:
    team = make_team_360(personas, state=CycleState.DRAFT)
    team.reviewer_list.state = ReviewerList.State.PROPOSED
    team.reviewer_list.save()
    url = f"/360/{team.cycle.pk}/daftar/{team.ratee.pk}/"
    client.force_login(personas.supervisor)
    bad = client.post(url, {"action": "nominate", "nominasi-nips": "123"})
    assert bad.status_code == 400
    assert "123" in page_text(bad.content)
    assert "terdiri dari 18 angka" in page_text(bad.content)
    peer = team.peer_reviews[0].rater
    ok = client.post(url, {"action": "nominate", "nominasi-nips": peer.nip})
    assert ok.status_code == 302
    team.reviewer_list.refresh_from_db()
    assert team.reviewer_list.state == ReviewerList.State.NOMINATED


def test_the_appraiser_withdraws_and_approves_on_the_page(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    url = f"/360/{team.cycle.pk}/daftar/{team.ratee.pk}/"
    client.force_login(personas.appraiser_superior)
    review = team.peer_reviews[0]
    empty = client.post(url, {"action": "withdraw", "tarik-review": review.pk, "tarik-reason": ""})
    assert empty.status_code == 400
    done = client.post(
        url, {"action": "withdraw", "tarik-review": review.pk, "tarik-reason": "Mutasi"}
    )
    assert done.status_code == 302
    review.refresh_from_db()
    assert review.withdrawn_on is not None
    assert client.post(url, {"action": "approve"}).status_code == 302


def test_the_list_costs_the_same_queries_with_3_or_30_raters(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    url = f"/360/{team.cycle.pk}/daftar/{team.ratee.pk}/"
    client.force_login(personas.appraiser_superior)
    few = page_query_count(client, url)
    for n in range(27):
        person = make_employee(name=f"Bawahan {n}")
        assign(person, make_position(agency=personas.agency, supervisor=personas.staff.kasi_post,
                                     unit=personas.staff.unit))  # fmt: skip
        make_review(team.reviewer_list, person, "SUBORDINATE")
    assert page_query_count(client, url) == few
