"""Builders for tests of engagement (and the apps above it). They write rows directly (no
audit, no notification). One section per part; a part adds its builders in its own section."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count
from typing import Any

_numbers = count(1)


# --- announcements -----------------------------------------------------------------------


# --- guides and tour ---------------------------------------------------------------------


# --- perception survey -------------------------------------------------------------------


def make_perception_round(
    *,
    period: Any = None,
    title: str = "",
    state: str = "OPEN",
    opens_on: date | None = None,
    closes_on: date | None = None,
) -> Any:
    """A round of `period` (default: a new trial period of this year), open from 30 days ago
    to 30 days ahead unless told."""
    from django.utils import timezone

    from kinerja.engagement.models import PerceptionRound
    from kinerja.periods.testing import make_period

    day = timezone.localdate()
    if period is None:
        period = make_period(is_trial=True, name=f"Uji Coba Survei {next(_numbers)}")
    return PerceptionRound.objects.create(
        period=period,
        title=title or f"Survei persepsi {period.name}",
        opens_on=opens_on or day - timedelta(days=30),
        closes_on=closes_on or day + timedelta(days=30),
        state=state,
    )


def make_perception_responses(
    perception_round: Any,
    *,
    count: int,
    agency: Any = None,
    value: int | dict[str, int] = 4,
    is_appraiser: bool = False,
    remark: str = "",
) -> list[Any]:
    """`count` anonymous responses in `agency`, every item answered `value` (or per item)."""
    from kinerja.engagement.models import PerceptionAnswer, PerceptionResponse
    from kinerja.engagement.perception_items import ITEM_CODES

    responses = PerceptionResponse.objects.bulk_create(
        PerceptionResponse(
            round=perception_round, agency=agency, is_appraiser=is_appraiser, remark=remark
        )
        for _ in range(count)
    )
    PerceptionAnswer.objects.bulk_create(
        PerceptionAnswer(
            response=response,
            item=code,
            value=value if isinstance(value, int) else value.get(code, 3),
        )
        for response in responses
        for code in ITEM_CODES
    )
    return responses


# --- suggestion box ----------------------------------------------------------------------


# --- trial periods -----------------------------------------------------------------------
