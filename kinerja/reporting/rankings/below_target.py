"""Ranking BELOW_TARGET (to be built by helper H2): see panels/base.py RankingSpec."""

from __future__ import annotations

from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Ranking
from kinerja.reporting.panels.base import RankedRow, RankingSpec


def compute(period: PerformancePeriod) -> list[RankedRow]:
    return []


def link(target_id: int) -> str:
    return ""


SPEC = RankingSpec(ranking=Ranking.BELOW_TARGET, compute=compute, link=link)
