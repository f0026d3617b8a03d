"""Many agencies at once for one group time: each agency's organisation predikat, how many of
its employees have a predikat and how many approved plans still wait, and whether the spread
follows the distribution guidance (for the agency and each of its units).

Read by the organisation predikat page (/penilaian/organisasi/) and the curve index (/kurva/).
A page of agencies costs three queries whatever its length: the ratings, one GROUP BY over the
evaluations (agency, unit, predikat) and one over the plans (agency)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.evaluation.models import Evaluation, EvaluationState, OrganizationRating
from kinerja.evaluation.permissions import can_view_agency_group
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import scope_filter
from kinerja.evaluation.selectors.distribution import group_plans
from kinerja.organization.models import Agency
from kinerja.organization.selectors import agency_list_for_actor
from kinerja.periods.models import PerformancePeriod
from kinerja.scoring.distribution import MIN_GROUP_SIZE, DistributionReport, check_distribution
from kinerja.scoring.ratings import OrganizationPredikat, Predikat

SPREAD_OK = "ok"
SPREAD_VIOLATED = "violated"
SPREAD_UNRATED = "unrated"
SPREAD_EMPTY = "empty"
SPREAD_SMALL = "small"


@dataclass(frozen=True)
class AgencyOverview:
    """One agency in a list: its organisation rating, its employees' predikat counts, the
    approved plans of the group, and the guidance check of the agency and of its units."""

    agency: Agency
    rating: OrganizationRating | None
    counts: dict[Predikat, int]
    plans: int
    report: DistributionReport | None
    violation_count: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def pending(self) -> int:
        """Approved plans of the group without a predikat yet."""
        return max(self.plans - self.total, 0)

    @property
    def spread(self) -> str:
        """ok / violated / small (too few people for shares, nothing forbidden) / unrated (no
        organisation predikat) / empty (nobody rated yet)."""
        if self.rating is None:
            return SPREAD_UNRATED
        if self.total == 0:
            return SPREAD_EMPTY
        if self.violation_count:
            return SPREAD_VIOLATED
        if self.report is not None and self.report.too_small:
            return SPREAD_SMALL
        return SPREAD_OK

    @property
    def spread_text(self) -> str:
        """The spread's state in words (never by colour alone)."""
        if self.spread == SPREAD_UNRATED:
            return "Predikat organisasi belum ditetapkan"
        if self.spread == SPREAD_EMPTY:
            return "Belum ada predikat pegawai"
        if self.spread == SPREAD_VIOLATED:
            return f"{self.violation_count} penyimpangan dari pedoman"
        if self.spread == SPREAD_SMALL:
            return f"Kelompok terlalu kecil (kurang dari {MIN_GROUP_SIZE} pegawai)"
        return "Sesuai pedoman"


def agency_choices_for_actor(*, actor: Actor, name: str = "", kind: str = "") -> QuerySet[Agency]:
    """The agencies the actor reads (BKPSDM, Pimpinan, Inspektorat: all; an Admin OPD: their
    own; anyone else: PermissionDenied), filtered by part of the name and by kind, ordered by
    kind and name."""
    agencies = agency_list_for_actor(actor=actor)
    if name:
        agencies = agencies.filter(name__icontains=name)
    if kind:
        agencies = agencies.filter(kind=kind)
    return agencies


def curve_agency_for_actor(*, actor: Actor, agency_id: int) -> Agency:
    """The agency of a curve page; 404 unless the actor may see its group (an Admin OPD of
    another agency or a plain employee learns nothing, not even that it exists)."""
    if not can_view_agency_group(actor, agency_id):
        raise Http404("Perangkat daerah tidak ditemukan.")
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:
        raise Http404("Perangkat daerah tidak ditemukan.")
    return agency


def period_choices() -> list[PerformancePeriod]:
    """Every period for the group time picker, newest first (one query)."""
    return list(PerformancePeriod.objects.order_by("-year", "is_trial"))


def organization_ratings_for(
    *, agency_ids: Sequence[int], scope: Scope
) -> dict[int, OrganizationRating]:
    ratings = OrganizationRating.objects.select_related("set_by").filter(
        scope.period_window_q(), agency_id__in=agency_ids
    )
    return {rating.agency_id: rating for rating in ratings}


def agency_overviews(*, agencies: Sequence[Agency], scope: Scope) -> list[AgencyOverview]:
    """An overview per agency, in the order given, in three queries."""
    ids = [agency.pk for agency in agencies]
    ratings = organization_ratings_for(agency_ids=ids, scope=scope)
    rows = (
        Evaluation.objects.filter(scope_filter(scope), plan__position__agency_id__in=ids)
        .exclude(predikat="")
        .exclude(state=EvaluationState.DRAFT)
        .order_by()
        .values("plan__position__agency_id", "plan__position__unit_id", "predikat")
        .annotate(n=Count("id"))
    )
    by_unit: dict[int, dict[int | None, dict[Predikat, int]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for row in rows:
        units = by_unit[row["plan__position__agency_id"]]
        units[row["plan__position__unit_id"]][Predikat(row["predikat"])] = row["n"]
    plans = dict(
        group_plans(scope)
        .filter(position__agency_id__in=ids)
        .order_by()
        .values("position__agency_id")
        .annotate(n=Count("id"))
        .values_list("position__agency_id", "n")
    )
    overviews = []
    for agency in agencies:
        units = by_unit.get(agency.pk, {})
        counts = dict.fromkeys(Predikat, 0)
        for unit_counts in units.values():
            for value, n in unit_counts.items():
                counts[value] += n
        rating = ratings.get(agency.pk)
        report = None
        violation_count = 0
        if rating is not None:
            org = OrganizationPredikat(rating.predikat)
            report = check_distribution(org, counts)
            violation_count = len(report.violations) + sum(
                len(check_distribution(org, unit_counts).violations)
                for unit_counts in units.values()
            )
        overviews.append(
            AgencyOverview(
                agency=agency,
                rating=rating,
                counts=counts,
                plans=plans.get(agency.pk, 0),
                report=report,
                violation_count=violation_count,
            )
        )
    return overviews
