"""The feedback demo: threads between the demo supervisor and employee, written once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kinerja.core.demo import DemoOptions
from kinerja.discussions.models import Comment
from kinerja.monitoring.demo_feedback import demo_feedback
from kinerja.monitoring.models import Feedback, FeedbackRequest, FeedbackRequestState, FeedbackTag
from kinerja.monitoring.testing import make_running_plan
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def test_the_demo_writes_threads_once_with_past_dates(personas: Personas) -> None:
    make_running_plan(employee=personas.staff.employee)
    options = DemoOptions()
    lines = demo_feedback(options)
    assert "2 umpan balik" in lines[0]
    staff = personas.staff
    assert Feedback.objects.filter(employee=staff.employee, author_is_appraiser=True).count() == 2
    assert (
        FeedbackTag.objects.filter(
            feedback__employee=staff.employee, competency="KOMUNIKASI"
        ).count()
        == 2
    )
    states = sorted(FeedbackRequest.objects.values_list("state", flat=True))
    assert states == sorted(
        [
            FeedbackRequestState.ANSWERED,
            FeedbackRequestState.DECLINED,
            FeedbackRequestState.OPEN,
            FeedbackRequestState.OPEN,
        ]
    )
    assert Comment.objects.count() == 3  # two replies and the reason of the decline
    oldest = Feedback.objects.order_by("created_at").first()
    assert oldest is not None
    assert oldest.created_at.date() <= options.today - timedelta(days=19)
    assert demo_feedback(options) == ["Umpan balik demo sudah ada."]
    assert Feedback.objects.count() == 3
