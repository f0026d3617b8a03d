"""Service units with the lowest IKM elements: per scope (the city, each agency, each unit with
the service units of its subtree), the (service unit, element) pairs of the period's year with
the lowest element value, as the surveys report shows it (`surveys.reports.element_lines`:
"nilai konversi" = NRR x 25, 25-100), only for elements with at least `MIN_ANSWERS` answers.

The surveys app has no minimum sample of its own (its reports show any answers and compare the
respondents with the Krejcie & Morgan sample of a population the unit may not have filled), so
the list sets one: a pair with fewer answers says too little to be ranked.

Queries: one GROUP BY over the responses per service unit, one over the units.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Ranking
from kinerja.reporting.panels.base import Figure, RankedRow, RankingSpec
from kinerja.reporting.rankings.scopes import top_per_scope

MIN_ANSWERS = 10
"""Fewest answers of an element for a service unit to be ranked on it."""


@dataclass(frozen=True)
class _Pair:
    service_unit_id: int
    unit_id: int
    agency_id: int
    label: str
    detail: str
    value: Decimal
    answers: int
    code: int


def compute(
    period: PerformancePeriod, panels: Mapping[str, list[Figure]] | None = None
) -> list[RankedRow]:
    from kinerja.organization.models import Unit
    from kinerja.scoring.ikm import WeightConvention
    from kinerja.surveys.aggregation import totals_by_keys
    from kinerja.surveys.models import SurveyResponse
    from kinerja.surveys.reports import element_lines

    keys = (
        "service_unit_id",
        "service_unit__name",
        "service_unit__unit_id",
        "service_unit__unit__agency_id",
        "service_unit__unit__agency__name",
    )
    grouped = totals_by_keys(SurveyResponse.objects.filter(survey_date__year=period.year), *keys)
    pairs: list[_Pair] = []
    for (service_unit_id, name, unit_id, agency_id, agency_name), totals in grouped.items():
        for line in element_lines(totals, WeightConvention.EXACT):
            if line.interval is None or line.respondents < MIN_ANSWERS:
                continue
            pairs.append(
                _Pair(
                    service_unit_id=service_unit_id,
                    unit_id=unit_id,
                    agency_id=agency_id,
                    label=f"{name} · {line.code} {line.name}",
                    detail=agency_name,
                    value=line.interval,
                    answers=line.respondents,
                    code=int(line.code[1:]),
                )
            )
    if not pairs:
        return []
    parent: dict[int, int | None] = dict(Unit.objects.values_list("id", "parent_id"))
    return top_per_scope(
        pairs,
        place=lambda p: (p.agency_id, p.unit_id),
        parent=parent,
        order=lambda p: (p.value, -p.answers, p.label.casefold(), p.code),
        row=lambda p: {
            "label": p.label,
            "detail": p.detail,
            "value": p.value,
            "count": p.answers,
            "target_id": p.service_unit_id,
        },
    )


def links(target_ids: Sequence[int]) -> dict[int, str]:
    """Each service unit's SKM report (its address has the slug: one query for the page)."""
    from kinerja.organization.models import ServiceUnit

    slugs = ServiceUnit.objects.filter(pk__in=list(target_ids)).values_list("pk", "slug")
    return {pk: reverse("surveys:unit_report", args=[slug]) for pk, slug in slugs}


SPEC = RankingSpec(
    ranking=Ranking.LOW_IKM_ELEMENT,
    compute=compute,
    links=links,
    value_heading="Nilai unsur (25-100)",
    count_heading="Jawaban",
    empty_text=f"Belum ada unsur SKM dengan sedikitnya {MIN_ANSWERS} jawaban pada tahun ini.",
    help_text="Unsur pelayanan dengan nilai konversi terendah (NRR x 25) per unit layanan, "
    f"dari jawaban SKM tahun periode ini; hanya unsur dengan sedikitnya {MIN_ANSWERS} jawaban.",
)
