"""Adversarial: timestamps shown are dates only, and nothing stored links a sheet to a rater
or to a time.

Pages (/360/, the round page, the list page, the questionnaire, the results page) and the
tasks/results API show no time of day for reviews and answers; `AnswerSheet` has no date or
time field, no key to `BehaviorReview` or to a person other than the ratee, and a random
primary key; the audit events of a submission carry no score, no comment and no sheet id.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import reverse

from kinerja.accounts.models import User
from kinerja.assessment.models import AnswerSheet, BehaviorReview, ReviewCycle
from kinerja.assessment.testing import (
    Team360,
    close_cycle,
    full_scores,
    make_cycle,
    make_sheet,
    make_team_360,
)
from kinerja.audit.models import AuditEvent
from kinerja.core.testing import page_text
from kinerja.people.models import Employee
from kinerja.people.testing import Personas
from kinerja.planning.selectors import core_values

pytestmark = pytest.mark.django_db

MONTHS = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
DATE_THEN_TIME = re.compile(
    rf"(?:(?:{MONTHS}) \d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}),? "
    r"(?:pukul |jam )?\d{1,2}[.:]\d{2}"
)
ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
RELATIVE = re.compile(r"\b(?:detik|menit|jam) (?:yang )?lalu\b|\bpukul\b|\bWIB\b")


@dataclass
class Rounds:
    open_team: Team360
    closed_team: Team360


@pytest.fixture
def rounds(personas: Personas) -> Rounds:
    """Sri rated in an open round (everyone sent) and in a finished one (everyone sent)."""
    open_team = make_team_360(personas, peers=3)
    for review in open_team.all_reviews:
        make_sheet(review, comments={core_values()[0].code: "Contoh perilaku yang baik"})
    closed = make_cycle(agency=personas.agency, name="Putaran lalu")
    closed_team = make_team_360(personas, peers=3, cycle=closed)
    for review in closed_team.all_reviews:
        make_sheet(review)
    close_cycle(closed)
    return Rounds(open_team=open_team, closed_team=closed_team)


def _pages(personas: Personas, rounds: Rounds) -> Iterator[tuple[User, str]]:
    open_team, closed_team = rounds.open_team, rounds.closed_team
    peer = open_team.peer_users[0]
    ratee = open_team.ratee.pk
    for user in (peer, personas.supervisor, personas.appraiser_superior, personas.employee,
                 personas.hr_admin, personas.agency_admin):  # fmt: skip
        yield user, reverse("assessment:index")
    for team in (open_team, closed_team):
        cycle = team.cycle
        for user in (team.peer_users[0], personas.supervisor, personas.hr_admin,
                     personas.agency_admin):  # fmt: skip
            yield user, reverse("assessment:cycle_detail", kwargs={"cycle_id": cycle.pk})
        for user in (personas.supervisor, personas.appraiser_superior, personas.hr_admin):
            yield (
                user,
                reverse(
                    "assessment:list_detail", kwargs={"cycle_id": cycle.pk, "employee_id": ratee}
                ),
            )
    for team, user in ((open_team, peer), (closed_team, closed_team.peer_users[0])):
        yield user, reverse("assessment:answer", kwargs={"review_id": team.peer_reviews[0].pk})
    yield (
        personas.supervisor,
        reverse("assessment:answer", kwargs={"review_id": open_team.self_review.pk}),
    )
    for user in (personas.supervisor, personas.appraiser_superior, personas.hr_admin):
        yield (
            user,
            reverse(
                "assessment:results",
                kwargs={"cycle_id": closed_team.cycle.pk, "employee_id": ratee},
            ),
        )


def test_no_360_page_shows_a_time_of_day(
    client: Client, personas: Personas, rounds: Rounds
) -> None:
    for user, url in _pages(personas, rounds):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, f"{url} as {user}: {response.status_code}"
        html = response.content.decode()
        text = page_text(html)
        for pattern in (CLOCK, DATE_THEN_TIME, RELATIVE):
            found = pattern.search(text)
            assert found is None, f"{url} as {user} shows a time: {found.group(0)!r}"
        found = ISO_DATETIME.search(html)
        assert found is None, f"{url} as {user} carries a datetime: {found.group(0)!r}"


def _strings(data: object, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{path}.{key}")
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _strings(value, f"{path}[{n}]")
    elif isinstance(data, str):
        yield path, data


def _keys(data: object) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from _keys(value)
    elif isinstance(data, list):
        for value in data:
            yield from _keys(value)


def test_the_360_api_carries_dates_only(client: Client, personas: Personas, rounds: Rounds) -> None:
    open_team, closed_team = rounds.open_team, rounds.closed_team
    calls = [
        (open_team.peer_users[0], "/api/v1/360/tasks/"),
        (open_team.peer_users[0], f"/api/v1/360/tasks/{open_team.peer_reviews[0].pk}/"),
        (personas.supervisor, "/api/v1/360/tasks/"),
        (personas.supervisor, "/api/v1/360/results/"),
        (personas.supervisor, f"/api/v1/360/results/{closed_team.cycle.pk}/"),
    ]
    for user, url in calls:
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        data = response.json()
        for path, value in _strings(data):
            assert not ISO_DATETIME.search(value), f"{url}{path} is a datetime: {value!r}"
            assert not CLOCK.search(value), f"{url}{path} holds a time: {value!r}"
        for key in _keys(data):
            lowered = key.lower()
            assert not lowered.endswith("_at"), f"{url} has the field {key!r}"
            assert "time" not in lowered, f"{url}: {key!r}"
            assert "waktu" not in lowered, f"{url}: {key!r}"


def test_an_answer_sheet_has_no_time_no_rater_and_a_random_key() -> None:
    fields = AnswerSheet._meta.get_fields()
    for field in fields:
        assert not isinstance(field, models.DateField | models.DateTimeField | models.TimeField), (
            f"AnswerSheet.{field.name} is a date or time"
        )
    relations = {f.name: f.related_model for f in fields if f.is_relation}
    assert relations == {"cycle": ReviewCycle, "ratee": Employee}, relations
    assert isinstance(AnswerSheet._meta.pk, models.UUIDField)
    assert not any(base.__name__ == "TimeStampedModel" for base in AnswerSheet.__mro__)
    assert AnswerSheet._meta.ordering in ([], ())


def test_no_model_anywhere_points_at_an_answer_sheet_or_reads_it_from_a_review() -> None:
    pointing = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation and field.related_model is AnswerSheet and model is not AnswerSheet
        and not field.auto_created
    ]  # fmt: skip
    assert pointing == []
    review_fields = {f.name for f in BehaviorReview._meta.get_fields()}
    assert not {"sheet", "answer_sheet", "answersheet", "sheet_key", "key"} & review_fields


def test_the_audit_events_of_a_submission_carry_no_score_no_comment_and_no_sheet(
    personas: Personas,
) -> None:
    from kinerja.assessment.services.answers import answers_save

    team = make_team_360(personas, peers=3)
    review, user = team.peer_reviews[0], team.peer_users[0]
    first_pk = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    value = core_values()[0].code
    answers_save(
        actor=user, review=review, scores=full_scores(2), comments={value: "Rahasia audit satu"},
        submit=True,
    )  # fmt: skip
    answers_save(
        actor=user, review=review, scores={f"{value}.1": 5}, comments={value: "Rahasia audit dua"},
        submit=True,
    )  # fmt: skip
    sheet = AnswerSheet.objects.get(cycle=team.cycle, relation="PEER", submitted=True)
    events = list(AuditEvent.objects.filter(pk__gt=first_pk))
    assert {e.action for e in events} >= {"behavior_review.submitted", "behavior_review.revised"}
    for event in events:
        dumped = json.dumps(
            [event.object_type, event.object_id, event.object_label, event.before, event.after],
            default=str,
        )
        for secret in ("Rahasia audit", str(sheet.pk), sheet.key, "scores", "comments", "skor"):
            assert secret not in dumped, f"{event.action} carries {secret!r}"
        assert event.object_type != AnswerSheet._meta.label
