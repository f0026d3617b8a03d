"""Writing notifications, the channel choice and marking one's own inbox read."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.notifications.models import (
    Channel,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from kinerja.notifications.services import (
    notification_mark_read,
    notification_preference_set,
    notifications_mark_all_read,
    notify,
)
from kinerja.notifications.testing import inbox_titles, make_notification
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def test_notify_writes_one_notification_per_recipient_skipping_none_and_repeats(
    personas: Personas,
) -> None:
    written = notify(
        recipient_ids=[personas.employee.pk, None, personas.employee.pk, personas.supervisor.pk],
        kind=NotificationKind.FEEDBACK_RECEIVED,
        title="Umpan balik baru",
        url="/umpan-balik/",
    )
    assert written == 2
    assert inbox_titles(personas.employee) == ["Umpan balik baru"]
    assert inbox_titles(personas.supervisor) == ["Umpan balik baru"]


def test_a_key_already_in_the_inbox_writes_nothing_the_second_time(personas: Personas) -> None:
    first = notify(
        recipient_ids=[personas.employee.pk], kind=NotificationKind.REALIZATION_DUE,
        title="Realisasi jatuh tempo", key="realization_due:1:2",
    )  # fmt: skip
    second = notify(
        recipient_ids=[personas.employee.pk, personas.supervisor.pk],
        kind=NotificationKind.REALIZATION_DUE, title="Realisasi jatuh tempo",
        key="realization_due:1:2",
    )  # fmt: skip
    assert (first, second) == (1, 1)
    assert Notification.objects.filter(key="realization_due:1:2").count() == 2


def test_email_is_wanted_unless_the_recipient_chose_inbox_only(personas: Personas) -> None:
    NotificationPreference.objects.create(user=personas.supervisor, channel=Channel.INBOX_ONLY)
    notify(
        recipient_ids=[personas.employee.pk, personas.supervisor.pk],
        kind=NotificationKind.PLAN_APPROVED,
        title="SKP disetujui",
    )
    wanted = dict(Notification.objects.values_list("recipient_id", "email_wanted"))
    assert wanted == {personas.employee.pk: True, personas.supervisor.pk: False}


def test_a_user_chooses_inbox_only_and_the_change_is_audited(personas: Personas) -> None:
    preference = notification_preference_set(actor=personas.employee, channel=Channel.INBOX_ONLY)
    assert preference.channel == Channel.INBOX_ONLY
    event = AuditEvent.objects.get(action="notification_preference.changed")
    assert event.actor_id == personas.employee.pk
    assert event.before == {"channel": "INBOX_AND_EMAIL"}
    assert event.after == {"channel": "INBOX_ONLY"}


def test_choosing_the_channel_already_chosen_changes_and_audits_nothing(
    personas: Personas,
) -> None:
    notification_preference_set(actor=personas.employee, channel=Channel.INBOX_AND_EMAIL)
    assert not AuditEvent.objects.filter(action="notification_preference.changed").exists()


def test_an_unknown_channel_is_refused_naming_the_value_and_nothing_changes(
    personas: Personas,
) -> None:
    with pytest.raises(ValidationError) as refused:
        notification_preference_set(actor=personas.employee, channel="SMS")
    message = refused.value.message_dict["channel"][0]
    assert "'SMS'" in message
    assert "Kotak masuk saja" in message
    assert not NotificationPreference.objects.exists()
    assert not AuditEvent.objects.filter(action="notification_preference.changed").exists()


def test_the_system_has_no_channel_to_choose() -> None:
    with pytest.raises(PermissionDenied):
        notification_preference_set(actor=None, channel=Channel.INBOX_ONLY)


def test_marking_read_is_for_the_recipient_only(personas: Personas) -> None:
    notification = make_notification(recipient=personas.employee)
    with pytest.raises(PermissionDenied):
        notification_mark_read(actor=personas.supervisor, notification=notification)
    notification.refresh_from_db()
    assert notification.read_at is None
    notification_mark_read(actor=personas.employee, notification=notification)
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_mark_all_read_touches_only_the_actors_unread(personas: Personas) -> None:
    make_notification(recipient=personas.employee)
    make_notification(recipient=personas.employee, read=True)
    other = make_notification(recipient=personas.supervisor)
    assert notifications_mark_all_read(actor=personas.employee) == 1
    assert not Notification.objects.filter(recipient=personas.employee, read_at=None).exists()
    other.refresh_from_db()
    assert other.read_at is None
