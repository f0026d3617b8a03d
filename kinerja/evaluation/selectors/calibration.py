"""The calibration page of an agency's group: the 3 x 3 grid (results rating x behaviour
rating) with each cell's predikat, count and first employees, drafts and plans not yet
evaluated counted apart, a paginated list of the employees (of one cell when chosen), the
distribution summary and the session's moves.

A fixed number of queries whatever the group's size: counts per cell in one GROUP BY, the
first names of every cell in one windowed query, one page of the list, the moves' latest page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.evaluation.models import CalibrationMove, Evaluation, EvaluationState
from kinerja.evaluation.permissions import can_calibrate, can_view_agency_group
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import group_evaluations
from kinerja.evaluation.selectors.distribution import GroupDistribution, group_distribution
from kinerja.organization.models import Agency, Unit
from kinerja.people.models import titled_name
from kinerja.planning.models import PerformancePlan
from kinerja.scoring.ratings import Predikat, Rating, predikat

NOT_FOUND = "Perangkat daerah tidak ditemukan."
CELL_NAMES = 5
"""Employees named in each cell of the grid; the rest are behind "lihat semua"."""
PAGE_SIZE = 25
"""Employees per page of the list (each with its move form for a calibrator)."""
MOVES_SHOWN = 50

DONE_STATES = (EvaluationState.RATED, EvaluationState.ACKNOWLEDGED)
ROWS = (Rating.ABOVE, Rating.MEETS, Rating.BELOW)
"""Results rating, top to bottom, as the regulation's matrix draws it."""
COLUMNS = (Rating.BELOW, Rating.MEETS, Rating.ABOVE)
"""Behaviour rating, left to right."""

_FIELDS = (
    "pk",
    "state",
    "results_rating",
    "behavior_rating",
    "predikat",
    "results_from_organization",
    "plan__employee__name",
    "plan__employee__title_prefix",
    "plan__employee__title_suffix",
    "plan__employee__nip",
    "plan__position__name",
    "plan__position__kind",
    "plan__position__is_head_of_agency",
    "plan__position__unit__name",
)


def cell_key(results: Rating, behavior: Rating) -> str:
    """The value of `?sel=`: "ABOVE-MEETS" (results first)."""
    return f"{results.value}-{behavior.value}"


def cell_from_key(raw: str) -> tuple[Rating, Rating] | None:
    """The cell named by `?sel=`, or None when it names none."""
    results, _, behavior = raw.partition("-")
    try:
        return Rating(results), Rating(behavior)
    except ValueError:
        return None


CELL_KEYS = [cell_key(r, b) for r in ROWS for b in COLUMNS]


@dataclass(frozen=True)
class Person:
    """One evaluated employee as the grid and the list show them."""

    evaluation_id: int
    name: str
    nip: str
    unit: str
    position: str
    results_rating: str
    behavior_rating: str
    predikat: str
    state: str
    results_fixed: bool
    """The results rating follows the organisation (head of agency): only behaviour moves."""

    @property
    def results_label(self) -> str:
        return Rating(self.results_rating).label if self.results_rating else "—"

    @property
    def behavior_label(self) -> str:
        return Rating(self.behavior_rating).label if self.behavior_rating else "—"

    @property
    def predikat_label(self) -> str:
        return Predikat(self.predikat).label if self.predikat else "—"


def _person(row: dict[str, Any]) -> Person:
    return Person(
        evaluation_id=row["pk"],
        name=titled_name(
            row["plan__employee__title_prefix"],
            row["plan__employee__name"],
            row["plan__employee__title_suffix"],
        ),
        nip=row["plan__employee__nip"],
        unit=row["plan__position__unit__name"] or "Tanpa unit",
        position=row["plan__position__name"],
        results_rating=row["results_rating"],
        behavior_rating=row["behavior_rating"],
        predikat=row["predikat"],
        state=row["state"],
        results_fixed=bool(
            row["plan__position__is_head_of_agency"] or row["results_from_organization"]
        ),
    )


@dataclass(frozen=True)
class Cell:
    results: Rating
    behavior: Rating
    count: int
    people: list[Person]

    @property
    def key(self) -> str:
        return cell_key(self.results, self.behavior)

    @property
    def predikat(self) -> Predikat:
        return predikat(self.results, self.behavior)

    @property
    def more(self) -> int:
        return max(self.count - len(self.people), 0)


@dataclass(frozen=True)
class GridRow:
    results: Rating
    cells: list[Cell]


@dataclass(frozen=True)
class CalibrationFilters:
    """Filters already validated by the page's form (None: not applied)."""

    unit_id: int | None = None
    kind: str | None = None
    cell: tuple[Rating, Rating] | None = None


@dataclass
class CalibrationPage:
    agency: Agency
    scope: Scope
    filters: CalibrationFilters
    grid: list[GridRow]
    rated: int
    drafts: int
    not_started: int
    distribution: GroupDistribution
    listing: Page[Any]
    may_calibrate: bool
    moves: list[CalibrationMove] = field(default_factory=list)
    moves_total: int = 0

    @property
    def session(self) -> Any:
        return self.distribution.session

    @property
    def is_locked(self) -> bool:
        return self.distribution.is_locked

    @property
    def selected(self) -> Cell | None:
        if self.filters.cell is None:
            return None
        results, behavior = self.filters.cell
        for row in self.grid:
            for cell in row.cells:
                if cell.results == results and cell.behavior == behavior:
                    return cell
        return None

    @property
    def may_move(self) -> bool:
        return (
            self.may_calibrate
            and self.session is not None
            and not self.is_locked
            and self.scope.period.state != "CLOSED"
        )


def calibration_agency_for_actor(*, actor: Actor, agency_id: int) -> Agency:
    """The agency whose group the actor may see; 404 otherwise (nothing is told)."""
    if not can_view_agency_group(actor, agency_id):
        raise Http404(NOT_FOUND)
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:
        raise Http404(NOT_FOUND)
    return agency


def agency_units(agency: Agency) -> list[tuple[int, str]]:
    return list(Unit.objects.filter(agency=agency).order_by("name").values_list("id", "name"))


def _filtered(queryset: QuerySet[Any], filters: CalibrationFilters, prefix: str = "") -> Any:
    if filters.unit_id is not None:
        queryset = queryset.filter(**{f"{prefix}position__unit_id": filters.unit_id})
    if filters.kind is not None:
        queryset = queryset.filter(**{f"{prefix}position__kind": filters.kind})
    return queryset


def _plans(agency: Agency, scope: Scope, filters: CalibrationFilters) -> int:
    plans = PerformancePlan.objects.filter(
        period_id=scope.period.pk, position__agency_id=agency.pk, approved_version__isnull=False
    )
    if scope.window is not None:
        plans = plans.filter(
            start_date__lte=scope.window.end_date, end_date__gte=scope.window.start_date
        )
    return int(_filtered(plans, filters).count())


def _grid(done: QuerySet[Evaluation]) -> tuple[list[GridRow], int]:
    counts: dict[tuple[str, str], int] = {}
    for row in done.order_by().values("results_rating", "behavior_rating").annotate(n=Count("id")):
        counts[(row["results_rating"], row["behavior_rating"])] = row["n"]
    first = (
        done.annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("results_rating"), F("behavior_rating")],
                order_by=[F("plan__employee__name").asc(), F("pk").asc()],
            )
        )
        .filter(rank__lte=CELL_NAMES)
        .order_by("plan__employee__name", "pk")
        .values(*_FIELDS)
    )
    people: dict[tuple[str, str], list[Person]] = {}
    for row in first:
        people.setdefault((row["results_rating"], row["behavior_rating"]), []).append(_person(row))
    grid = [
        GridRow(
            results=results,
            cells=[
                Cell(
                    results=results,
                    behavior=behavior,
                    count=counts.get((results.value, behavior.value), 0),
                    people=people.get((results.value, behavior.value), []),
                )
                for behavior in COLUMNS
            ],
        )
        for results in ROWS
    ]
    return grid, sum(counts.values())


def calibration_page(
    *,
    actor: Actor,
    agency: Agency,
    scope: Scope,
    filters: CalibrationFilters,
    page_number: str | None = None,
) -> CalibrationPage:
    """Everything the calibration page shows, in the same number of queries for 5 employees
    and for 2,000 (the caller has authorised `agency` with `calibration_agency_for_actor`)."""
    group = _filtered(group_evaluations(agency_id=agency.pk, scope=scope), filters, "plan__")
    done = group.filter(state__in=DONE_STATES)
    grid, rated = _grid(done)
    drafts = int(group.filter(state=EvaluationState.DRAFT).count())
    not_started = max(_plans(agency, scope, filters) - rated - drafts, 0)
    listed = done
    if filters.cell is not None:
        results, behavior = filters.cell
        listed = listed.filter(Q(results_rating=results.value, behavior_rating=behavior.value))
    rows = listed.order_by("plan__employee__name", "pk").values(*_FIELDS)
    listing = Paginator(rows, PAGE_SIZE).get_page(page_number)
    listing.object_list = [_person(row) for row in listing.object_list]
    distribution = group_distribution(agency=agency, scope=scope)
    page = CalibrationPage(
        agency=agency,
        scope=scope,
        filters=filters,
        grid=grid,
        rated=rated,
        drafts=drafts,
        not_started=not_started,
        distribution=distribution,
        listing=listing,
        may_calibrate=can_calibrate(actor),
    )
    if distribution.session is not None:
        moves = CalibrationMove.objects.filter(session=distribution.session)
        page.moves_total = moves.count()
        page.moves = list(
            moves.select_related("evaluation__plan__employee", "moved_by").order_by(
                "-created_at", "-pk"
            )[:MOVES_SHOWN]
        )
    return page
