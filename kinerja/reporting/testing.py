"""Builders for tests of reporting. They write summary rows directly (no refresh, no audit).
One section per part."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from kinerja.reporting.models import Panel, RankedItem, UnitFigure

# --- summary rows (frame) ----------------------------------------------------------------------


def make_figure(
    *,
    period: Any,
    agency: Any,
    unit: Any = None,
    panel: Panel | str,
    category: str,
    count: int = 0,
    amount: Decimal | int = 0,
) -> UnitFigure:
    return UnitFigure.objects.create(
        period=period,
        agency=agency,
        unit=unit,
        panel=panel,
        category=category,
        count=count,
        amount=Decimal(amount),
    )


def make_ranked(
    *, period: Any, ranking: str, agency: Any = None, unit: Any = None, **values: Any
) -> RankedItem:
    values.setdefault("position", 1)
    values.setdefault("label", "Contoh")
    return RankedItem.objects.create(
        period=period, ranking=ranking, agency=agency, unit=unit, **values
    )


# --- panels of helper H2 (realisations, predikat, organisation rating, objections) -------------


def local_moment(day: date, hour: int = 20) -> datetime:
    """`day` at `hour` o'clock in the project's time zone (20:00 in Jakarta is still the same
    calendar day, though 13:00 in UTC)."""
    return timezone.make_aware(datetime.combine(day, time(hour)))


def make_objections(
    *, agency: Any, period: Any, unit: Any = None, states: Sequence[tuple[str, int, int | None]]
) -> list[Any]:
    """One objection per (state, days since filing, days to decision or None), each on the
    evaluation of a new employee of `agency` (`unit`) with an approved plan of `period`."""
    from kinerja.appeals.models import Objection
    from kinerja.appeals.testing import make_objection
    from kinerja.evaluation.rules import Scope
    from kinerja.evaluation.testing import make_group
    from kinerja.scoring.ratings import Predikat

    evaluations = make_group(
        agency=agency, scope=Scope(period, None), predikats=[Predikat.BAIK] * len(states), unit=unit
    )
    found = []
    for evaluation, (state, days_ago, decided_after) in zip(evaluations, states, strict=True):
        objection = make_objection(evaluation=evaluation, state=state, days_ago=days_ago)
        filed = timezone.now() - timedelta(days=days_ago)
        decided = None if decided_after is None else filed + timedelta(days=decided_after)
        Objection.objects.filter(pk=objection.pk).update(filed_at=filed, decided_at=decided)
        found.append(objection)
    return found


# --- panels of helper H3 (IKM, 360°, development) ---------------------------------------------

# --- people, person, exports, API (helper H4) -------------------------------------------------
