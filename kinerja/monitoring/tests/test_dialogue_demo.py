"""The dialogue demo: history written directly, the current dialogues through the services,
and nothing added the second time."""

from __future__ import annotations

import pytest

from kinerja.core.demo import DemoOptions
from kinerja.monitoring.demo_dialogues import demo_dialogues
from kinerja.monitoring.models import (
    CoachingFeedback,
    DialogueAction,
    DialogueKind,
    DialogueState,
    PerformanceDialogue,
)
from kinerja.notifications.models import Notification
from kinerja.people.holdings import today
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def test_the_demo_gives_past_current_and_scheduled_dialogues_once(personas: Personas) -> None:
    lines = demo_dialogues(DemoOptions(employees=0))
    assert "Dialog kinerja demo" in lines[0]
    dialogues = PerformanceDialogue.objects.filter(employee=personas.staff.employee)
    states = sorted((d.kind, d.state) for d in dialogues)
    assert states == [
        (DialogueKind.CHECK_IN, DialogueState.SCHEDULED),
        (DialogueKind.COACHING, DialogueState.DONE),
        (DialogueKind.COACHING, DialogueState.DONE),
    ]
    assert CoachingFeedback.objects.count() == 1
    open_actions = DialogueAction.objects.filter(done_at__isnull=True)
    assert open_actions.filter(due_date__lt=today()).count() == 1
    assert DialogueAction.objects.filter(done_at__isnull=False).exists()
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert kinds == {"DIALOGUE_RECORDED", "DIALOGUE_SCHEDULED"}
    assert demo_dialogues(DemoOptions(employees=0)) == ["Dialog kinerja demo sudah ada."]
    assert PerformanceDialogue.objects.count() == 3
