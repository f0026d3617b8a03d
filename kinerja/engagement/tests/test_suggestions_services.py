"""The suggestion box services: anyone signed in sends; BKPSDM answers once, publicly or to the
author only; each refusal, the audit events and the author's notification."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.engagement.models import SuggestionState
from kinerja.engagement.services.suggestions import suggestion_answer, suggestion_submit
from kinerja.engagement.testing import make_suggestion
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_anyone_signed_in_sends_a_suggestion_and_it_is_audited(
    personas: Personas, name: str
) -> None:
    item = suggestion_submit(
        actor=personas.all()[name], title=" Tombol ", body="Perjelas tombol simpan.", page="SKP"
    )
    assert item.title == "Tombol"
    assert item.state == SuggestionState.SUBMITTED
    assert AuditEvent.objects.filter(action="suggestion.submitted").count() == 1


def test_an_anonymous_visitor_cannot_send() -> None:
    with pytest.raises(PermissionDenied):
        suggestion_submit(actor=AnonymousUser(), title="X", body="Y")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"title": ""}, "title"), ({"title": "x" * 151}, "title"), ({"body": ""}, "body"),
     ({"body": "x" * 4001}, "body"), ({"page": "x" * 201}, "page")],
)  # fmt: skip
def test_each_bad_field_is_refused_by_name(
    personas: Personas, fields: dict[str, str], field: str
) -> None:
    values = {"title": "Judul", "body": "Isi", "page": "", **fields}
    with pytest.raises(ValidationError) as caught:
        suggestion_submit(actor=personas.employee, **values)
    assert field in caught.value.message_dict
    assert not AuditEvent.objects.exists()


def test_bkpsdm_answers_publicly_and_the_author_is_told(personas: Personas) -> None:
    item = make_suggestion(author=personas.employee)
    answered = suggestion_answer(
        actor=personas.hr_admin, suggestion=item, answer="Sudah diperbaiki.", publish=True
    )
    assert answered.state == SuggestionState.ANSWERED
    assert answered.answered_by == personas.hr_admin
    assert answered.answered_at is not None
    assert AuditEvent.objects.filter(action="suggestion.answered").count() == 1
    note = Notification.objects.get(recipient=personas.employee)
    assert note.kind == NotificationKind.SUGGESTION_ANSWERED
    assert note.url == f"/kotak-saran/{item.pk}/"


def test_a_declined_suggestion_is_answered_to_the_author_only(personas: Personas) -> None:
    item = make_suggestion(author=personas.employee)
    declined = suggestion_answer(
        actor=personas.hr_admin, suggestion=item, answer="Hubungi BKPSDM.", publish=False
    )
    assert declined.state == SuggestionState.DECLINED
    assert AuditEvent.objects.filter(action="suggestion.declined").count() == 1
    assert "tidak ditayangkan" in Notification.objects.get(recipient=personas.employee).text


@pytest.mark.parametrize("name", sorted(set(PERSONA_NAMES) - {"hr_admin"}))
def test_only_bkpsdm_answers(personas: Personas, name: str) -> None:
    item = make_suggestion(author=personas.employee)
    with pytest.raises(PermissionDenied, match="Admin BKPSDM"):
        suggestion_answer(actor=personas.all()[name], suggestion=item, answer="X", publish=True)


def test_a_suggestion_is_answered_once(personas: Personas) -> None:
    item = make_suggestion(state=SuggestionState.ANSWERED)
    with pytest.raises(ValidationError) as caught:
        suggestion_answer(actor=personas.hr_admin, suggestion=item, answer="Lagi", publish=True)
    assert "state" in caught.value.message_dict


def test_an_empty_answer_is_refused(personas: Personas) -> None:
    item = make_suggestion()
    with pytest.raises(ValidationError) as caught:
        suggestion_answer(actor=personas.hr_admin, suggestion=item, answer="  ", publish=True)
    assert "answer" in caught.value.message_dict
    assert not Notification.objects.exists()
