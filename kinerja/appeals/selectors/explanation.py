"""How one evaluation's result was reached, for /penilaian/<id>/penjelasan/ ("Bagaimana nilai
saya dihitung"): everything the evaluation page shows (`evaluation_page_for_actor`: results,
indicators, realisations, evidence, feedback, 360° figures), and beside it the predikat matrix
with the cell that gives the predikat, the organisation rating of the agency for that time,
the employee's unit's spread of predikat, the calibration moves that touched the evaluation and
the decided objections against it.

Authorised by the evaluation's own selector (404 for whoever may not see the evaluation). A
constant number of queries whatever the number of results, indicators and evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from kinerja.accounts.actors import Actor
from kinerja.appeals.models import Objection, ObjectionState
from kinerja.evaluation.models import (
    CalibrationMove,
    Evaluation,
    EvaluationState,
    OrganizationRating,
)
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import group_evaluations
from kinerja.evaluation.selectors.distribution import organization_rating_for
from kinerja.evaluation.selectors.evaluations import EvaluationPage, evaluation_page_for_actor
from kinerja.scoring.distribution import DistributionReport, check_distribution
from kinerja.scoring.ratings import OrganizationPredikat, Predikat, Rating, predikat

TIMES = "\N{MULTIPLICATION SIGN}"

RESULTS_ROWS = (Rating.ABOVE, Rating.MEETS, Rating.BELOW)
"""The matrix's rows, top to bottom: the results rating."""
BEHAVIOR_COLUMNS = (Rating.BELOW, Rating.MEETS, Rating.ABOVE)
"""The matrix's columns, left to right: the behaviour rating (as the regulation draws it)."""


@dataclass(frozen=True)
class MatrixCell:
    results: Rating
    behavior: Rating
    predikat: Predikat
    chosen: bool


@dataclass(frozen=True)
class MatrixRow:
    results: Rating
    cells: tuple[MatrixCell, ...]


@dataclass(frozen=True)
class CurveRow:
    """One predikat on the unit's curve: how many of the unit have it, and whether it is the
    employee's own."""

    predikat: Predikat
    count: int
    mine: bool


@dataclass(frozen=True)
class UnitCurve:
    unit_name: str
    rows: tuple[CurveRow, ...]
    report: DistributionReport | None
    """The unit against the distribution guidance, when the organisation is rated."""

    @property
    def total(self) -> int:
        return sum(row.count for row in self.rows)


@dataclass(frozen=True)
class Explanation:
    page: EvaluationPage
    matrix: tuple[MatrixRow, ...]
    matrix_sentence: str
    """ "Rating hasil kerja Sesuai Ekspektasi x rating perilaku kerja Di Atas Ekspektasi →
    Baik" (with the multiplication sign), or "" while a rating is missing."""
    organization: OrganizationRating | None
    curve: UnitCurve
    moves: tuple[CalibrationMove, ...]
    objections: tuple[Objection, ...]
    """Decided objections (accepted or rejected), oldest first."""

    @property
    def evaluation(self) -> Evaluation:
        return self.page.evaluation


def predikat_matrix(results: str, behavior: str) -> tuple[tuple[MatrixRow, ...], str]:
    """The 3 by 3 matrix (PermenPANRB 6/2022) with the cell of the two stored ratings chosen,
    and that cell in words ("" while a rating is missing)."""
    rows = tuple(
        MatrixRow(
            results=r,
            cells=tuple(
                MatrixCell(
                    results=r,
                    behavior=b,
                    predikat=predikat(r, b),
                    chosen=r.value == results and b.value == behavior,
                )
                for b in BEHAVIOR_COLUMNS
            ),
        )
        for r in RESULTS_ROWS
    )
    if not results or not behavior:
        return rows, ""
    found = predikat(Rating(results), Rating(behavior))
    sentence = (
        f"Rating hasil kerja {Rating(results).label} {TIMES} rating perilaku kerja "
        f"{Rating(behavior).label} → {found.label}"
    )
    return rows, sentence


def unit_curve(
    evaluation: Evaluation, scope: Scope, organization: OrganizationRating | None
) -> UnitCurve:
    """The set predikat (rated or acknowledged) of the evaluations of the same agency, unit and
    time as `evaluation`, counted in one GROUP BY query, the employee's own marked."""
    plan = evaluation.plan
    agency_id = plan.position.agency_id
    unit_id = plan.position.unit_id
    same_unit = (
        Q(plan__position__unit__isnull=True)
        if unit_id is None
        else Q(plan__position__unit_id=unit_id)
    )
    rows = (
        group_evaluations(agency_id=agency_id, scope=scope)
        .filter(same_unit)
        .exclude(predikat="")
        .exclude(state=EvaluationState.DRAFT)
        .order_by()
        .values("predikat")
        .annotate(n=Count("id"))
    )
    counts = {Predikat(row["predikat"]): row["n"] for row in rows}
    org = OrganizationPredikat(organization.predikat) if organization else None
    mine = evaluation.predikat if evaluation.state != EvaluationState.DRAFT else ""
    return UnitCurve(
        unit_name=plan.position.unit.name if plan.position.unit else plan.position.agency.name,
        rows=tuple(
            CurveRow(predikat=p, count=counts.get(p, 0), mine=p.value == mine) for p in Predikat
        ),
        report=check_distribution(org, counts) if org is not None else None,
    )


def explanation_for_actor(*, actor: Actor, evaluation_id: int) -> Explanation:
    """One evaluation explained; 404 unless the actor may see the evaluation. The evaluation
    page's queries and four more (organisation rating when the page has none, the unit's
    curve, the calibration moves, the decided objections), whatever the size."""
    page = evaluation_page_for_actor(actor=actor, evaluation_id=evaluation_id)
    evaluation = page.evaluation
    organization = page.organization or organization_rating_for(
        agency_id=evaluation.plan.position.agency_id, scope=page.scope
    )
    matrix, sentence = predikat_matrix(evaluation.results_rating, evaluation.behavior_rating)
    moves = tuple(
        CalibrationMove.objects.filter(evaluation_id=evaluation.pk)
        .select_related("moved_by")
        .order_by("created_at", "pk")
    )
    objections = tuple(
        Objection.objects.filter(
            evaluation_id=evaluation.pk,
            state__in=[ObjectionState.ACCEPTED, ObjectionState.REJECTED],
        )
        .select_related("decided_by")
        .order_by("decided_at", "pk")
    )
    return Explanation(
        page=page,
        matrix=matrix,
        matrix_sentence=sentence,
        organization=organization,
        curve=unit_curve(evaluation, page.scope, organization),
        moves=moves,
        objections=objections,
    )
