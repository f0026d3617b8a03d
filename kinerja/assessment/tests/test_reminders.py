"""360° reminders (reminders.py): a rater with unsent reviews in a round in Pengisian due
within DUE_SOON_DAYS days is reminded once a day per round, in a constant number of queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.assessment.models import BehaviorReview, CycleState, ReviewCycle
from kinerja.assessment.reminders import DUE_SOON_DAYS, review_due_reminders
from kinerja.assessment.testing import make_sheet, make_team_360
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.notifications.reminders import reminders_send
from kinerja.people.holdings import today
from kinerja.people.testing import Personas
from kinerja.scoring.formatting import format_date_id

pytestmark = pytest.mark.django_db


def _due_in(cycle: ReviewCycle, days: int) -> None:
    ReviewCycle.objects.filter(pk=cycle.pk).update(due_date=today() + timedelta(days=days))


def test_every_rater_with_an_unsent_review_is_reminded_once_per_round(
    personas: Personas,
) -> None:
    team = make_team_360(personas)
    _due_in(team.cycle, DUE_SOON_DAYS)
    make_sheet(team.peer_reviews[0])
    BehaviorReview.objects.filter(pk=team.peer_reviews[1].pk).update(withdrawn_on=today())
    day = today()

    reminders = list(review_due_reminders(day))

    unsent = [team.self_review, team.supervisor_review, team.peer_reviews[2],
              *team.subordinate_reviews]  # fmt: skip
    expected = {
        BehaviorReview.objects.select_related("rater").get(pk=r.pk).rater.user_id for r in unsent
    }
    assert {r.recipient_id for r in reminders} == expected
    assert all(r.kind == NotificationKind.REVIEW_DUE and r.url == "/360/" for r in reminders)
    keys = {r.key for r in reminders}
    assert f"review_due:{team.cycle.pk}:{team.peer_reviews[2].rater_id}:{day.isoformat()}" in keys
    due = format_date_id(today() + timedelta(days=DUE_SOON_DAYS))
    assert all(due in r.title and "1 umpan balik 360 belum Anda kirim" in r.text
               for r in reminders)  # fmt: skip


def test_the_due_day_says_hari_ini_and_nothing_before_the_window_or_after_the_due_date(
    personas: Personas,
) -> None:
    team = make_team_360(personas)
    _due_in(team.cycle, 0)
    assert all("hari ini" in r.title for r in review_due_reminders(today()))
    assert list(review_due_reminders(today() + timedelta(days=1))) == []
    _due_in(team.cycle, DUE_SOON_DAYS + 1)
    assert list(review_due_reminders(today())) == []


@pytest.mark.parametrize("state", [CycleState.DRAFT, CycleState.CLOSED])
def test_a_round_not_in_pengisian_reminds_nobody(personas: Personas, state: str) -> None:
    team = make_team_360(personas, state=state)
    _due_in(team.cycle, 1)
    assert list(review_due_reminders(today())) == []


def test_a_rater_with_several_unsent_reviews_in_a_round_gets_one_reminder_counting_them(
    personas: Personas,
) -> None:
    team = make_team_360(personas, peers=0)
    other = make_team_360(personas, peers=0)
    _due_in(team.cycle, 1)
    _due_in(other.cycle, 1)
    # A second list in the same round rated by the Kabid: the Kabid has two reviews there.
    agus_list = team.cycle.lists.create(
        employee=personas.staff.employee,
        agency=personas.agency,
        appraiser=personas.staff.supervisor,
    )
    BehaviorReview.objects.create(
        reviewer_list=agus_list, rater=personas.staff.kabid, relation="PEER"
    )

    kabid = [r for r in review_due_reminders(today())
             if r.recipient_id == personas.appraiser_superior.pk]  # fmt: skip

    assert len(kabid) == 2  # one per round
    [same_round] = [r for r in kabid if r.key.startswith(f"review_due:{team.cycle.pk}:")]
    assert "2 umpan balik 360 belum Anda kirim" in same_round.text


def test_the_provider_costs_one_query_at_any_size(personas: Personas) -> None:
    counts = []
    for teams in (1, 4):
        for _ in range(teams):
            _due_in(make_team_360(personas, peers=1).cycle, 1)
        with CaptureQueriesContext(connection) as queries:
            reminders = list(review_due_reminders(today()))
        counts.append(len(queries))
    assert len(reminders) > 5
    assert counts == [1, 1]


def test_sending_twice_a_day_writes_each_reminder_once(personas: Personas) -> None:
    team = make_team_360(personas)
    _due_in(team.cycle, 2)
    reminders_send(day=today())
    reminders_send(day=today())
    count = Notification.objects.filter(kind=NotificationKind.REVIEW_DUE).count()
    assert count == len(team.all_reviews)
    reminders_send(day=today() + timedelta(days=1))
    assert Notification.objects.filter(kind=NotificationKind.REVIEW_DUE).count() == 2 * count
