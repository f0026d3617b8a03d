"""Adversarial: comments of a suppressed group are withheld on every entrance.

Three peers (a shown group) and two subordinates (suppressed) each write a comment on every
core value; one peer also comments on a value they could not rate. The shown peers' comments
appear (so the entrance does show comments), the subordinates' and the unrated one never do:
not on the results page, the export (CSV and XLSX), the API or the evaluation page.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.assessment.testing import (
    Team360,
    close_cycle,
    make_cycle,
    make_sheet,
    make_team_360_sized,
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

SHOWN = "Selalu menyiapkan data rapat tepat waktu"
WITHHELD = ("Komentar bawahan tertahan", "Komentar tanpa skor")


@pytest.fixture
def scene(personas: Personas) -> tuple[Team360, Evaluation]:
    plan = make_running_plan(employee=personas.staff.supervisor)
    window = window_on(plan)
    cycle = make_cycle(agency=personas.agency, window=window, name="Putaran Komentar")
    team = make_team_360_sized(personas, peers=3, subordinates=2, cycle=cycle)
    values = [v.code for v in core_values()]
    first, *rest = team.peer_reviews
    make_sheet(
        first,
        scores=pattern_scores((4, 4, 4), **{values[1]: (None, None, None)}),
        comments={values[0]: SHOWN, values[1]: "Komentar tanpa skor"},
    )
    for review in rest:
        make_sheet(review, scores=pattern_scores((3, 4, 4)))
    for review in team.subordinate_reviews:
        make_sheet(review, comments=dict.fromkeys(values, "Komentar bawahan tertahan"))
    make_sheet(team.supervisor_review)
    close_cycle(cycle)
    return team, make_evaluation(plan=plan, window=window)


def _body(response: object) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)  # type: ignore[attr-defined]
    return response.content  # type: ignore[attr-defined,no-any-return]


@pytest.mark.parametrize(
    "entrance",
    ["results", "export_csv", "export_xlsx", "api_list", "api_detail",
     "evaluation_appraiser", "evaluation_employee"],
)  # fmt: skip
def test_comments_of_a_suppressed_group_are_withheld(
    client: Client, personas: Personas, scene: tuple[Team360, Evaluation], entrance: str
) -> None:
    team, evaluation = scene
    cycle = team.cycle.pk
    if entrance == "results":
        user, url = (
            personas.supervisor,
            reverse("assessment:results", kwargs={"cycle_id": cycle, "employee_id": team.ratee.pk}),
        )
    elif entrance.startswith("export_"):
        fmt = entrance.split("_")[1]
        user = personas.hr_admin
        url = reverse("assessment:export", kwargs={"cycle_id": cycle}) + f"?format={fmt}"
    elif entrance.startswith("api_"):
        user = personas.supervisor
        url = "/api/v1/360/results/" + (f"{cycle}/" if entrance == "api_detail" else "")
    else:
        user = (
            personas.appraiser_superior if entrance.endswith("appraiser") else personas.supervisor
        )
        url = f"/penilaian/{evaluation.pk}/"
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, f"{entrance}: {response.status_code}"
    body = _body(response)
    text = xlsx_text(body) if entrance == "export_xlsx" else body.decode("utf-8-sig")
    if entrance in {"results", "evaluation_appraiser", "evaluation_employee"}:
        text = page_text(text) + " " + text
    assert SHOWN in text, f"{entrance} shows no comment at all"
    for secret in WITHHELD:
        assert secret not in text, f"{entrance} reveals {secret!r}"
