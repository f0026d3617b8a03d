"""What the feedback pages share: `topic_text`, what a feedback or a request is about, in
words.
"""

from __future__ import annotations

from kinerja.monitoring.models import Feedback, FeedbackRequest, FeedbackSubject
from kinerja.planning.selectors import core_values


def topic_text(obj: Feedback | FeedbackRequest) -> str:
    """What a feedback or a request is about, in words: "Hasil kerja: RHK 2 …", a core value's
    name, or "Umum"."""
    if obj.subject == FeedbackSubject.RESULT and obj.result is not None:
        return f"Hasil kerja: RHK {obj.result.number} {obj.result.text}"
    if obj.subject == FeedbackSubject.CORE_VALUE:
        names = {v.code: v.name for v in core_values()}
        return f"Nilai dasar: {names.get(obj.core_value, obj.core_value)}"
    return str(FeedbackSubject.GENERAL.label)
