"""Continuous feedback pages: my feedback (`/umpan-balik/`, received, given, requests waiting for
me, my requests; for an appraiser also their team), giving feedback (`beri/?pegawai=` or
`?permintaan=`), asking for it (`minta/`), one feedback with its reply thread, and declining or
withdrawing a request. Every view fetches through the feedback selectors (404 for those who may
not know a record) and lets the services decide and explain refusals.

Cut along the pages: `index` (the tabbed list and its rows), `giving` (the give page), `asking`
(asking for feedback, declining or withdrawing a request), `detail` (one feedback, its thread
and a reply) and `common` (`topic_text`, shared by all). `feedback_urls` imports the views from
here.
"""

from kinerja.monitoring.feedback_views.asking import (
    feedback_request,
    feedback_request_decline,
    feedback_request_withdraw_page,
)
from kinerja.monitoring.feedback_views.common import topic_text
from kinerja.monitoring.feedback_views.detail import feedback_detail, feedback_reply_page
from kinerja.monitoring.feedback_views.giving import feedback_give
from kinerja.monitoring.feedback_views.index import (
    PAGE_SIZE,
    REQUEST_TONES,
    SECTIONS,
    FeedbackRow,
    RequestRow,
    feedback_index,
)

__all__ = [
    "PAGE_SIZE",
    "REQUEST_TONES",
    "SECTIONS",
    "FeedbackRow",
    "RequestRow",
    "feedback_detail",
    "feedback_give",
    "feedback_index",
    "feedback_reply_page",
    "feedback_request",
    "feedback_request_decline",
    "feedback_request_withdraw_page",
    "topic_text",
]
