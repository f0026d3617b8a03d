"""answers_save (services/answers.py): drafts merge, sending needs every behaviour, a sent sheet
stays sent and complete, the sheet never points at its rater, refusals in Indonesian naming
the code, and audit events without scores or comments."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.accounts.models import User
from kinerja.assessment.keys import sheet_key
from kinerja.assessment.models import AnswerSheet, BehaviorReview, CycleState, ReviewCycle
from kinerja.assessment.questionnaire import COMMENT_MAX
from kinerja.assessment.services.answers import NOT_RATER, WITHDRAWN, answers_save
from kinerja.assessment.testing import Team360, full_scores, make_team_360
from kinerja.audit.models import AuditEvent
from kinerja.people.holdings import today
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def _peer(team: Team360) -> tuple[BehaviorReview, User]:
    return team.peer_reviews[0], team.peer_users[0]


def _messages(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict


def test_a_draft_is_saved_on_a_sheet_found_by_the_key_and_not_audited(
    personas: Personas,
) -> None:
    team = make_team_360(personas)
    review, user = _peer(team)

    sheet = answers_save(
        actor=user, review=review, scores={"AKUNTABEL.1": 4, "AKUNTABEL.2": None},
        comments={"AKUNTABEL": "  Tepat waktu.  "}, submit=False,
    )  # fmt: skip

    stored = AnswerSheet.objects.get(pk=sheet.pk)
    assert stored.key == sheet_key(review.pk)
    assert (stored.cycle_id, stored.ratee_id, stored.relation) == (
        team.cycle.pk, team.ratee.pk, "PEER",
    )  # fmt: skip
    assert stored.scores == {"AKUNTABEL.1": 4, "AKUNTABEL.2": None}
    assert stored.comments == {"AKUNTABEL": "Tepat waktu."}
    assert not stored.submitted
    review.refresh_from_db()
    assert review.submitted_on is None
    assert not AuditEvent.objects.filter(action__startswith="behavior_review.").exists()


def test_the_sheet_has_no_field_that_leads_to_the_rater() -> None:
    names = {f.name for f in AnswerSheet._meta.get_fields()}
    assert names == {"id", "cycle", "ratee", "relation", "key", "submitted", "scores", "comments"}


def test_posted_keys_replace_saved_ones_and_the_others_stay(personas: Personas) -> None:
    team = make_team_360(personas)
    review, user = _peer(team)
    answers_save(
        actor=user, review=review, scores={"AKUNTABEL.1": 2, "AKUNTABEL.2": 3},
        comments={"AKUNTABEL": "Satu", "LOYAL": "Dua"}, submit=False,
    )  # fmt: skip

    sheet = answers_save(
        actor=user, review=review, scores={"AKUNTABEL.1": 5},
        comments={"LOYAL": ""}, submit=False,
    )  # fmt: skip

    assert sheet.scores == {"AKUNTABEL.1": 5, "AKUNTABEL.2": 3}
    assert sheet.comments == {"AKUNTABEL": "Satu"}
    assert AnswerSheet.objects.count() == 1


def test_sending_makes_the_sheet_submitted_the_review_dated_and_audits_without_answers(
    personas: Personas,
) -> None:
    team = make_team_360(personas)
    review, user = _peer(team)

    sheet = answers_save(
        actor=user, review=review, scores=full_scores(5),
        comments={"AKUNTABEL": "Komentar rahasia"}, submit=True,
    )  # fmt: skip

    assert sheet.submitted
    review.refresh_from_db()
    assert review.submitted_on == today()
    [event] = AuditEvent.objects.filter(action="behavior_review.submitted")
    assert event.object_id == str(review.pk)
    assert event.after == {"submitted_on": today().isoformat()}
    content = f"{event.before} {event.after} {event.object_label}"
    assert "rahasia" not in content
    assert str(sheet.pk) not in content


def test_editing_after_sending_stays_sent_is_audited_as_revised_and_keeps_the_date(
    personas: Personas,
) -> None:
    team = make_team_360(personas)
    review, user = _peer(team)
    answers_save(actor=user, review=review, scores=full_scores(4), comments={}, submit=True)
    sent_on = BehaviorReview.objects.get(pk=review.pk).submitted_on

    sheet = answers_save(
        actor=user, review=review, scores={"LOYAL.1": 2}, comments={}, submit=False
    )

    assert sheet.submitted
    assert sheet.scores["LOYAL.1"] == 2
    assert BehaviorReview.objects.get(pk=review.pk).submitted_on == sent_on
    [event] = AuditEvent.objects.filter(action="behavior_review.revised")
    assert event.after == {"submitted_on": today().isoformat()}


def test_saving_the_same_answers_again_writes_no_revision(personas: Personas) -> None:
    team = make_team_360(personas)
    review, user = _peer(team)
    answers_save(actor=user, review=review, scores=full_scores(4), comments={}, submit=True)

    answers_save(actor=user, review=review, scores={"LOYAL.1": 4}, comments={}, submit=True)

    assert not AuditEvent.objects.filter(action="behavior_review.revised").exists()
    assert AuditEvent.objects.filter(action="behavior_review.submitted").count() == 1


def test_sending_incomplete_is_refused_naming_the_missing_and_the_draft_is_kept(
    personas: Personas,
) -> None:
    team = make_team_360(personas)
    review, user = _peer(team)
    answers_save(actor=user, review=review, scores={"AKUNTABEL.1": 3}, comments={}, submit=False)

    with pytest.raises(ValidationError) as caught:
        answers_save(actor=user, review=review, scores={"AKUNTABEL.2": 4}, comments={}, submit=True)

    [message] = _messages(caught.value)["scores"]
    assert "19 perilaku belum dijawab" in message
    sheet = AnswerSheet.objects.get(key=sheet_key(review.pk))
    assert (sheet.scores, sheet.submitted) == ({"AKUNTABEL.1": 3}, False)
    assert BehaviorReview.objects.get(pk=review.pk).submitted_on is None


@pytest.mark.parametrize("score", [0, 6, "5", True, 2.5])
def test_a_score_outside_1_to_5_is_refused_naming_the_code_and_the_value(
    personas: Personas, score: object
) -> None:
    team = make_team_360(personas)
    review, user = _peer(team)

    with pytest.raises(ValidationError) as caught:
        answers_save(
            actor=user, review=review, scores={"HARMONIS.1": score},  # type: ignore[dict-item]
            comments={}, submit=False,
        )  # fmt: skip

    assert _messages(caught.value) == {
        "HARMONIS.1": [
            f"Skor “{score}” tidak sah; isi bilangan bulat 1-5 atau pilih “Tidak dapat menilai”."
        ]
    }
    assert not AnswerSheet.objects.exists()


def test_unknown_codes_and_long_comments_are_refused(personas: Personas) -> None:
    team = make_team_360(personas)
    review, user = _peer(team)

    with pytest.raises(ValidationError) as caught:
        answers_save(
            actor=user, review=review, scores={"RAMAH.9": 3},
            comments={"SOPAN": "x", "AKUNTABEL": "a" * (COMMENT_MAX + 1)}, submit=False,
        )  # fmt: skip

    errors = _messages(caught.value)
    assert errors["scores"] == [
        "Perilaku “RAMAH.9” tidak dikenal; pakai kode seperti AKUNTABEL.1 sampai KOLABORATIF.3."
    ]
    assert errors["comments"][0].startswith("Nilai dasar “SOPAN” tidak dikenal")
    assert errors["comment_AKUNTABEL"] == [
        f"Komentar terlalu panjang ({COMMENT_MAX + 1} karakter); paling banyak "
        f"{COMMENT_MAX} karakter."
    ]


@pytest.mark.parametrize("name", ["hr_admin", "supervisor", "appraiser_superior", "employee"])
def test_nobody_but_the_rater_may_write_the_answers(personas: Personas, name: str) -> None:
    team = make_team_360(personas)
    review, _ = _peer(team)

    with pytest.raises(PermissionDenied, match=NOT_RATER):
        answers_save(
            actor=personas.all()[name], review=review, scores={}, comments={}, submit=False
        )
    assert not AnswerSheet.objects.exists()


def test_the_system_may_write_answers_for_the_demo(personas: Personas) -> None:
    team = make_team_360(personas)
    review, _ = _peer(team)

    sheet = answers_save(actor=None, review=review, scores=full_scores(3), comments={}, submit=True)

    assert sheet.submitted
    assert AuditEvent.objects.get(action="behavior_review.submitted").actor_label == "Sistem"


def test_a_withdrawn_rater_may_not_answer(personas: Personas) -> None:
    team = make_team_360(personas)
    review, user = _peer(team)
    BehaviorReview.objects.filter(pk=review.pk).update(withdrawn_on=today())

    with pytest.raises(ValidationError) as caught:
        answers_save(actor=user, review=review, scores={}, comments={}, submit=False)

    assert _messages(caught.value) == {"review": [WITHDRAWN]}


@pytest.mark.parametrize(
    ("state", "due_in_days", "expected"),
    [
        (CycleState.DRAFT, 5, "belum dibuka"),
        (CycleState.CLOSED, 5, "sudah selesai"),
        (CycleState.OPEN, -1, "sudah lewat"),
    ],
)
def test_after_the_due_date_or_outside_pengisian_nothing_changes(
    personas: Personas, state: str, due_in_days: int, expected: str
) -> None:
    team = make_team_360(personas)
    review, user = _peer(team)
    answers_save(actor=user, review=review, scores=full_scores(4), comments={}, submit=True)
    ReviewCycle.objects.filter(pk=team.cycle.pk).update(
        state=state, due_date=today() + timedelta(days=due_in_days)
    )

    with pytest.raises(ValidationError) as caught:
        answers_save(actor=user, review=review, scores={"LOYAL.1": 1}, comments={}, submit=True)

    [message] = _messages(caught.value)["state"]
    assert expected in message
    assert AnswerSheet.objects.get(key=sheet_key(review.pk)).scores["LOYAL.1"] == 4


def test_the_due_day_itself_still_takes_answers(personas: Personas) -> None:
    team = make_team_360(personas)
    review, user = _peer(team)
    ReviewCycle.objects.filter(pk=team.cycle.pk).update(due_date=today())

    sheet = answers_save(actor=user, review=review, scores=full_scores(), comments={}, submit=True)

    assert sheet.submitted


def test_each_rater_gets_their_own_sheet(personas: Personas) -> None:
    team = make_team_360(personas)
    for review, user in zip(team.peer_reviews, team.peer_users, strict=True):
        answers_save(actor=user, review=review, scores=full_scores(), comments={}, submit=True)

    assert AnswerSheet.objects.filter(cycle=team.cycle, submitted=True).count() == 3
    assert set(AnswerSheet.objects.values_list("key", flat=True)) == {
        sheet_key(r.pk) for r in team.peer_reviews
    }
