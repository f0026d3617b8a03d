"""Continuous feedback: giving it, asking for it, declining or withdrawing a request, and the
reply thread under a feedback (`kinerja.discussions`). Who may do what is in
`kinerja.monitoring.feedback_permissions`; each service checks it, validates, then writes, audits
and notifies in one transaction.

Cut along what they do: `cleaning` (what a feedback may say and be about: length, rating-only
words, topic), `giving` (giving feedback, also in answer to a request, and replying in its
thread), `asking` (asking for feedback, declining or withdrawing a request) and `common` (the
length limits and private checks the others share). Import from here.
"""

from kinerja.monitoring.services.feedback.asking import (
    feedback_request_create,
    feedback_request_decline,
    feedback_request_withdraw,
)
from kinerja.monitoring.services.feedback.cleaning import (
    RATING_WORDS,
    feedback_text_clean,
    feedback_topic_clean,
)
from kinerja.monitoring.services.feedback.common import (
    MESSAGE_MAX,
    REASON_MIN,
    TEXT_MAX,
    TEXT_MIN,
)
from kinerja.monitoring.services.feedback.giving import feedback_give, feedback_reply

__all__ = [
    "MESSAGE_MAX",
    "RATING_WORDS",
    "REASON_MIN",
    "TEXT_MAX",
    "TEXT_MIN",
    "feedback_give",
    "feedback_reply",
    "feedback_request_create",
    "feedback_request_decline",
    "feedback_request_withdraw",
    "feedback_text_clean",
    "feedback_topic_clean",
]
