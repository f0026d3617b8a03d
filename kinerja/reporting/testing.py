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


def make_ikm_figures(
    *, period: Any, agency: Any, unit: Any = None, respondents: int, answer: int
) -> list[UnitFigure]:
    """The IKM panel's rows of `respondents` who all answered `answer` (1-4) to U1..U9."""
    rows = [
        make_figure(
            period=period,
            agency=agency,
            unit=unit,
            panel=Panel.IKM,
            category="RESPONSES",
            count=respondents,
        )
    ]
    for number in range(1, 10):
        rows.append(
            make_figure(
                period=period,
                agency=agency,
                unit=unit,
                panel=Panel.IKM,
                category=f"U{number}",
                count=respondents,
                amount=respondents * answer,
            )
        )
    return rows


def make_360_figures(
    *, period: Any, agency: Any, unit: Any = None, lists: int = 1, asked: int, sent: int
) -> list[UnitFigure]:
    """The 360° completion panel's rows of one unit (`lists` rated employees)."""
    return [
        make_figure(
            period=period,
            agency=agency,
            unit=unit,
            panel=Panel.FEEDBACK360,
            category=category,
            count=count,
        )
        for category, count in (("LISTS", lists), ("ASKED", asked), ("SENT", sent))
    ]


def make_development_figures(
    *, period: Any, agency: Any, unit: Any = None, with_plan: int, jp: Decimal | int, reached: int
) -> list[UnitFigure]:
    """The development panel's rows of one unit."""
    return [
        make_figure(
            period=period,
            agency=agency,
            unit=unit,
            panel=Panel.DEVELOPMENT,
            category="WITH_PLAN",
            count=with_plan,
            amount=jp,
        ),
        make_figure(
            period=period,
            agency=agency,
            unit=unit,
            panel=Panel.DEVELOPMENT,
            category="REACHED",
            count=reached,
        ),
    ]


# --- people, person, exports, API (helper H4) -------------------------------------------------


def unit_people_url(unit: Any, period: Any = None) -> str:
    from django.urls import reverse

    url = reverse("reporting:unit_people", args=[unit.pk])
    return f"{url}?periode={period.pk}" if period is not None else url


def person_url(employee: Any, period: Any = None) -> str:
    from django.urls import reverse

    url = reverse("reporting:person", args=[employee.pk])
    return f"{url}?periode={period.pk}" if period is not None else url
