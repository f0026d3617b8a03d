"""Adversarial: a unit with 2 peers. Neither peer's score, comment or name is revealed by the
results page, the export, the API, the Django admin or the evaluation page; while the round is
open nothing at all is shown, after closing with 2 the group reads "kurang dari 3 penilai",
and a third rater cannot send after closing (so no before/after comparison exists).

Peer A scores every behaviour 1 (value score 1,00), peer B scores (2, 2, 3) on every value
(2,33); their mean would be 1,67. The supervisor and the self-assessment score 4 (shown by
name), the one subordinate 5 (suppressed). None of 1,00 / 2,33 / 1,67 / 5,00 may appear.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from kinerja.accounts.models import User
from kinerja.assessment.models import AnswerSheet, BehaviorReview, RelationChoice
from kinerja.assessment.testing import (
    Team360,
    close_cycle,
    full_scores,
    json_figures,
    make_cycle,
    make_sheet,
    make_team_360,
    pattern_scores,
    xlsx_text,
)
from kinerja.core.testing import page_text
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.testing import make_evaluation
from kinerja.monitoring.testing import make_running_plan, window_on
from kinerja.people.testing import Personas
from kinerja.planning.selectors import core_values

pytestmark = pytest.mark.django_db

ROUND_NAME = "Putaran Uji Rahasia"
PEER_A = "Komentar rahasia A dari rekan"
PEER_B = "Komentar rahasia B dari rekan"
SUBORDINATE = "Komentar rahasia bawahan"
SUPERVISOR_NOTE = "Catatan terbuka dari atasan"
SECRETS = (PEER_A, PEER_B, SUBORDINATE, "Rekan Seksi 1", "Rekan Seksi 2", "Komentar rahasia")
HIDDEN_NUMBERS = ("1,00", "2,33", "1,67", "5,00", "1.00", "2.33", "1.67", "5.00", "2 penilai")
ATTRIBUTES = re.compile(r'(?:aria-label|title|alt|data-[\w-]+)="([^"]*)"')


@dataclass
class Scene:
    team: Team360
    evaluation: Evaluation


def _answer_two_peers(team: Team360) -> None:
    a, b = team.peer_reviews[:2]
    make_sheet(a, scores=full_scores(1), comments=dict.fromkeys(_values(), PEER_A))
    make_sheet(b, scores=pattern_scores((2, 2, 3)), comments=dict.fromkeys(_values(), PEER_B))
    make_sheet(team.supervisor_review, comments=dict.fromkeys(_values(), SUPERVISOR_NOTE))
    make_sheet(team.self_review)
    make_sheet(
        team.subordinate_reviews[0],
        scores=full_scores(5),
        comments=dict.fromkeys(_values(), SUBORDINATE),
    )


def _values() -> list[str]:
    return [v.code for v in core_values()]


def _scene(personas: Personas, *, peers: int, closed: bool) -> Scene:
    """Sri's plan with an evaluation of this window, and her 360° list in a round of the same
    window: `peers` peers of whom the first two sent (A all 1s, B 2-2-3)."""
    plan = make_running_plan(employee=personas.staff.supervisor)
    window = window_on(plan)
    cycle = make_cycle(agency=personas.agency, window=window, name=ROUND_NAME)
    team = make_team_360(personas, peers=peers, cycle=cycle)
    _answer_two_peers(team)
    if closed:
        close_cycle(cycle)
    return Scene(team=team, evaluation=make_evaluation(plan=plan, window=window))


@pytest.fixture
def closed_scene(personas: Personas) -> Scene:
    return _scene(personas, peers=2, closed=True)


def _shown(html: str) -> str:
    """What a reader (or a screen reader, or a scraper of attributes) gets from a page."""
    return page_text(html) + " " + " ".join(ATTRIBUTES.findall(html))


def _get(client: Client, user: User, url: str) -> tuple[int, str, bytes]:
    client.force_login(user)
    response = client.get(url)
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    else:
        content = response.content
    return response.status_code, response.get("Content-Type", ""), content


def _results_url(team: Team360) -> str:
    return reverse(
        "assessment:results", kwargs={"cycle_id": team.cycle.pk, "employee_id": team.ratee.pk}
    )


def _export_url(team: Team360, fmt: str) -> str:
    return reverse("assessment:export", kwargs={"cycle_id": team.cycle.pk}) + f"?format={fmt}"


def _entrance(client: Client, personas: Personas, scene: Scene, name: str) -> tuple[int, str]:
    """(status, what it reveals as text) of one entrance, read as its user."""
    team = scene.team
    if name.startswith("results_"):
        user = {
            "results_employee": personas.supervisor,
            "results_appraiser": personas.appraiser_superior,
            "results_bkpsdm": personas.hr_admin,
        }[name]
        status, _, body = _get(client, user, _results_url(team))
        html = body.decode()
        return status, _shown(html) + " " + html
    if name.startswith("export_"):
        _, fmt, who = name.split("_", 2)
        user = personas.hr_admin if who == "bkpsdm" else personas.agency_admin
        status, _, body = _get(client, user, _export_url(team, fmt))
        if status != 200:
            return status, ""
        return status, xlsx_text(body) if fmt == "xlsx" else body.decode("utf-8-sig")
    if name.startswith("api_"):
        url = "/api/v1/360/results/"
        if name == "api_detail":
            url += f"{team.cycle.pk}/"
        status, _, body = _get(client, personas.supervisor, url)
        return status, body.decode()
    user = personas.appraiser_superior if name == "evaluation_appraiser" else personas.supervisor
    status, _, body = _get(client, user, f"/penilaian/{scene.evaluation.pk}/")
    html = body.decode()
    return status, _shown(html) + " " + html


PAGES = ("results_employee", "results_appraiser", "results_bkpsdm")
EXPORTS = ("export_csv_bkpsdm", "export_xlsx_bkpsdm")  # only BKPSDM exports (Admin OPD: 404)
APIS = ("api_list", "api_detail")
EVALUATION = ("evaluation_appraiser", "evaluation_employee")
ENTRANCES = PAGES + EXPORTS + APIS + EVALUATION


@pytest.mark.parametrize("entrance", ENTRANCES)
def test_neither_of_two_peers_is_revealed_by_any_entrance(
    client: Client, personas: Personas, closed_scene: Scene, entrance: str
) -> None:
    status, text = _entrance(client, personas, closed_scene, entrance)
    assert status == 200, f"{entrance}: {status}"
    for secret in SECRETS:
        assert secret not in text, f"{entrance} reveals {secret!r}"
    for number in HIDDEN_NUMBERS:
        assert number not in text, f"{entrance} reveals the figure {number!r}"
    # The entrance did show results: the supervisor by name, peers suppressed.
    if entrance.startswith("api_"):
        data = json.loads(text)
        peers = json_figures(data, RelationChoice.PEER)
        assert peers, f"{entrance}: no peer figure at all"
        for figure in peers + json_figures(data, RelationChoice.SUBORDINATE):
            assert figure.get("shown") is False
            assert figure.get("count") is None
            assert figure.get("mean") is None
            assert not figure.get("comments")
            assert figure.get("text") == "kurang dari 3 penilai"
        assert any(f.get("shown") for f in json_figures(data, RelationChoice.SUPERVISOR))
    else:
        assert "kurang dari 3 penilai" in text, f"{entrance}: the suppressed group is not said"
        assert "4,00" in text, f"{entrance}: the supervisor's figure is not shown"


def test_the_django_admin_lists_no_assessment_model_and_has_no_answer_sheet_page(
    client: Client, closed_scene: Scene
) -> None:
    root = User.objects.create_superuser("akar360", "uji-kata-sandi-2026")
    client.force_login(root)
    index = client.get("/admin-django/")
    assert index.status_code == 200
    text = index.content.decode()
    assert "/admin-django/assessment/" not in text
    for label in ("lembar jawaban", "Lembar jawaban", "penilai 360", "Penilai 360"):
        assert label not in text
    sheet = AnswerSheet.objects.filter(cycle=closed_scene.team.cycle).first()
    assert sheet is not None
    for url in (
        "/admin-django/assessment/",
        "/admin-django/assessment/answersheet/",
        f"/admin-django/assessment/answersheet/{sheet.pk}/change/",
        "/admin-django/assessment/behaviorreview/",
        "/admin-django/assessment/reviewerlist/",
        "/admin-django/assessment/reviewcycle/",
    ):
        assert client.get(url).status_code == 404, url


def test_the_admin_registry_holds_no_assessment_model() -> None:
    from django.contrib import admin

    assert not [m for m in admin.site._registry if m._meta.app_label == "assessment"]


@pytest.mark.parametrize("entrance", ENTRANCES)
def test_while_the_round_is_open_no_entrance_shows_a_mean_a_count_or_a_comment(
    client: Client, personas: Personas, entrance: str
) -> None:
    scene = _scene(personas, peers=3, closed=False)
    status, text = _entrance(client, personas, scene, entrance)
    if entrance.startswith("export_"):
        assert status == 302, f"{entrance}: an open round is exported ({status})"
        return
    if entrance == "api_detail":
        assert status in {200, 404}
    else:
        assert status == 200, f"{entrance}: {status}"
    for secret in (*SECRETS, SUPERVISOR_NOTE):
        assert secret not in text, f"{entrance} reveals {secret!r} while open"
    if entrance.startswith("api_"):
        data = json.loads(text) if status == 200 else {}
        for relation in RelationChoice.values:
            for figure in json_figures(data, relation):
                assert figure.get("mean") is None
                assert figure.get("count") is None
                assert not figure.get("comments")
        return
    visible = page_text(text)
    assert "kurang dari" not in visible, f"{entrance}: a group is described while open"
    assert not re.search(r"\d+ penilai", visible), f"{entrance}: a count is shown while open"
    assert not re.search(r"\b[1-5],\d\d\b", visible), f"{entrance}: a mean is shown while open"
    if entrance.startswith("evaluation_"):
        assert ROUND_NAME not in visible, "the evaluation page shows an open round"


def test_after_closing_with_two_peers_the_group_is_suppressed_and_a_third_cannot_send(
    client: Client, personas: Personas
) -> None:
    from kinerja.assessment.services.answers import answers_save
    from kinerja.assessment.services.cycles import cycle_close

    scene = _scene(personas, peers=3, closed=False)
    team = scene.team
    cycle_close(actor=personas.hr_admin, cycle=team.cycle)
    team.cycle.refresh_from_db()
    _, before = _entrance(client, personas, scene, "results_employee")
    assert "kurang dari 3 penilai" in page_text(before)
    sent = AnswerSheet.objects.filter(cycle=team.cycle, submitted=True).count()

    third, third_user = team.peer_reviews[2], team.peer_users[2]
    with pytest.raises((ValidationError, PermissionDenied)):
        answers_save(
            actor=third_user, review=third, scores=full_scores(5), comments={}, submit=True
        )
    client.force_login(third_user)
    put = client.put(
        f"/api/v1/360/tasks/{third.pk}/",
        {"scores": full_scores(5), "comments": {}, "submit": True},
        content_type="application/json",
    )
    assert put.status_code in {400, 403, 404}, put.status_code

    assert AnswerSheet.objects.filter(cycle=team.cycle, submitted=True).count() == sent
    assert BehaviorReview.objects.get(pk=third.pk).submitted_on is None
    _, after = _entrance(client, personas, scene, "results_employee")
    assert page_text(after) == page_text(before)
    assert "kurang dari 3 penilai" in page_text(after)
