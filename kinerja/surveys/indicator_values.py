"""The IKM of service units over evaluation windows: the value of an SKP indicator whose source
is a unit's satisfaction index (`IndicatorSource.SATISFACTION_INDEX`).

`satisfaction_values` is the one entrance for other apps (planning shows it on the plan page;
monitoring will read its realisations from it). It costs ONE grouped query per call, whatever
the number of units and windows: totals per unit and per month (per day when a window does not
cover whole months) over the union of the windows, added up into each window in Python — over
the grouped rows, never over responses.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Iterable, Sequence
from datetime import date
from typing import Any

from django.db.models import F
from django.db.models.functions import TruncMonth

from kinerja.scoring.ikm import Element, IkmResult, WeightConvention
from kinerja.surveys.aggregation import Totals, totals_by_keys
from kinerja.surveys.models import SurveyResponse
from kinerja.surveys.spans import Span, month_span, quarter_span, year_span

Window = tuple[date, date]
ValueKey = tuple[int, date, date]


def totals_sum(items: Iterable[Totals]) -> Totals:
    """The totals of several disjoint groups of responses (respondents, sums and counts add)."""
    respondents = 0
    sums = dict.fromkeys(Element, 0)
    counts = dict.fromkeys(Element, 0)
    for item in items:
        respondents += item.respondents
        for element in Element:
            sums[element] += item.sums.get(element, 0)
            counts[element] += item.counts.get(element, 0)
    return Totals(respondents=respondents, sums=sums, counts=counts)


def _whole_months(window: Window) -> bool:
    start, end = window
    return start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]


def _as_date(value: Any) -> date:
    return date(value.year, value.month, value.day)


def satisfaction_values(
    *,
    service_unit_ids: Collection[int],
    windows: Sequence[Window],
    convention: WeightConvention = WeightConvention.EXACT,
) -> dict[ValueKey, IkmResult | None]:
    """The IKM of each service unit in each window (start and end dates, both included), keyed
    by `(service_unit_id, start, end)`; None when nobody answered in that window (or an element
    was answered by nobody). One query for all units and windows."""
    unit_ids = sorted(set(service_unit_ids))
    spans = sorted({(start, end) for start, end in windows if start <= end})
    if not unit_ids or not spans:
        return {}
    by_month = all(_whole_months(window) for window in spans)
    responses = SurveyResponse.objects.filter(
        service_unit_id__in=unit_ids,
        survey_date__gte=min(start for start, _ in spans),
        survey_date__lte=max(end for _, end in spans),
    ).annotate(bucket=TruncMonth("survey_date") if by_month else F("survey_date"))
    grouped: dict[int, list[tuple[date, Totals]]] = {}
    for (unit_id, bucket), totals in totals_by_keys(responses, "service_unit_id", "bucket").items():
        grouped.setdefault(unit_id, []).append((_as_date(bucket), totals))
    values: dict[ValueKey, IkmResult | None] = {}
    for unit_id in unit_ids:
        buckets = grouped.get(unit_id, [])
        for start, end in spans:
            inside = [totals for day, totals in buckets if start <= day <= end]
            values[(unit_id, start, end)] = totals_sum(inside).ikm(convention)
    return values


def span_of(start: date, end: date) -> Span:
    """The span that names these dates in a report's query parameters: a whole month
    (`?bulan=`), quarter (`?triwulan=`) or year (`?tahun=`), else a range (`?from=&to=`)."""
    candidates = [month_span(start.year, start.month), year_span(start.year)]
    if (start.month - 1) % 3 == 0:
        candidates.append(quarter_span(start.year, (start.month - 1) // 3 + 1))
    for span in candidates:
        if (span.start, span.end) == (start, end):
            return span
    return Span("range", start, end)
