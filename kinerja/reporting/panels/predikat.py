"""The spread of employees' predikat per unit against the distribution guidance.

Per agency, the evaluations of one time of the period count: the annual evaluations when the
agency has any, else those of its latest window with a final evaluation. Only final states
count (not DRAFT, with a predikat), as on the curve page (`evaluation.selectors.distribution`).
An evaluation counts in the unit of its plan's post.

Categories: one per predikat (`Predikat` value, count = employees), and `ORG_<predikat>`
(count 1 on each unit row) naming the agency's organisation predikat of the same time, the
guidance the unit is checked against (`kinerja.scoring.distribution.check_distribution`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from django.db.models import Count

from kinerja.evaluation.charts import curve_summary, distribution_curve_svg
from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Panel
from kinerja.reporting.panels.base import (
    Cell,
    Counts,
    Figure,
    Level,
    PanelData,
    PanelSpec,
    PanelView,
    Row,
)
from kinerja.reporting.panels.common import count_cell, total_row
from kinerja.scoring.distribution import check_distribution
from kinerja.scoring.ratings import OrganizationPredikat, Predikat

ORG_PREFIX = "ORG_"
ANCHOR = "predikat"
ANNUAL = 0
"""The key of the annual evaluations among window numbers (windows are numbered from 1)."""

_Key = tuple[int, int | None]


def _chosen_times(times: set[tuple[int, int]]) -> dict[int, int]:
    """Per agency the time whose evaluations count: annual (0) if it has any, else its
    latest window number."""
    chosen: dict[int, int] = {}
    for agency, number in times:
        current = chosen.get(agency)
        if current is None or (current != ANNUAL and (number == ANNUAL or number > current)):
            chosen[agency] = number
    return chosen


def compute(period: PerformancePeriod) -> list[Figure]:
    from kinerja.evaluation.models import Evaluation, EvaluationState, OrganizationRating

    rows = list(
        Evaluation.objects.filter(plan__period=period)
        .exclude(state=EvaluationState.DRAFT)
        .exclude(predikat="")
        .values(
            "plan__position__agency_id", "plan__position__unit_id", "window__number", "predikat"
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    times = {(r["plan__position__agency_id"], r["window__number"] or ANNUAL) for r in rows}
    chosen = _chosen_times(times)
    ratings = {
        (agency, number or ANNUAL): predikat
        for agency, number, predikat in OrganizationRating.objects.filter(period=period)
        .values_list("agency_id", "window__number", "predikat")
        .order_by()
    }
    counts: dict[_Key, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        agency = r["plan__position__agency_id"]
        if (r["window__number"] or ANNUAL) != chosen[agency]:
            continue
        counts[(agency, r["plan__position__unit_id"])][r["predikat"]] += r["n"]
    figures: list[Figure] = []
    for (agency, unit), by_predikat in sorted(
        counts.items(), key=lambda i: (i[0][0], i[0][1] or 0)
    ):
        for predikat in Predikat:
            if by_predikat.get(predikat.value):
                figures.append(Figure(agency, unit, predikat.value, by_predikat[predikat.value]))
        org = ratings.get((agency, chosen[agency]))
        if org:
            figures.append(Figure(agency, unit, ORG_PREFIX + org, 1))
    return figures


COLUMNS = (*(predikat.label for predikat in Predikat), "Dinilai")


def predikat_counts(counts: Counts) -> dict[Predikat, int]:
    return {p: counts[p.value].count for p in Predikat if p.value in counts}


def organization_of(counts: Counts) -> OrganizationPredikat | None:
    """The one organisation predikat the counts are checked against (None: none, or several
    agencies with different ones)."""
    found = {
        c[len(ORG_PREFIX) :] for c, a in counts.items() if c.startswith(ORG_PREFIX) and a.count
    }
    return OrganizationPredikat(found.pop()) if len(found) == 1 else None


def _cells(counts: Mapping[Predikat, int], url: str) -> list[Cell]:
    return [
        *(count_cell(counts.get(p, 0), url, ANCHOR) for p in Predikat),
        count_cell(sum(counts.values()), url, ANCHOR),
    ]


def _notes(
    label: str, counts: Mapping[Predikat, int], org: OrganizationPredikat | None
) -> list[str]:
    if org is None or not counts:
        return []
    report = check_distribution(org, counts)
    return [f"{label}: {violation.message}." for violation in report.violations]


def present(data: PanelData) -> PanelView:
    rows: list[Row] = []
    notes: list[str] = []
    scope_org = None if data.level == Level.CITY else organization_of(data.total)
    total_counts = predikat_counts(data.total)
    if scope_org is not None:
        notes += _notes("Jumlah", total_counts, scope_org)
    for child in data.children:
        counts = data.by_child.get(child.key, {})
        by_predikat = predikat_counts(counts)
        if not by_predikat:
            continue
        rows.append(
            Row(label=child.label, url=child.url, cells=tuple(_cells(by_predikat, child.url)))
        )
        org = organization_of(counts) if data.level == Level.CITY else scope_org
        notes += _notes(child.label, by_predikat, org)
    if data.level != Level.CITY and rows and scope_org is None:
        notes.append(
            "Predikat kinerja organisasi belum ditetapkan; sebaran belum dapat dibandingkan "
            "dengan pedoman."
        )
    title = "Sebaran predikat kinerja pegawai"
    return PanelView(
        panel=Panel.PREDIKAT,
        title=title,
        lede="Predikat evaluasi tahunan (atau evaluasi periodik terakhir bila belum ada) yang "
        "sudah ditetapkan, dibandingkan dengan pedoman pola distribusi menurut predikat kinerja "
        "organisasi.",
        columns=COLUMNS,
        rows=tuple(rows),
        total=total_row(_cells(total_counts, "")) if rows else None,
        chart_svg=(
            distribution_curve_svg(title=title, counts=total_counts, organization=scope_org)
            if rows
            else ""
        ),
        chart_summary=curve_summary(counts=total_counts, organization=scope_org) if rows else "",
        notes=tuple(notes),
    )


SPEC = PanelSpec(panel=Panel.PREDIKAT, compute=compute, present=present)
