"""Element totals of survey responses computed by the database, turned into the IKM by the
scoring core (`kinerja.scoring.ikm.ikm_from_totals`).

One aggregate query gives, per element, the sum and the number of answers, and the number of
respondents (responses with at least one answer); grouped variants give the same per month or
per value of a column (gender, service, …). Python never loops over response rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from kinerja.scoring.ikm import Element, IkmResult, WeightConvention, Weights, ikm_from_totals
from kinerja.surveys.models import ELEMENT_FIELDS, SurveyResponse

FIELD_OF: dict[Element, str] = dict(zip(Element, ELEMENT_FIELDS, strict=True))


@dataclass(frozen=True)
class Totals:
    """Respondents and, per element, the sum of the answers and how many answered."""

    respondents: int
    sums: Mapping[Element, int]
    counts: Mapping[Element, int]

    def ikm(self, weights: Weights = WeightConvention.EXACT) -> IkmResult | None:
        """The IKM of these totals; None when there is no respondent or an element nobody
        answered (a report then says "belum ada data" instead of a figure)."""
        if not self.respondents or not all(self.counts.get(e, 0) for e in Element):
            return None
        return ikm_from_totals(
            respondents=self.respondents, sums=self.sums, counts=self.counts, weights=weights
        )


EMPTY = Totals(respondents=0, sums=dict.fromkeys(Element, 0), counts=dict.fromkeys(Element, 0))


def _any_answer() -> Q:
    query = Q()
    for field in ELEMENT_FIELDS:
        query |= Q(**{f"{field}__isnull": False})
    return query


def _aggregates() -> dict[str, Any]:
    expressions: dict[str, Any] = {"respondents": Count("pk", filter=_any_answer())}
    for field in ELEMENT_FIELDS:
        expressions[f"{field}_sum"] = Sum(field)
        expressions[f"{field}_count"] = Count(field)
    return expressions


def _totals(row: Mapping[str, Any]) -> Totals:
    return Totals(
        respondents=row["respondents"] or 0,
        sums={e: row[f"{FIELD_OF[e]}_sum"] or 0 for e in Element},
        counts={e: row[f"{FIELD_OF[e]}_count"] or 0 for e in Element},
    )


def totals_of(responses: QuerySet[SurveyResponse]) -> Totals:
    """The totals of `responses` in one query."""
    return _totals(responses.order_by().aggregate(**_aggregates()))


def totals_by(responses: QuerySet[SurveyResponse], key: str) -> dict[Any, Totals]:
    """Totals per value of `key` (a column such as "gender", "service_id", "service_unit_id"),
    in one GROUP BY query; values without a response are absent."""
    rows = responses.order_by().values(key).annotate(**_aggregates())
    return {row[key]: _totals(row) for row in rows}


def totals_by_keys(
    responses: QuerySet[SurveyResponse], *keys: str
) -> dict[tuple[Any, ...], Totals]:
    """Totals per combination of the values of `keys` (columns or annotations, e.g. the
    service unit and a month), in one GROUP BY query, keyed by the tuple of values."""
    rows = responses.order_by().values(*keys).annotate(**_aggregates())
    return {tuple(row[key] for key in keys): _totals(row) for row in rows}


def totals_by_month(responses: QuerySet[SurveyResponse]) -> dict[date, Totals]:
    """Totals per calendar month of the survey date (keyed by the first day), one query."""
    rows = (
        responses.order_by()
        .annotate(month=TruncMonth("survey_date"))
        .values("month")
        .annotate(**_aggregates())
    )
    return {_first_day(row["month"]): _totals(row) for row in rows}


def _first_day(value: Any) -> date:
    return date(value.year, value.month, 1)
