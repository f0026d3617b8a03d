"""The live spread of an agency's predikat against the distribution guidance, for the whole
agency and per unit: one GROUP BY query, then `kinerja.scoring.distribution.check_distribution`.

Read by the curve page, the calibration grid, the evaluation document and the API."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from kinerja.evaluation.models import CalibrationSession, EvaluationState, OrganizationRating
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import group_evaluations
from kinerja.organization.models import Agency, Unit
from kinerja.planning.models import PerformancePlan
from kinerja.scoring.distribution import DistributionReport, check_distribution
from kinerja.scoring.ratings import OrganizationPredikat, Predikat


@dataclass(frozen=True)
class UnitDistribution:
    """One unit's counts per predikat and, when the organisation is rated, its check."""

    unit_id: int | None
    unit_name: str
    counts: dict[Predikat, int]
    report: DistributionReport | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class GroupDistribution:
    """An agency's group: organisation rating, the agency's check, the units' checks, how many
    approved plans still wait for a predikat, and the calibration session (if any)."""

    agency: Agency
    scope: Scope
    organization_rating: OrganizationRating | None
    counts: dict[Predikat, int]
    report: DistributionReport | None
    units: list[UnitDistribution] = field(default_factory=list)
    plans: int = 0
    session: CalibrationSession | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def pending(self) -> int:
        """Approved plans of the group without a predikat yet."""
        return max(self.plans - self.total, 0)

    @property
    def violations(self) -> list[str]:
        """Every guidance sentence broken by the agency or one of its units, in words."""
        found = [v.message for v in self.report.violations] if self.report else []
        for unit in self.units:
            if unit.report is not None:
                found += [f"{unit.unit_name}: {v.message}" for v in unit.report.violations]
        return found

    @property
    def is_locked(self) -> bool:
        return self.session is not None and self.session.locked_at is not None


def organization_rating_for(*, agency_id: int, scope: Scope) -> OrganizationRating | None:
    return OrganizationRating.objects.filter(scope.period_window_q(), agency_id=agency_id).first()


def calibration_session_for(*, agency_id: int, scope: Scope) -> CalibrationSession | None:
    return CalibrationSession.objects.filter(scope.period_window_q(), agency_id=agency_id).first()


def group_plans(scope: Scope) -> QuerySet[PerformancePlan]:
    """Approved plans that the group's time covers (every agency)."""
    plans = PerformancePlan.objects.filter(
        period_id=scope.period.pk, approved_version__isnull=False
    )
    if scope.window is not None:
        plans = plans.filter(
            start_date__lte=scope.window.end_date, end_date__gte=scope.window.start_date
        )
    return plans


def group_plan_count(*, agency_id: int, scope: Scope) -> int:
    """Approved plans of the agency's posts that the group's time covers."""
    return group_plans(scope).filter(position__agency_id=agency_id).count()


def group_distribution(*, agency: Agency, scope: Scope) -> GroupDistribution:
    """The group's spread in five queries whatever its size: evaluations that are set (rated
    or acknowledged) count; drafts are the appraiser's work in progress and count as pending,
    like plans not yet evaluated."""
    rows = (
        group_evaluations(agency_id=agency.pk, scope=scope)
        .exclude(predikat="")
        .exclude(state=EvaluationState.DRAFT)
        .order_by()
        .values("plan__position__unit_id", "predikat")
        .annotate(n=Count("id"))
    )
    by_unit: dict[int | None, dict[Predikat, int]] = defaultdict(dict)
    counts: dict[Predikat, int] = dict.fromkeys(Predikat, 0)
    for row in rows:
        value = Predikat(row["predikat"])
        by_unit[row["plan__position__unit_id"]][value] = row["n"]
        counts[value] += row["n"]
    rating = organization_rating_for(agency_id=agency.pk, scope=scope)
    org = OrganizationPredikat(rating.predikat) if rating else None
    names = dict(Unit.objects.filter(pk__in=[u for u in by_unit if u]).values_list("id", "name"))
    units = [
        UnitDistribution(
            unit_id=unit_id,
            unit_name=names.get(unit_id, "Tanpa unit") if unit_id else "Tanpa unit",
            counts={p: unit_counts.get(p, 0) for p in Predikat},
            report=check_distribution(org, unit_counts) if org else None,
        )
        for unit_id, unit_counts in by_unit.items()
    ]
    units.sort(key=lambda unit: unit.unit_name)
    return GroupDistribution(
        agency=agency,
        scope=scope,
        organization_rating=rating,
        counts=counts,
        report=check_distribution(org, counts) if org else None,
        units=units,
        plans=group_plan_count(agency_id=agency.pk, scope=scope),
        session=calibration_session_for(agency_id=agency.pk, scope=scope),
    )
