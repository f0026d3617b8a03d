"""The panels in page order and the top-and-bottom lists."""

from __future__ import annotations

from kinerja.reporting.panels import (
    development,
    employees,
    feedback360,
    ikm,
    objections,
    org_rating,
    plans,
    predikat,
    realizations,
)
from kinerja.reporting.panels.base import PanelSpec, RankingSpec
from kinerja.reporting.rankings import below_target, late_plans, low_ikm

PANELS: tuple[PanelSpec, ...] = (
    employees.SPEC,
    plans.SPEC,
    realizations.SPEC,
    predikat.SPEC,
    org_rating.SPEC,
    ikm.SPEC,
    objections.SPEC,
    feedback360.SPEC,
    development.SPEC,
)

RANKINGS: tuple[RankingSpec, ...] = (below_target.SPEC, low_ikm.SPEC, late_plans.SPEC)
