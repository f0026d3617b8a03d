"""Who rates whom (services/roster.py): the roster sync with joiners and leavers, the job,
nomination, approval, adding and withdrawing a rater; refusals and audit events."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from kinerja.assessment.models import (
    AnswerSheet,
    BehaviorReview,
    CycleState,
    RelationChoice,
    ReviewerList,
)
from kinerja.assessment.services.lists import (
    behavior_review_add,
    behavior_review_withdraw,
    reviewer_list_approve,
    reviewer_nominate,
)
from kinerja.assessment.services.roster import cycle_roster_sync, cycle_roster_sync_start
from kinerja.assessment.testing import make_cycle, make_sheet, make_team_360
from kinerja.audit.models import AuditEvent
from kinerja.core.models import Job
from kinerja.core.testing import IMMEDIATE_TASKS
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.people.holdings import today
from kinerja.people.models import Employee
from kinerja.people.testing import Personas, assign, make_employee, make_position

pytestmark = pytest.mark.django_db


def _staff(personas: Personas, count: int, *, user: bool = False) -> list[Employee]:
    """`count` pelaksana of the unit under the Kepala Seksi (the supervisor persona)."""
    staff = personas.staff
    people = []
    for n in range(count):
        person = make_employee(name=f"Staf Uji {n:02d}")
        post = make_position(agency=personas.agency, name=f"Pelaksana Uji {n}",
                             supervisor=staff.kasi_post, unit=staff.unit)  # fmt: skip
        assign(person, post)
        people.append(person)
    return people


def _relations(reviewer_list: ReviewerList) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for rater, relation in reviewer_list.reviews.filter(withdrawn_on__isnull=True).values_list(
        "rater_id", "relation"
    ):
        found.setdefault(relation, []).append(rater)
    return found


# --- the roster -------------------------------------------------------------------------------


def test_the_sync_proposes_a_list_for_every_holder_and_is_idempotent(personas: Personas) -> None:
    staff = personas.staff
    peers = _staff(personas, 3)
    cycle = make_cycle(agency=personas.agency, state=CycleState.DRAFT)
    report = cycle_roster_sync(actor=personas.hr_admin, cycle=cycle)
    assert report.lists_created == 4 + 3
    mine = ReviewerList.objects.get(cycle=cycle, employee=staff.employee)
    assert mine.appraiser == staff.supervisor
    assert mine.unit == staff.unit
    assert mine.state == ReviewerList.State.PROPOSED
    relations = _relations(mine)
    assert relations["SELF"] == [staff.employee.pk]
    assert relations["SUPERVISOR"] == [staff.supervisor.pk]
    assert sorted(relations["PEER"]) == sorted(p.pk for p in peers)
    kasi = _relations(ReviewerList.objects.get(cycle=cycle, employee=staff.supervisor))
    assert sorted(kasi["SUBORDINATE"]) == sorted([staff.employee.pk, *(p.pk for p in peers)])
    head = ReviewerList.objects.get(cycle=cycle, employee=staff.head)
    assert head.appraiser is None
    assert "SUPERVISOR" not in _relations(head)
    assert not BehaviorReview.objects.exclude(source=BehaviorReview.Source.PROPOSED).exists()
    note = Notification.objects.get(
        recipient=personas.employee, kind=NotificationKind.REVIEW_LIST_PREPARED
    )
    assert note.title == "Nominasikan rekan penilai"
    assert note.url == f"/360/{cycle.pk}/daftar/{staff.employee.pk}/"
    event = AuditEvent.objects.get(action="review_cycle.synced")
    assert event.after is not None
    assert event.after["lists_created"] == 7
    again = cycle_roster_sync(actor=None, cycle=cycle)
    assert again.as_dict() == {
        "lists_created": 0, "reviews_created": 0, "reviews_withdrawn": 0, "lists_left": 0
    }  # fmt: skip
    assert ReviewerList.objects.filter(cycle=cycle).count() == 7
    # another agency's people are not in this round
    assert not ReviewerList.objects.filter(employee=staff.other_head).exists()


def test_a_city_round_spreads_across_agencies_in_a_few_queries(
    personas: Personas, django_assert_max_num_queries: object
) -> None:
    cycle = make_cycle(state=CycleState.DRAFT)
    _staff(personas, 20)
    with django_assert_max_num_queries(30):  # type: ignore[operator]
        cycle_roster_sync(actor=None, cycle=cycle)
    assert ReviewerList.objects.filter(cycle=cycle).count() == 25
    assert ReviewerList.objects.get(employee=personas.staff.other_head).agency == (
        personas.other_agency
    )


def test_a_new_employee_assigned_mid_round_gets_a_list_of_joined_reviews(
    personas: Personas,
) -> None:
    cycle = make_cycle(agency=personas.agency, state=CycleState.OPEN)
    cycle_roster_sync(actor=None, cycle=cycle)
    (newcomer,) = _staff(personas, 1)
    report = cycle_roster_sync(actor=None, cycle=cycle)
    assert report.lists_created == 1
    made = ReviewerList.objects.get(cycle=cycle, employee=newcomer)
    assert set(made.reviews.values_list("source", flat=True)) == {BehaviorReview.Source.JOINED}
    assert Notification.objects.filter(
        recipient=personas.supervisor, kind=NotificationKind.REVIEW_REQUESTED
    ).exists()


def test_a_leaving_rater_is_withdrawn_with_their_draft_unless_they_had_sent(
    personas: Personas,
) -> None:
    peers = _staff(personas, 2)
    cycle = make_cycle(agency=personas.agency, state=CycleState.OPEN)
    cycle_roster_sync(actor=None, cycle=cycle)
    employee_list = ReviewerList.objects.get(cycle=cycle, employee=personas.staff.employee)
    unsent = employee_list.reviews.get(rater=peers[0])
    sent = employee_list.reviews.get(rater=peers[1])
    make_sheet(unsent, submitted=False)
    make_sheet(sent)
    for person in peers:
        person.assignments.update(end_date=today() - timedelta(days=1))
    report = cycle_roster_sync(actor=None, cycle=cycle)
    unsent.refresh_from_db()
    sent.refresh_from_db()
    assert unsent.withdrawn_on == today()
    assert sent.withdrawn_on is None
    assert AnswerSheet.objects.filter(submitted=False).count() == 0
    assert AnswerSheet.objects.filter(submitted=True).count() == 1
    # the rated employees who left keep their lists, marked
    assert report.lists_left == 2
    assert set(
        ReviewerList.objects.filter(cycle=cycle, left_on=today()).values_list("employee", flat=True)
    ) == {p.pk for p in peers}


def test_the_sync_is_refused_to_others_and_after_the_round(personas: Personas) -> None:
    agency_round = make_cycle(agency=personas.agency, state=CycleState.DRAFT)
    city_round = make_cycle(agency=personas.other_agency, state=CycleState.DRAFT)
    cycle_roster_sync(actor=personas.agency_admin, cycle=agency_round)
    for actor, cycle in [(personas.other_admin, agency_round), (personas.agency_admin, city_round),
                         (personas.supervisor, agency_round)]:  # fmt: skip
        with pytest.raises(PermissionDenied):
            cycle_roster_sync(actor=actor, cycle=cycle)
    closed = make_cycle(agency=personas.agency, state=CycleState.CLOSED, name="Lama")
    with pytest.raises(ValidationError, match="sudah selesai"):
        cycle_roster_sync(actor=personas.hr_admin, cycle=closed)


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_sync_runs_as_a_job(personas: Personas) -> None:
    cycle = make_cycle(agency=personas.agency, state=CycleState.DRAFT)
    job = cycle_roster_sync_start(actor=personas.agency_admin, cycle=cycle)
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert job.result["lists_created"] == 4
    assert "4 daftar penilai baru" in job.message
    with pytest.raises(PermissionDenied):
        cycle_roster_sync_start(actor=personas.other_admin, cycle=cycle)


# --- nomination and approval ------------------------------------------------------------------


def _draft_list(personas: Personas, peers: int = 4) -> tuple[ReviewerList, list[Employee]]:
    people = _staff(personas, peers)
    cycle = make_cycle(agency=personas.agency, state=CycleState.DRAFT)
    cycle_roster_sync(actor=None, cycle=cycle)
    return ReviewerList.objects.get(cycle=cycle, employee=personas.staff.employee), people


def test_the_employee_nominates_peers_and_the_appraiser_is_told(personas: Personas) -> None:
    reviewer_list, people = _draft_list(personas)
    chosen = [people[3].pk, people[2].pk]
    reviewer_nominate(actor=personas.employee, reviewer_list=reviewer_list, peer_ids=chosen)
    reviewer_list.refresh_from_db()
    assert reviewer_list.state == ReviewerList.State.NOMINATED
    assert sorted(_relations(reviewer_list)["PEER"]) == sorted(chosen)
    assert (
        Notification.objects.get(
            recipient=personas.supervisor, kind=NotificationKind.REVIEW_LIST_NOMINATED
        ).url
        == f"/360/{reviewer_list.cycle_id}/daftar/{personas.staff.employee.pk}/"
    )
    event = AuditEvent.objects.get(action="reviewer_list.nominated")
    assert event.after is not None
    assert event.before is not None
    assert event.after["peers"] == sorted(chosen)
    assert len(event.before["peers"]) == 4  # the whole unit of four, at most five


def test_a_nomination_refuses_self_the_supervisor_outsiders_and_too_many(
    personas: Personas,
) -> None:
    reviewer_list, people = _draft_list(personas, peers=6)
    staff = personas.staff
    cases = {
        staff.employee.pk: "pegawai yang dinilai",
        staff.supervisor.pk: "atasan",
        staff.other_head.pk: "tidak memegang jabatan di Dinas Kependudukan",
    }
    for pk, words in cases.items():
        with pytest.raises(ValidationError) as refused:
            reviewer_nominate(actor=personas.employee, reviewer_list=reviewer_list, peer_ids=[pk])
        assert words in refused.value.message_dict["peers"][0]
    with pytest.raises(ValidationError, match="paling banyak 5"):
        reviewer_nominate(
            actor=personas.employee, reviewer_list=reviewer_list, peer_ids=[p.pk for p in people]
        )
    with pytest.raises(PermissionDenied):
        reviewer_nominate(actor=personas.supervisor, reviewer_list=reviewer_list, peer_ids=[])
    assert not AuditEvent.objects.filter(action="reviewer_list.nominated").exists()


def test_no_nomination_after_approval_or_opening(personas: Personas) -> None:
    reviewer_list, people = _draft_list(personas)
    reviewer_list_approve(actor=personas.supervisor, reviewer_list=reviewer_list)
    with pytest.raises(ValidationError, match="sudah disetujui"):
        reviewer_nominate(
            actor=personas.employee, reviewer_list=reviewer_list, peer_ids=[people[0].pk]
        )
    team = make_team_360(personas, cycle=make_cycle(agency=personas.other_agency))
    team.reviewer_list.state = ReviewerList.State.PROPOSED
    team.reviewer_list.save()
    with pytest.raises(ValidationError, match="Penyusunan"):
        reviewer_nominate(actor=personas.supervisor, reviewer_list=team.reviewer_list, peer_ids=[])


def test_the_appraiser_approves_as_is_or_changes_peers_with_a_reason(personas: Personas) -> None:
    reviewer_list, people = _draft_list(personas)
    before = sorted(_relations(reviewer_list)["PEER"])
    reviewer_list_approve(actor=personas.supervisor, reviewer_list=reviewer_list)
    reviewer_list.refresh_from_db()
    assert reviewer_list.state == ReviewerList.State.APPROVED
    assert reviewer_list.approved_by == personas.supervisor
    with pytest.raises(ValidationError) as refused:
        reviewer_list_approve(
            actor=personas.supervisor, reviewer_list=reviewer_list, peer_ids=[people[3].pk]
        )
    assert "reason" in refused.value.message_dict
    reviewer_list_approve(
        actor=personas.agency_admin, reviewer_list=reviewer_list, peer_ids=[people[3].pk],
        reason="Rekan satu tim kerja",
    )  # fmt: skip
    assert _relations(reviewer_list)["PEER"] == [people[3].pk]
    # in Penyusunan a removed peer simply leaves the list (nobody has answered yet)
    assert not BehaviorReview.objects.filter(rater=people[0], reviewer_list=reviewer_list).exists()
    event = AuditEvent.objects.filter(action="reviewer_list.approved").latest("pk")
    assert event.before is not None
    assert event.before["peers"] == before
    assert event.after == {"peers": [people[3].pk], "reason": "Rekan satu tim kerja",
                           "state": "APPROVED"}  # fmt: skip


def test_approval_is_refused_to_others_and_after_the_round(personas: Personas) -> None:
    reviewer_list, _ = _draft_list(personas)
    for name in ("employee", "other_admin", "appraiser_superior", "outsider"):
        with pytest.raises(PermissionDenied):
            reviewer_list_approve(actor=personas.all()[name], reviewer_list=reviewer_list)
    closed = make_team_360(personas, cycle=make_cycle(agency=personas.other_agency,
                                                      state=CycleState.CLOSED))  # fmt: skip
    with pytest.raises(ValidationError, match="sudah selesai"):
        reviewer_list_approve(actor=personas.hr_admin, reviewer_list=closed.reviewer_list)


def test_changing_peers_while_open_withdraws_and_deletes_answers_and_tells_the_new(
    personas: Personas,
) -> None:
    team = make_team_360(personas, peers=3)
    make_sheet(team.peer_reviews[0])
    newcomer = _staff(personas, 1)[0]
    newcomer.user = personas.outsider
    newcomer.save()
    keep = [r.rater_id for r in team.peer_reviews[1:]]
    reviewer_list_approve(
        actor=personas.appraiser_superior, reviewer_list=team.reviewer_list,
        peer_ids=[*keep, newcomer.pk], reason="Pindah tim",
    )  # fmt: skip
    team.peer_reviews[0].refresh_from_db()
    assert team.peer_reviews[0].withdrawn_on == today()
    assert not AnswerSheet.objects.exists()
    assert Notification.objects.filter(
        recipient=personas.outsider, kind=NotificationKind.REVIEW_REQUESTED
    ).exists()


# --- one rater --------------------------------------------------------------------------------


def test_adding_a_rater_while_open_tells_them_and_a_duplicate_is_refused(
    personas: Personas,
) -> None:
    team = make_team_360(personas, peers=2)
    newcomer = _staff(personas, 1)[0]
    newcomer.user = personas.outsider
    newcomer.save()
    review = behavior_review_add(
        actor=personas.appraiser_superior, reviewer_list=team.reviewer_list,
        rater_id=newcomer.pk, relation=RelationChoice.PEER,
    )  # fmt: skip
    assert review.source == BehaviorReview.Source.APPRAISER
    assert Notification.objects.filter(recipient=personas.outsider).count() == 1
    added = AuditEvent.objects.get(action="behavior_review.added").after
    assert added is not None
    assert added["rater"] == newcomer.pk
    with pytest.raises(ValidationError, match="sudah ada di daftar"):
        behavior_review_add(
            actor=personas.hr_admin, reviewer_list=team.reviewer_list, rater_id=newcomer.pk,
            relation=RelationChoice.PEER,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="tidak dikenal"):
        behavior_review_add(
            actor=personas.hr_admin, reviewer_list=team.reviewer_list, rater_id=newcomer.pk,
            relation="TEMAN",
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        behavior_review_add(
            actor=personas.employee, reviewer_list=team.reviewer_list, rater_id=newcomer.pk,
            relation=RelationChoice.PEER,
        )  # fmt: skip


def test_a_withdrawn_rater_can_be_added_back(personas: Personas) -> None:
    team = make_team_360(personas, peers=3)
    review = team.peer_reviews[0]
    behavior_review_withdraw(actor=personas.hr_admin, review=review, reason="Cuti panjang")
    again = behavior_review_add(
        actor=personas.hr_admin, reviewer_list=team.reviewer_list, rater_id=review.rater_id,
        relation=RelationChoice.PEER,
    )  # fmt: skip
    assert again.pk == review.pk
    assert again.withdrawn_on is None


def test_withdrawing_needs_a_reason_deletes_the_sheet_and_is_audited(personas: Personas) -> None:
    team = make_team_360(personas, peers=3)
    review = team.peer_reviews[0]
    make_sheet(review)
    with pytest.raises(ValidationError) as refused:
        behavior_review_withdraw(actor=personas.hr_admin, review=review, reason=" ")
    assert "reason" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        behavior_review_withdraw(actor=personas.employee, review=review, reason="x")
    behavior_review_withdraw(actor=personas.appraiser_superior, review=review, reason="Mutasi")
    review.refresh_from_db()
    assert (review.withdrawn_on, review.withdrawn_reason) == (today(), "Mutasi")
    assert review.submitted_on is None
    assert not AnswerSheet.objects.exists()
    event = AuditEvent.objects.get(action="behavior_review.withdrawn")
    assert event.after is not None
    assert event.after["reason"] == "Mutasi"
    with pytest.raises(ValidationError, match="sudah ditarik"):
        behavior_review_withdraw(actor=personas.hr_admin, review=review, reason="lagi")


def test_no_withdrawal_once_the_round_is_closed(personas: Personas) -> None:
    team = make_team_360(personas, state=CycleState.CLOSED)
    make_sheet(team.peer_reviews[0])
    with pytest.raises(ValidationError, match="sudah selesai"):
        behavior_review_withdraw(actor=personas.hr_admin, review=team.peer_reviews[0], reason="x")
    assert AnswerSheet.objects.count() == 1
