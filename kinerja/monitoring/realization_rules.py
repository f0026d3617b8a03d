"""Plain rules of realisations that pages, services and the API share: the target an
achievement is measured against, the achievement itself, and when a realisation is late or
missing. No queries here.

- NUMBER target: the achievement is measured against `target_value`.
- RANGE target: higher-is-better against the lower bound (`target_value`: reaching the range
  is 100 %), lower-is-better against the upper bound (`target_max`: staying inside is at least
  100 %). Our decision [I], documented in monitoring/README.md.
- DESCRIBED target: no achievement (the appraiser reads the described result).
- Late: first submitted (`submitted_at`, kept across resubmissions) after the window's
  `realization_due_date`. Missing: never submitted and the due date has passed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone

from kinerja.planning.models import IndicatorSource, TargetKind
from kinerja.scoring.achievement import Polarity, achievement

if TYPE_CHECKING:
    from kinerja.monitoring.models import Realization
    from kinerja.periods.models import EvaluationWindow
    from kinerja.planning.models import Indicator


def achievement_target(indicator: Indicator) -> Decimal | None:
    """The number an indicator's realisation is compared with (None for a described target)."""
    if indicator.target_kind == TargetKind.DESCRIBED:
        return None
    if indicator.target_kind == TargetKind.RANGE:
        if Polarity(indicator.polarity) is Polarity.LOWER_IS_BETTER:
            return indicator.target_max if indicator.target_max is not None else None
        return indicator.target_value
    return indicator.target_value


def indicator_achievement(indicator: Indicator, value: Decimal | None) -> Decimal | None:
    """Achievement in percent of `value` against the indicator's target (None when either is
    missing or the target is described)."""
    target = achievement_target(indicator)
    if target is None or value is None:
        return None
    return achievement(target, value, Polarity(indicator.polarity))


def is_self_filled(indicator: Indicator) -> bool:
    """Indicators sourced from a unit's satisfaction index are never written by hand."""
    return indicator.source == IndicatorSource.SATISFACTION_INDEX


def is_late(realization: Realization | None, window: EvaluationWindow) -> bool:
    if realization is None or realization.submitted_at is None:
        return False
    return timezone.localdate(realization.submitted_at) > window.realization_due_date


def is_missing(realization: Realization | None, window: EvaluationWindow, day: date) -> bool:
    never_submitted = realization is None or realization.submitted_at is None
    return never_submitted and day > window.realization_due_date
