"""The perception survey's services: opening and closing a round (Admin BKPSDM), answering it
(an employee, once, anonymously) with every refusal and its audit event."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.audit.models import AuditEvent
from kinerja.engagement.models import (
    PerceptionAnswer,
    PerceptionParticipation,
    PerceptionResponse,
    PerceptionRound,
    RoundState,
)
from kinerja.engagement.perception_items import ITEM_CODES
from kinerja.engagement.services.perception import (
    perception_response_submit,
    perception_round_close,
    perception_round_open,
)
from kinerja.engagement.testing import make_perception_round
from kinerja.people.testing import Personas
from kinerja.periods.testing import make_period

pytestmark = pytest.mark.django_db

ANSWERS = dict.fromkeys(ITEM_CODES, 4)


def test_bkpsdm_opens_a_round_for_a_period_audited(personas: Personas) -> None:
    period = make_period(is_trial=True)
    day = timezone.localdate()
    created = perception_round_open(
        actor=personas.hr_admin,
        period=period,
        title="Survei 2026",
        opens_on=day,
        closes_on=day + timedelta(days=14),
    )
    assert created.state == RoundState.OPEN
    event = AuditEvent.objects.get(action="perception_round.opened")
    assert event.object_id == str(created.pk)


@pytest.mark.parametrize("name", ["agency_admin", "leader", "auditor", "employee"])
def test_only_bkpsdm_opens_a_round(personas: Personas, name: str) -> None:
    day = timezone.localdate()
    with pytest.raises(PermissionDenied):
        perception_round_open(
            actor=personas.all()[name],
            period=make_period(is_trial=True),
            title="Survei",
            opens_on=day,
            closes_on=day,
        )


def test_a_round_closing_before_it_opens_or_a_second_round_of_a_period_is_refused(
    personas: Personas,
) -> None:
    period = make_period(is_trial=True)
    day = timezone.localdate()
    with pytest.raises(ValidationError) as refused:
        perception_round_open(
            actor=personas.hr_admin,
            period=period,
            title="",
            opens_on=day,
            closes_on=day - timedelta(days=1),
        )
    assert set(refused.value.message_dict) == {"title", "closes_on"}
    make_perception_round(period=period)
    with pytest.raises(ValidationError) as refused:
        perception_round_open(
            actor=personas.hr_admin, period=period, title="Lagi", opens_on=day, closes_on=day
        )
    assert "satu putaran per periode" in refused.value.message_dict["period"][0]


def test_bkpsdm_closes_an_open_round_once_audited(personas: Personas) -> None:
    perception_round = make_perception_round()
    perception_round_close(actor=personas.hr_admin, round=perception_round)
    perception_round.refresh_from_db()
    assert perception_round.state == RoundState.CLOSED
    assert AuditEvent.objects.filter(action="perception_round.closed").count() == 1
    with pytest.raises(ValidationError):
        perception_round_close(actor=personas.hr_admin, round=perception_round)
    with pytest.raises(PermissionDenied):
        perception_round_close(actor=personas.leader, round=make_perception_round())


def test_an_employee_answers_once_and_the_response_is_not_linked_to_them(
    personas: Personas,
) -> None:
    perception_round = make_perception_round()
    perception_response_submit(
        actor=personas.supervisor, round=perception_round, answers=ANSWERS, remark=" Bagus "
    )
    participation = PerceptionParticipation.objects.get()
    assert participation.user_id == personas.supervisor.pk
    assert participation.agency_id == personas.agency.pk
    response = PerceptionResponse.objects.get()
    assert response.agency_id == personas.agency.pk
    assert response.is_appraiser  # the supervisor supervises the employee's post
    assert response.remark == "Bagus"
    assert PerceptionAnswer.objects.filter(response=response).count() == 15
    event = AuditEvent.objects.get(action="perception.answered")
    assert event.object_id == str(perception_round.pk)
    assert str(response.pk) not in str(event.after) + str(event.before) + event.object_label
    with pytest.raises(ValidationError) as refused:
        perception_response_submit(
            actor=personas.supervisor, round=perception_round, answers=ANSWERS
        )
    assert "sudah mengisi" in refused.value.message_dict["round"][0]


def test_a_plain_employee_counts_as_not_an_appraiser(personas: Personas) -> None:
    perception_response_submit(
        actor=personas.employee, round=make_perception_round(), answers=ANSWERS
    )
    assert not PerceptionResponse.objects.get().is_appraiser


@pytest.mark.parametrize("name", ["hr_admin", "agency_admin", "outsider"])
def test_an_account_without_an_employee_cannot_answer(personas: Personas, name: str) -> None:
    with pytest.raises(PermissionDenied):
        perception_response_submit(
            actor=personas.all()[name], round=make_perception_round(), answers=ANSWERS
        )


def test_a_closed_or_not_yet_open_or_past_round_takes_no_answer(personas: Personas) -> None:
    day = timezone.localdate()
    rounds = [
        make_perception_round(state=RoundState.CLOSED),
        make_perception_round(opens_on=day + timedelta(days=1), closes_on=day + timedelta(days=5)),
        make_perception_round(opens_on=day - timedelta(days=9), closes_on=day - timedelta(days=1)),
    ]
    for perception_round in rounds:
        with pytest.raises(ValidationError) as refused:
            perception_response_submit(
                actor=personas.employee, round=perception_round, answers=ANSWERS
            )
        assert "round" in refused.value.message_dict
    assert not PerceptionResponse.objects.exists()


def test_a_missing_or_out_of_scale_item_is_refused_naming_the_item(personas: Personas) -> None:
    answers = dict(ANSWERS)
    del answers["P03"]
    answers["P07"] = 6
    with pytest.raises(ValidationError) as refused:
        perception_response_submit(
            actor=personas.employee, round=make_perception_round(), answers=answers
        )
    errors = refused.value.message_dict
    assert set(errors) == {"P03", "P07"}
    assert "P07" in errors["P07"][0]
    assert "“6”" in errors["P07"][0]
    assert not PerceptionParticipation.objects.exists()


def test_a_remark_over_2000_characters_is_refused(personas: Personas) -> None:
    with pytest.raises(ValidationError) as refused:
        perception_response_submit(
            actor=personas.employee,
            round=make_perception_round(),
            answers=ANSWERS,
            remark="a" * 2001,
        )
    assert "2.001" in refused.value.message_dict["remark"][0]
    assert PerceptionRound.objects.count() == 1
    assert not PerceptionResponse.objects.exists()
